import PolsoCSV
import PolsoTestSupport
import Surveys
import Testing

/// Imports `bytes` written as `export.csv` in `folder` against `codebook`, collecting the responses.
func importExport(_ bytes: [UInt8], codebook: Codebook, in folder: TemporaryFolder,
                  options: ImportOptions = ImportOptions()) throws -> (ImportSummary, CollectedResponses) {
    let path = try folder.write("export.csv", bytes: bytes)
    var sink = CollectedResponses()
    let summary = try Importer(codebook: codebook, options: options).run(path: path, into: &sink)
    return (summary, sink)
}

/// The failure importing `bytes` must end with; records an issue (at the caller) when it succeeds.
func importFailure(_ bytes: [UInt8], codebook: Codebook, in folder: TemporaryFolder, options: ImportOptions = ImportOptions(),
                   sourceLocation: SourceLocation = #_sourceLocation) -> ImportFailure? {
    #expect(throws: ImportFailure.self, sourceLocation: sourceLocation) {
        _ = try importExport(bytes, codebook: codebook, in: folder, options: options)
    }
}

@Suite("One set of responses in every export shape")
struct ExportShapeTests {
    @Test("every shape gives the same answer rows and demographics",
          arguments: [SurveyFixture.small, SurveyFixture.anac], ExportShape.allCases)
    func sameResponses(fixture: SurveyFixture, shape: ExportShape) throws {
        try withTemporaryFolder { folder in
            // The codebook is read from disk, as `--survey PATH` does.
            let codebook = try Codebook.load(path: try fixture.writeCodebook(in: folder))
            let (summary, sink) = try importExport(shape.bytes(for: fixture), codebook: codebook, in: folder)
            #expect(sink.rows.map(\.answers) == fixture.expectedAnswerRows)
            #expect(sink.rows.map(\.demographics) == fixture.expectedDemographicRows)
            // Data rows start after the header rows, one physical line each.
            #expect(sink.rows.map(\.line) == Array((shape.headerRowCount + 1)...(shape.headerRowCount + 6)))
            #expect(summary.respondents == 6)
            #expect(summary.columns.format == shape.format)
            #expect(summary.columns.headerRowCount == shape.headerRowCount)
            #expect(summary.absentItems.isEmpty)
            #expect(Set(summary.columns.matchedItems) == Set(codebook.items.indices))
            #expect(sink.layout?.codebook == codebook)
        }
    }

    @Test("the fixtures hold what they claim: reversed items, blanks, all six respondents")
    func fixtures() {
        let anac = SurveyFixture.anac.codebook
        #expect(anac.items.count == 82)
        #expect(anac.items.filter(\.reversed).map(\.code) == ["A.04", "A.05", "A.09", "B.04", "B.07", "H.05"])
        #expect(SurveyFixture.small.codebook.items.filter(\.reversed).map(\.code) == ["A.04", "B.07", "H.05"])
        for fixture in [SurveyFixture.small, .anac] {
            #expect(fixture.answers.count == 6)
            #expect(fixture.answers.allSatisfy { $0.count == fixture.codebook.items.count })
            #expect(fixture.demographics.allSatisfy { $0.count == fixture.codebook.demographics.count })
            #expect(fixture.answers.joined().contains(nil))
        }
    }

    @Test("the shapes' dialects are detected: BOM, ';', Windows-1252", arguments: ExportShape.allCases)
    func dialects(shape: ExportShape) throws {
        try withTemporaryFolder { folder in
            let (summary, _) = try importExport(shape.bytes(for: .small), codebook: SurveyFixture.small.codebook, in: folder)
            let expected: CSVDialect
            switch shape {
            case .limeSurveyCodes: expected = CSVDialect(delimiter: UInt8(ascii: ";"), hasByteOrderMark: true)
            case .limeSurveySubquestions, .qualtrics: expected = CSVDialect(hasByteOrderMark: true)
            case .questionTexts, .googleFormsGrid: expected = CSVDialect()
            case .microsoftForms: expected = CSVDialect(encoding: .windows1252)
            }
            #expect(summary.dialect == expected)
            #expect(summary.notices.count == (shape == .microsoftForms ? 1 : 0))
        }
    }

    @Test("the small fixture's blanks are counted per item and the empty response is kept")
    func missingCounts() throws {
        try withTemporaryFolder { folder in
            let fixture = SurveyFixture.small
            let (summary, _) = try importExport(ExportShape.limeSurveyCodes.bytes(for: fixture), codebook: fixture.codebook, in: folder)
            // Blanks per item, read off the fixture table: A.01 r5; A.02 r2 r5; A.03 r5; A.04 r3 r5;
            // B.01 r5; B.07 r5; H.01 r3 r5; H.05 r5 r6; P.01 r2 r5; P.02 r5.
            let expected = [1, 2, 1, 2, 1, 1, 2, 2, 2, 1]
            #expect(fixture.codebook.items.indices.map { summary.missingAnswers[$0] } == expected)
            #expect(summary.emptyResponses == 1)
        }
    }

    @Test("how the columns were recognised, per shape", arguments: [
        (ExportShape.limeSurveyCodes, ColumnMap.Match.code),
        (.limeSurveySubquestions, .position),
        (.questionTexts, .text),
        (.googleFormsGrid, .grid),
        (.qualtrics, .text),
        (.microsoftForms, .text),
    ])
    func matchKinds(shape: ExportShape, match: ColumnMap.Match) throws {
        try withTemporaryFolder { folder in
            let fixture = SurveyFixture.anac
            let (summary, _) = try importExport(shape.bytes(for: fixture), codebook: fixture.codebook, in: folder)
            #expect(summary.columns.matches.compactMap { $0 } == Array(repeating: match, count: 82))
            let metadata = summary.columns.roles.filter { $0 == .metadata }.count
            // id submitdate lastpage startlanguage seed; the same without seed; none; timestamp and
            // e-mail; the eleven Qualtrics columns; ID, Start time, Completion time, Email, Name.
            let expected: [ExportShape: Int] = [.limeSurveyCodes: 5, .limeSurveySubquestions: 4, .questionTexts: 0,
                                                .googleFormsGrid: 2, .qualtrics: 11, .microsoftForms: 5]
            #expect(metadata == expected[shape])
        }
    }
}
