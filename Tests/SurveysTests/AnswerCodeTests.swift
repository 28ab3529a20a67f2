import PolsoCSV
import PolsoTestSupport
import PolsoYAML
@testable import Surveys
import Testing

/// A 1–5 questionnaire whose scale declares numeric and textual codes, one item adding its own.
let answerCodesYAML = """
    instrument: codes
    version: "1"
    title: "Codici di risposta"
    scale:
      min: 1
      max: 5
      labels: {1: "Per niente", 5: "Del tutto"}
      codes:
        not_applicable: [-1, 0, "N/A"]
        dont_know: [99, "Non so"]
    blocks:
      - id: b
        title: "Blocco"
        sections:
          - code: S
            title: "Sezione"
            items:
              - {code: Q1, text: "Uno"}
              - {code: Q2, text: "Due", codes: {missing: [-2]}}

    """

@Suite("Answer codes: missing, not applicable and don't know")
struct AnswerCodeTests {
    static let codebook = try! Codebook.decode(yaml: answerCodesYAML, file: "codes.yaml")

    static func parse(_ text: String, item: Int) -> UInt8? {
        AnswerParser(scale: codebook.scale(ofItem: item), special: codebook.specialAnswers(ofItem: item)).parse(text)
    }

    @Test("declared codes are read before the scale's numbers, as numbers in any notation or as words", arguments: [
        ("-1", 0, AnswerCode.notApplicable), ("0", 0, AnswerCode.notApplicable), ("-1.0", 0, AnswerCode.notApplicable),
        ("n/a", 0, AnswerCode.notApplicable), ("99", 0, AnswerCode.dontKnow), ("99,0", 0, AnswerCode.dontKnow),
        ("NON SO", 0, AnswerCode.dontKnow), ("", 0, AnswerCode.missing), ("3", 0, 3), ("Del tutto", 0, 5),
        ("-2", 1, AnswerCode.missing), ("-1", 1, AnswerCode.notApplicable),
    ] as [(String, Int, UInt8)])
    func declared(text: String, item: Int, code: UInt8) {
        #expect(Self.parse(text, item: item) == code)
    }

    @Test("an undeclared code stays an error: -2 is declared for Q2 only, 98 for none")
    func undeclared() {
        #expect(Self.parse("-2", item: 0) == nil)
        #expect(Self.parse("98", item: 1) == nil)
        #expect(Self.parse("6", item: 0) == nil)
    }

    @Test("the one-byte table of the import loop holds the one-character codes: 0 is not applicable, 6 needs the full parser")
    func singleByte() {
        let table = AnswerParser(scale: Self.codebook.scale, special: Self.codebook.specialAnswers(ofItem: 0)).singleByteCodes
        #expect(table[Int(UInt8(ascii: "0"))] == AnswerCode.notApplicable)
        #expect(table[Int(UInt8(ascii: "3"))] == 3)
        #expect(table[Int(UInt8(ascii: "6"))] == AnswerParser.needsFullParse)
    }

    @Test("an import stores 254 for not applicable, 253 for don't know, 255 for missing and counts them")
    func stored() throws {
        try withTemporaryFolder { folder in
            let bytes = Array("id,Q1,Q2\n1,5,-1\n2,-1,4\n3,0,99\n4,99,-2\n5,3,2\n6,Non so,5\n".utf8)
            let (summary, sink) = try importExport(bytes, codebook: Self.codebook, in: folder)
            #expect(sink.rows.map(\.answers) == [[5, 254], [254, 4], [254, 253], [253, 255], [3, 2], [253, 5]])
            #expect(summary.notApplicableAnswers == 3)
            #expect(summary.dontKnowAnswers == 3)
            #expect(summary.missingAnswers == [0: 0, 1: 1])
            // Rows 3 (not applicable, don't know) and 4 (don't know, missing) answered no item on the scale.
            #expect(summary.emptyResponses == 2)
        }
    }

    @Test("a code that is a point of the scale, a label, or declared twice with two meanings is refused", arguments: [
        ("not_applicable: [-1, 0, \"N/A\"]", "not_applicable: [-1, 3]", "item Q1: the code 3 under scale.codes.not_applicable is a point of the scale 1–5; a declared code must lie outside the scale"),
        ("not_applicable: [-1, 0, \"N/A\"]", "not_applicable: [\"del tutto\"]", "item Q1: the code \"del tutto\" under scale.codes.not_applicable is also the label of point 5; a declared code must differ from every label"),
        // A codebook-wide word that is a number of the scale would hide that point.
        ("blocks:\n", "missing_answers: [\"3\"]\nblocks:\n", "item Q1: the code 3 under missing_answers is a point of the scale 1–5; a declared code must lie outside the scale"),
        ("dont_know: [99, \"Non so\"]", "dont_know: [99, \"Non so\", -1]", "item Q1: \"-1\" is declared both as not_applicable and as dont_know; choose one"),
    ])
    func refused(old: String, new: String, message: String) {
        let error = #expect(throws: YAMLFileError.self) {
            _ = try Codebook.decode(yaml: answerCodesYAML.replacingOccurrences(of: old, with: new), file: "codes.yaml")
        }
        #expect(error?.message == message)
        #expect(error?.keyPath == "blocks[0].sections[0].items[0]")
    }

    @Test("most rejected answers sharing one value give the advice to declare it, with the key and a snippet")
    func declareAdvice() throws {
        try withTemporaryFolder { folder in
            let plain = try Codebook.decode(yaml: answerCodesYAML.replacingOccurrences(of: "not_applicable: [-1, 0, \"N/A\"]", with: "not_applicable: [\"N/A\"]"),
                                            file: "codes.yaml")
            let bytes = Array("id,Q1,Q2\n1,-1,2\n2,-1,-1\n3,4,-1\n4,7,3\n".utf8)
            let error = importFailure(bytes, codebook: plain, in: folder)
            #expect(error?.total == 5)
            #expect(error?.advice == """
                Most rejected answers (4 of 5) are "-1", given to Q1, Q2. If it is a code of the survey tool (not applicable, don't know, no answer), \
                declare it in the codebook rather than skipping rows: --skip-invalid-rows would drop every respondent who ever gave it.
                Declare it under the codebook's scale (key scale.codes.not_applicable, or .dont_know / .missing):
                  scale:
                    codes:
                      not_applicable: [-1]
                """)
            #expect(error?.problems.first?.message == "is outside the scale 1–5 and no declared code; accepted: 1–5, the labels \"Per niente\" (1), \"Del tutto\" (5), A1–A5, not applicable \"N/A\", don't know 99, \"Non so\", or an empty cell")
        }
    }
}

extension AnswerCodeTests {
    @Test("a word rejected everywhere gets the declare advice and the synonym alternative; scattered values keep the skip advice")
    func wordAdvice() throws {
        try withTemporaryFolder { folder in
            let word = importFailure(Array("id,Q1,Q2\n1,Boh,2\n2,boh,Boh\n3,4,7\n".utf8), codebook: Self.codebook, in: folder)
            #expect(word?.advice?.hasPrefix("Most rejected answers (3 of 4) are \"Boh\", given to Q1, Q2.") == true)
            #expect(word?.advice?.hasSuffix("add it to that point's labels as a synonym: 4: [\"Abbastanza d'accordo\", \"Boh\"].") == true)
            let scattered = importFailure(Array("id,Q1,Q2\n1,7,8\n2,9,2\n".utf8), codebook: Self.codebook, in: folder)
            #expect(scattered?.advice == "Fix the file, or import the valid rows with --skip-invalid-rows (the others go to a rejects file).")
            // One code-shaped value is enough for the declare advice; one other value (a typo) is not.
            let one = importFailure(Array("id,Q1,Q2\n1,-9,2\n".utf8), codebook: Self.codebook, in: folder)
            #expect(one?.advice?.hasPrefix("Most rejected answers (1 of 1) are \"-9\", given to Q1.") == true)
            let typo = importFailure(Array("id,Q1,Q2\n1,7,2\n".utf8), codebook: Self.codebook, in: folder)
            #expect(typo?.advice == "Fix the file, or import the valid rows with --skip-invalid-rows (the others go to a rejects file).")
        }
    }
}
