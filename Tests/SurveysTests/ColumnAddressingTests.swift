import Foundation
import PolsoTestSupport
import Surveys
import Testing

@Suite("Mapping files address columns by position, pattern and code; short rows")
struct ColumnAddressingTests {
    static func run(_ name: String, mapping: [String: String]) throws -> (ImportSummary, CollectedResponses) {
        var sink = CollectedResponses()
        let options = ImportOptions(mapping: ColumnMapping(columns: mapping))
        let summary = try Importer(codebook: LayoutFixtures.codebook, options: options).run(path: LayoutFixtures.path(name), into: &sink)
        return (summary, sink)
    }

    @Test("by position, by the code of a code + text heading, and by glob pattern")
    func positionCodeAndPattern() throws {
        // Columns 7 and 8 (1-based) hold Q1_1 and Q1_2: swapped by position; Q1_3 by its LimeSurvey code.
        let (summary, sink) = try Self.run("limesurvey-codetext-it.csv", mapping: [
            "#7": "Q1_2", "#8": "Q1_1", "Q1[SQ003]": "Q1_3", "glob:*. Nome": "ignore", "glob:attribute_*": "metadata",
        ])
        let expected = try #require(LayoutFixtures.expected["limesurvey-codetext-it.csv"])
        #expect(sink.rows.map(\.answers) == expected.answers.map { [$0[1], $0[0], $0[2]] })
        #expect(summary.columns.matches[6] == .mappingFile)
        #expect(summary.columns.skipReason(ofColumn: 11) == .mappingFile)  // firstname. Nome
        #expect(summary.columns.roles[14] == .metadata)                     // attribute_1. Ufficio
    }

    @Test("empty and repeated headers are mappable by position")
    func emptyAndRepeatedHeaders() throws {
        // limesurvey-rdata.csv: column 13 has no heading, 14 and 15 are both "Commenti".
        let (summary, sink) = try Self.run("limesurvey-rdata.csv", mapping: ["#12": "ignore", "#13": "Q2", "#15": "metadata"])
        #expect(summary.columns.roles[12] == .demographic(0))
        #expect(summary.columns.roles[14] == .metadata)
        #expect(sink.rows.map(\.demographics) == [[0], [0], [0], [0]])  // the empty column holds no answer
    }

    @Test("two patterns giving one column different codes are a problem naming both")
    func conflictingPatterns() throws {
        let error = #expect(throws: ImportFailure.self) {
            _ = try Self.run("excel-it-1252.csv", mapping: ["glob:Il *": "Q1_1", "glob:*cortese": "ignore"])
        }
        #expect(error?.problems.first?.message.contains("\"glob:*cortese\", \"glob:Il *\" give it different codes") == true)
    }

    @Test("a glob matches the whole text: * any run of characters, ? one, case ignored")
    func globSyntax() {
        #expect(Glob.matches("Q5_*", "q5_question_one"))
        #expect(Glob.matches("Q?_1", "Q2_1"))
        #expect(!Glob.matches("Q?_1", "Q12_1"))
        #expect(!Glob.matches("Q5", "Q5_1"))
        #expect(Glob.matches("*[Other]", "Genere [Other]"))
    }

    @Test("a short row is accepted when it lacks only skipped columns, refused when it lacks an answer")
    func shortRows() throws {
        try withTemporaryFolder { folder in
            let codebook = LayoutFixtures.codebook
            let accepted = try folder.write("short.csv", text: "Q1_1,Q1_2,Q1_3,Q2,Status\n5,4,3,1,ok\n4,4,4,2\n")
            var sink = CollectedResponses()
            _ = try Importer(codebook: codebook).run(path: accepted, into: &sink)
            #expect(sink.rows.map(\.answers) == [[5, 4, 3], [4, 4, 4]])
            let refused = try folder.write("shorter.csv", text: "Q1_1,Q1_2,Q1_3,Q2,Status\n5,4,3,1,ok\n4,4,4\n")
            var other = CollectedResponses()
            let error = #expect(throws: ImportFailure.self) { _ = try Importer(codebook: codebook).run(path: refused, into: &other) }
            #expect(error?.problems.map(\.description) == [
                "\(refused):3:4: column \"Q2\": the row has 3 fields, the header 5: a field is missing or a delimiter was lost",
            ])
        }
    }

    @Test("the draft mapping is a valid mapping file that gives the same columns")
    func draftRoundTrip() throws {
        for name in LayoutFixtures.expected.keys.sorted() {
            let importer = Importer(codebook: LayoutFixtures.codebook)
            let draft = try importer.draftMapping(path: LayoutFixtures.path(name))
            try withTemporaryFolder { folder in
                let path = try folder.write("draft.yaml", text: draft)
                let mapping = try ColumnMapping.load(path: path)
                var plain = CollectedResponses(), mapped = CollectedResponses()
                let first = try importer.run(path: LayoutFixtures.path(name), into: &plain)
                let second = try Importer(codebook: LayoutFixtures.codebook, options: ImportOptions(mapping: mapping))
                    .run(path: LayoutFixtures.path(name), into: &mapped)
                #expect(mapped.rows == plain.rows, "\(name)")
                #expect(second.columns.roles.map(Self.answerRole) == first.columns.roles.map(Self.answerRole), "\(name)")
                #expect(second.columns.matches.allSatisfy { $0 == .mappingFile }, "\(name)")
            }
        }
    }

    /// Roles with metadata and ignored columns taken together (a draft may write either for a skipped column).
    static func answerRole(_ role: ColumnMap.Role) -> String {
        switch role {
        case let .item(index): return "item \(index)"
        case let .demographic(index): return "demographic \(index)"
        case .metadata, .ignored: return "skipped"
        }
    }

    @Test("an unrecognised second header row is its own message; --header-rows settles it")
    func headerRowsNotRecognised() throws {
        try withTemporaryFolder { folder in
            let path = try folder.write("two-headers.csv", text: """
                Q1_1,Q1_2,Q1_3,Q2
                Il personale è cortese,I tempi di attesa,Le informazioni,Genere
                5,4,4,Donna

                """)
            var sink = CollectedResponses()
            let error = #expect(throws: ImportFailure.self) { _ = try Importer(codebook: LayoutFixtures.codebook).run(path: path, into: &sink) }
            #expect(error?.problems.map(\.description) == [
                "\(path):2: header rows not recognised: this line holds text in 3 of 3 answer columns (\"Il personale è cortese\" under \"Q1_1\", \"I tempi di attesa\" under \"Q1_2\") and answers none, so it looks like one more header row; the file was read as plain CSV, one header row, 1 header row",
            ])
            #expect(error?.advice == "If the file has more header rows, give their number with --header-rows N.")
            var options = ImportOptions()
            options.headerRows = 2
            var given = CollectedResponses()
            let summary = try Importer(codebook: LayoutFixtures.codebook, options: options).run(path: path, into: &given)
            #expect(given.rows.map(\.answers) == [[5, 4, 4]])
            #expect(summary.columns.headerRowCount == 2)
        }
    }

    @Test("an ambiguous column is an open question in the draft; settling it as proposed imports the file")
    func ambiguousColumnThroughTheDraft() throws {
        try withTemporaryFolder { folder in
            let codebookPath = try folder.write("codebook.yaml", text: """
                instrument: twins
                version: "1"
                title: "Two items with one text"
                scale: {min: 1, max: 5, positive_from: 4}
                blocks:
                  - id: b
                    title: "B"
                    sections:
                      - code: S
                        title: "S"
                        items:
                          - {code: X1, text: "Stesso testo"}
                          - {code: X2, text: "Stesso testo"}

                """)
            let codebook = try Codebook.decode(yaml: String(contentsOfFile: codebookPath, encoding: .utf8), file: codebookPath)
            let export = try folder.write("export.csv", text: "Stesso testo,X2,Note\n4,5,ok\n2,1,\n")
            var sink = CollectedResponses()
            let error = #expect(throws: ImportFailure.self) { _ = try Importer(codebook: codebook).run(path: export, into: &sink) }
            #expect(error?.problems.map(\.message) == [
                "ambiguous: it could be item X1 or item X2; settle it with --map (\"#1\": CODE)",
                "item X1 \"Stesso testo\" has no column; nearest columns: #1 \"Stesso testo\"",
            ])
            let draft = try #require(error?.draftMapping)
            #expect(draft.contains("""
                  "X2": "X2"  # matched by code
                """))
            #expect(draft.contains("""
                  # ? #1 "Stesso testo": ambiguous: it could be item X1 or item X2; settle it with --map ("#1": CODE)
                  # "Stesso testo": "X1"
                """))
            // The proposal appears twice (for the column and for the item): a user uncomments one.
            let proposal = try #require(draft.range(of: "  # \"Stesso testo\": \"X1\"\n"))
            let settled = draft.replacingCharacters(in: proposal, with: "  \"Stesso testo\": \"X1\"\n")
            let mapping = try ColumnMapping.load(path: try folder.write("map.yaml", text: settled))
            var mapped = CollectedResponses()
            _ = try Importer(codebook: codebook, options: ImportOptions(mapping: mapping)).run(path: export, into: &mapped)
            #expect(mapped.rows.map(\.answers) == [[4, 5], [2, 1]])
        }
    }

    @Test("LimeSurvey ExpressionScript names A_SQ001 are the n-th item of section A")
    func expressionScriptNames() throws {
        try withTemporaryFolder { folder in
            let path = try folder.write("es.csv", text: "id,submitdate,lastpage,startlanguage,Q1_SQ002,Q1_SQ001,Q1_SQ003,Q2\n1,,1,it,4,5,3,2\n")
            var sink = CollectedResponses()
            let summary = try Importer(codebook: LayoutFixtures.codebook).run(path: path, into: &sink)
            #expect(sink.rows.map(\.answers) == [[5, 4, 3]])
            #expect(summary.columns.layout.layout == "question code headings")
        }
    }
}
