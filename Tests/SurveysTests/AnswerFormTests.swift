import PolsoTestSupport
@testable import Surveys
import Testing

@Suite("Answer forms")
struct AnswerFormTests {
    static let codebook = SurveyFixture.small.codebook

    static func parse(_ text: String) -> UInt8? {
        let parser = AnswerParser(scale: codebook.scale, special: SpecialAnswers(missing: codebook.missingAnswers))
        return Array(text.utf8).withUnsafeBytes { parser.parse($0) }
    }

    @Test("numbers, LimeSurvey codes, numbered labels and labels are read as the scale point; blanks as missing", arguments: [
        ("5", 5), ("5.0", 5), ("5,00", 5), (" 4 ", 4), ("A5", 5), ("a2", 2), ("AO03", 3),
        ("6 - Del tutto d'accordo", 6), ("1 = Per nulla", 1), ("Molto d'accordo", 5), ("molto d’accordo", 5),
        ("MOLTO  D'ACCORDO", 5), ("Per nulla d'accordo", 1),
        ("", 255), ("  ", 255), ("N/A", 255), ("n/a", 255), ("Non so", 255), ("NON SO", 255),
    ] as [(String, UInt8)])
    func valid(text: String, code: UInt8) {
        #expect(Self.parse(text) == code)
    }

    @Test("anything else is no answer", arguments: ["7", "0", "-1", "4.5", "A7", "A0", "boh", "7 - Oltre", "Molto poco", "5 5"])
    func invalid(text: String) {
        #expect(Self.parse(text) == nil)
    }

    @Test("the same forms through a whole import, one per row")
    func throughImport() throws {
        try withTemporaryFolder { folder in
            let forms = ["6", "5.0", "5,00", "A5", "AO03", "6 - Del tutto d'accordo", "Molto d'accordo", "molto d’accordo",
                         "", "N/A", "Non so", " 4 "]
            // An id column keeps the empty answer's row from being a blank line, which CSV skips.
            let bytes = CSVLayout().bytes([["id", "A01"]] + forms.enumerated().map { ["\($0.offset + 1)", $0.element] })
            let (summary, sink) = try importExport(bytes, codebook: Self.codebook, in: folder,
                                                   options: ImportOptions(allowMissingItems: true))
            #expect(sink.rows.map { $0.answers[0] } == [6, 5, 5, 5, 3, 6, 5, 5, 255, 255, 255, 4])
            // The other nine items have no column: missing in every row.
            #expect(sink.rows.allSatisfy { $0.answers.dropFirst() == ArraySlice(repeating: 255, count: 9) })
            #expect(summary.missingAnswers == [0: 3])
            #expect(summary.emptyResponses == 3)
        }
    }

    @Test("each invalid form is a problem naming line, column, header and value")
    func invalidThroughImport() throws {
        try withTemporaryFolder { folder in
            let bytes = CSVLayout().bytes([["id", "A01"], ["1", "7"], ["2", "4.5"], ["3", "boh"], ["4", "-1"], ["5", "3"]])
            let error = importFailure(bytes, codebook: Self.codebook, in: folder, options: ImportOptions(allowMissingItems: true))
            let file = folder.path("export.csv")
            let accepted = "accepted: 1–6, the labels \"Per nulla d'accordo\" (1) … \"Del tutto d'accordo\" (6), A1–A6, missing \"N/A\", \"Non so\", or an empty cell"
            #expect(error?.problems.map(\.description) == [
                "\(file):2:2: column \"A01\": value \"7\" is outside the scale 1–6 and no declared code; \(accepted)",
                "\(file):3:2: column \"A01\": value \"4.5\" is not a whole point of the scale 1–6; \(accepted)",
                "\(file):4:2: column \"A01\": value \"boh\" is not an answer of the scale 1–6; \(accepted)",
                "\(file):5:2: column \"A01\": value \"-1\" is outside the scale 1–6 and no declared code; \(accepted)",
            ])
            #expect(error?.total == 4)
        }
    }
}
