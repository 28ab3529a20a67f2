import Foundation
import PolsoCSV
import PolsoTestSupport
import Surveys
import Testing

/// The fixtures of `Tests/Fixtures/layouts`: one per tool and layout, the same four invented
/// responses in each, read independently by `expected.py` into `expected.json`.
enum LayoutFixtures {
    static let folder: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<2 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Fixtures/layouts")
    }()

    struct Expected: Decodable {
        var format: String
        var layout: String
        var headerRows: Int
        var answers: [[UInt8]]
        var demographics: [[UInt8]]
    }

    static let expected: [String: Expected] = {
        let data = try! Data(contentsOf: folder.appendingPathComponent("expected.json"))
        return try! JSONDecoder().decode([String: Expected].self, from: data)
    }()

    static let codebook: Codebook = {
        let path = folder.appendingPathComponent("codebook.yaml").path
        return try! Codebook.decode(yaml: String(contentsOfFile: path, encoding: .utf8), file: path)
    }()

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}

@Suite("Every tool's layout imports with only a codebook")
struct LayoutFixtureTests {
    @Test("the stored answers equal the independent reading", arguments: LayoutFixtures.expected.keys.sorted())
    func importsAsRead(name: String) throws {
        let expected = try #require(LayoutFixtures.expected[name])
        var sink = CollectedResponses()
        let summary = try Importer(codebook: LayoutFixtures.codebook).run(path: LayoutFixtures.path(name), into: &sink)
        #expect(summary.columns.format.rawValue == expected.format)
        #expect(summary.columns.layout.layout == expected.layout)
        #expect(summary.columns.headerRowCount == expected.headerRows)
        #expect(sink.rows.map(\.answers) == expected.answers)
        #expect(sink.rows.map(\.demographics) == expected.demographics)
        #expect(summary.absentItems.isEmpty)
    }

    @Test("columns that are no item are ignored and told apart by kind")
    func ignoredByKind() throws {
        var sink = CollectedResponses()
        let summary = try Importer(codebook: LayoutFixtures.codebook).run(path: LayoutFixtures.path("limesurvey-codetext-it.csv"), into: &sink)
        let map = summary.columns
        let reasons = map.roles.indices.map { map.skipReason(ofColumn: $0)?.rawValue ?? "answers" }
        // id, submitdate, lastpage, startlanguage, seed, token; three items; gender; comments;
        // firstname, lastname, email, attribute_1 (token attributes); interviewtime.
        #expect(reasons == ["metadata", "metadata", "metadata", "metadata", "metadata", "metadata",
                            "answers", "answers", "answers", "answers", "free text",
                            "metadata", "metadata", "metadata", "metadata", "metadata"])
        #expect(map.layout.columns.prefix(6).map(\.name) == ["id", "submitdate", "lastpage", "startlanguage", "seed", "token"])
    }

    @Test("LimeSurvey text headings: metadata named by the shape of its values, in any language")
    func limeSurveyMetadataByValues() throws {
        let rows = try LayoutFixtures.rows("limesurvey-fulltext-it.csv")
        let layout = try #require(ExportLayout.recognise(rows, atEnd: true))
        #expect(layout.columns.prefix(7).map(\.name) == ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"])
        #expect(layout.columns.prefix(7).allSatisfy { $0.kind == .metadata })
        #expect(layout.columns[7].kind == .answer)
        // "Tempo totale", "Tempo per il gruppo di domande: …": LimeSurvey's timings in Italian.
        #expect(layout.columns.suffix(2).map(\.kind) == [.metadata, .metadata])
    }

    @Test("a Qualtrics export with one header row is told from its response ids")
    func qualtricsWithoutTextRow() throws {
        let rows = [["ResponseId", "StartDate", "Q1"], ["R_abc123DEF", "2025-01-01 10:00:00", "3"]]
        let layout = try #require(ExportLayout.recognise(rows, atEnd: true))
        #expect(layout.format == .qualtrics)
        #expect(layout.headerRowCount == 1)
    }

    @Test("a plain CSV with a ResponseId column of its own keeps its first respondent")
    func responseIdWithoutQualtricsIds() throws {
        let rows = [["ResponseId", "Q1"], ["1", "3"], ["2", "4"]]
        let layout = try #require(ExportLayout.recognise(rows, atEnd: true))
        #expect(layout.headerRowCount == 1)
        // Tagged by its dates alone, without a response id column.
        let dated = [["StartDate", "RecordedDate", "Q1"], ["Data di inizio", "Data registrata", "Domanda"],
                     ["{\"ImportId\":\"startDate\"}", "{\"ImportId\":\"recordedDate\"}", "{\"ImportId\":\"QID1\"}"],
                     ["2025-01-01 10:00:00", "2025-01-01 10:05:00", "3"]]
        #expect(ExportLayout.recognise(dated, atEnd: true)?.headerRowCount == 3)
    }

    @Test("a SurveyMonkey condensed export (empty second row) keeps its metadata apart")
    func surveyMonkeyCondensed() throws {
        let rows = [["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "How satisfied are you?"],
                    ["", "", "", "", "", ""],
                    ["1001", "C1", "2024-01-01", "2024-01-01", "192.0.2.1", "4"]]
        let layout = try #require(ExportLayout.recognise(rows, atEnd: true))
        #expect(layout.format == .surveyMonkey)
        #expect(layout.headerRowCount == 2)
        #expect(layout.columns.map(\.kind) == [.metadata, .metadata, .metadata, .metadata, .metadata, .answer])
    }

    @Test("Google Forms timestamps in any locale are recognised by their values",
          arguments: ["1/15/2025 21:53:05", "20/09/2026 18.01.22", "2025-01-15 21:53:05", "15.01.2025 21:53:05"])
    func googleFormsTimestamp(value: String) throws {
        let rows = [["Zeitstempel", "Wie zufrieden sind Sie?"], [value, "4"]]
        let layout = try #require(ExportLayout.recognise(rows, atEnd: true))
        #expect(layout.format == .googleForms)
        #expect(layout.columns[0].kind == .metadata)
        #expect(layout.columns[0].name == "timestamp")
    }

    @Test("group paths: ODK '-', KoboToolbox '/', but not a KoboToolbox select-multiple option column")
    func groupPaths() throws {
        try withTemporaryFolder { folder in
            let path = try folder.write("kobo.csv", text: """
                start;end;servizio/Q1_1;servizio/Q1_2;servizio/Q1_3;Q2;Q2/Q1_1;_uuid
                2017-10-23T05:40:39;2017-10-23T05:41:13;5;4;3;1;0;u1

                """)
            var sink = CollectedResponses()
            let summary = try Importer(codebook: LayoutFixtures.codebook).run(path: path, into: &sink)
            #expect(sink.rows.map(\.answers) == [[5, 4, 3]])
            // "Q2/Q1_1" is an option of the select-multiple Q2, not item Q1_1.
            #expect(summary.columns.roles[6] == .ignored)
        }
    }

    @Test("the '_' prefix marks metadata in KoboToolbox files only, after item matching")
    func underscoreRule() throws {
        let plain = try #require(ExportLayout.recognise([["_note", "Q1"], ["x", "3"]], atEnd: true))
        #expect(plain.format == .plain)
        #expect(plain.columns[0].kind != .metadata)
        var sink = CollectedResponses()
        let summary = try Importer(codebook: LayoutFixtures.codebook).run(path: LayoutFixtures.path("kobo-hxl.csv"), into: &sink)
        #expect(summary.columns.roles[4] == .item(2))   // "_Q1_3"
        #expect(summary.columns.roles[7] == .metadata)  // "_id"
    }
}

extension LayoutFixtures {
    /// The rows of a UTF-8 fixture, read with the reader Polso uses.
    static func rows(_ name: String) throws -> [[String]] {
        var rows: [[String]] = []
        try CSVReader(path: path(name)).forEachRecord { rows.append($0.strings()) }
        return rows
    }
}
