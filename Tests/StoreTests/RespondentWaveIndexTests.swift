import Foundation
import GRDB
import PolsoTestSupport
import Store
import Surveys
import Testing

/// The wave index built once after a bulk import into an empty respondent table.
@Suite("Store: respondent wave index")
struct RespondentWaveIndexTests {
    static func index(_ path: String) throws -> (names: [String], plan: String) {
        try DatabaseQueue(path: path).read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'respondent' ORDER BY name"),
             try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT answers FROM respondent WHERE wave_id = 1").map { $0["detail"] as String }.joined())
        }
    }

    @Test("after an import into a fresh store, after a refused one and after one into a store holding respondents, the index is there and used")
    func indexKept() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder)
            let path = folder.path("polso.sqlite")
            // Refused (the header row repeated as a last response): rolled back, index included.
            let lines = String(decoding: ExportShape.limeSurveyCodes.bytes(for: bench.fixture), as: UTF8.self)
                .split(whereSeparator: \.isNewline).map(String.init)
            let broken = lines + [lines[0].replacingOccurrences(of: "\u{FEFF}", with: "")]
            #expect(throws: ImportFailure.self) { try bench.importFile(try bench.write("broken.csv", lines: broken), year: 2019) }
            #expect(try Self.index(path).names == ["respondent_wave"])
            #expect(try bench.store.waves(body: Body.localCode, instrument: bench.fixture.codebook.instrument).allSatisfy { $0.respondents == 0 })

            try bench.importSample("a.csv", year: 2020)
            var index = try Self.index(path)
            #expect(index.names == ["respondent_wave"])
            #expect(index.plan.contains("USING INDEX respondent_wave"))
            // Into a table that holds respondents, kept up row by row.
            // Another questionnaire into a table that holds respondents: the index is kept up row by row.
            let anac = SurveyFixture.anac
            let other = try folder.write("anac.csv", bytes: ExportShape.limeSurveyCodes.bytes(for: anac))
            try bench.importFile(other, year: 2020, fixture: anac)
            index = try Self.index(path)
            #expect(index.names == ["respondent_wave"])
            #expect(try bench.store.waves(body: Body.localCode, instrument: bench.fixture.codebook.instrument).map(\.respondents) == [bench.fixture.answers.count])
            #expect(try bench.store.waves(body: Body.localCode, instrument: anac.codebook.instrument).map(\.respondents) == [anac.answers.count])
        }
    }
}
