import PolsoTestSupport
import PolsoYAML
import Surveys
import Testing

@Suite("Mapping files and missing items")
struct ColumnMappingTests {
    static let fixture = SurveyFixture.small

    /// The first two respondents of the small fixture under a header whose A.01 column carries
    /// an unknown wording, plus a "Reparto" column that is no item at all.
    static let exportWithStrangers = CSVLayout().bytes([
        ["id", "Il mio posto di lavoro è sicuro", "A02", "A03", "A04", "B01", "B07", "H01", "H05", "P01", "P02", "R01", "R02", "Reparto"],
        ["1", "6", "5", "4", "1", "6", "2", "5", "1", "4", "5", "Donna", "Più di 40 anni", "Ragioneria"],
        ["2", "4", "", "3", "2", "5", "1", "4", "3", "", "2", "Uomo", "", "Anagrafe"],
    ])

    @Test("an item without a column is refused with its nearest columns; other columns are ignored, by kind")
    func unmatchedWithoutMap() throws {
        try withTemporaryFolder { folder in
            let error = importFailure(Self.exportWithStrangers, codebook: Self.fixture.codebook, in: folder)
            // "posto" → "luogo" is 4 substitutions in 31 letters; "Reparto" is farther than half its
            // length from every item, so it is no candidate.
            #expect(error?.problems.map(\.message) == [
                "item A.01 \"Il mio luogo di lavoro è sicuro\" has no column; nearest columns: #2 \"Il mio posto di lavoro è sicuro\"",
            ])
            #expect(error?.problems.map(\.line) == [1])
            #expect(error?.draftMapping?.contains("  # \"Il mio posto di lavoro è sicuro\": \"A.01\"") == true)
        }
    }

    @Test("a mapping file settles an unmatched column and ignores another")
    func mappingFile() throws {
        try withTemporaryFolder { folder in
            let mapPath = try folder.write("map.yaml", text: """
                columns:
                  "Il mio posto di lavoro è sicuro": A.01
                  reparto: ignore

                """)
            let mapping = try ColumnMapping.load(path: mapPath)
            let (summary, sink) = try importExport(Self.exportWithStrangers, codebook: Self.fixture.codebook, in: folder,
                                                   options: ImportOptions(mapping: mapping))
            #expect(sink.rows.map(\.answers) == Array(Self.fixture.expectedAnswerRows.prefix(2)))
            #expect(sink.rows.map(\.demographics) == Array(Self.fixture.expectedDemographicRows.prefix(2)))
            #expect(summary.columns.roles[1] == .item(0))
            #expect(summary.columns.matches[1] == .mappingFile)
            // The header is matched ignoring case: "Reparto" against "reparto".
            #expect(summary.columns.roles[13] == .ignored)
        }
    }

    @Test("a mapping file that names an unknown code is a column problem")
    func mappingToUnknownCode() throws {
        try withTemporaryFolder { folder in
            let mapping = ColumnMapping(columns: ["Il mio posto di lavoro è sicuro": "A.01", "Reparto": "Z.99"])
            let error = importFailure(Self.exportWithStrangers, codebook: Self.fixture.codebook, in: folder,
                                      options: ImportOptions(mapping: mapping))
            #expect(error?.problems.map(\.description) == [
                "\(folder.path("export.csv")):1:14: column \"Reparto\": the mapping file maps it (\"Reparto\") to 'Z.99', which is no item or demographic code of test-small",
            ])
        }
    }

    @Test("a mapping file with a misspelt key names file, line and key")
    func mappingFileError() throws {
        try withTemporaryFolder { folder in
            let path = try folder.write("map.yaml", text: "# mapping\ncolums:\n  Reparto: ignore\n")
            let error = #expect(throws: YAMLFileError.self) { _ = try ColumnMapping.load(path: path) }
            #expect(error?.file == path)
            #expect(error?.line == 2)
            #expect(error?.keyPath == "colums")
            #expect(error?.message == "unknown key 'colums'; expected one of: columns")
        }
    }

    /// The small fixture's first respondent without the H.05 and P.02 columns.
    static let exportWithoutTwoItems = CSVLayout().bytes([
        ["A01", "A02", "A03", "A04", "B01", "B07", "H01", "P01", "R01", "R02"],
        ["6", "5", "4", "1", "6", "2", "5", "4", "Donna", "Più di 40 anni"],
    ])

    @Test("items without a column are refused by default")
    func missingItemsRefused() throws {
        try withTemporaryFolder { folder in
            let error = importFailure(Self.exportWithoutTwoItems, codebook: Self.fixture.codebook, in: folder)
            #expect(error?.problems.map(\.description) == [
                "\(folder.path("export.csv")):1: item H.05 \"Se potessi, comunque cambierei ente\" has no column",
                "\(folder.path("export.csv")):1: item P.02 \"Stimo il mio capo e lo considero una persona competente\" has no column",
            ])
        }
    }

    @Test("a demographic question without a column is refused with its nearest columns")
    func missingDemographicRefused() throws {
        try withTemporaryFolder { folder in
            // The small fixture's first respondent with the gender column headed "Sess" (a typo).
            let bytes = CSVLayout().bytes([
                ["A01", "A02", "A03", "A04", "B01", "B07", "H01", "H05", "P01", "P02", "Sess", "R02"],
                ["6", "5", "4", "1", "6", "2", "5", "1", "4", "5", "Donna", "Più di 40 anni"],
            ])
            let error = importFailure(bytes, codebook: Self.fixture.codebook, in: folder)
            #expect(error?.problems.map(\.message) == [
                "demographic question 'gender' \"Sesso\" has no column; nearest columns: #11 \"Sess\"",
            ])
            #expect(error?.draftMapping?.contains("  # \"Sess\": \"gender\"\n") == true)
        }
    }

    @Test("allowMissingItems imports them as missing answers")
    func missingItemsAllowed() throws {
        try withTemporaryFolder { folder in
            let (summary, sink) = try importExport(Self.exportWithoutTwoItems, codebook: Self.fixture.codebook, in: folder,
                                                   options: ImportOptions(allowMissingItems: true))
            #expect(sink.rows.map(\.answers) == [[6, 5, 4, 1, 6, 2, 5, 255, 4, 255]])
            #expect(sink.rows.map(\.demographics) == [[1, 2]])
            #expect(summary.absentItems == ["H.05", "P.02"])
            #expect(summary.missingAnswers.keys.sorted() == [0, 1, 2, 3, 4, 5, 6, 8])
        }
    }
}
