import Foundation
import GRDB
import PolsoTestSupport
@testable import Store
import Surveys
import Testing

@Suite("Respondent ids and submission dates in the store")
struct WaveIdentityStoreTests {
    /// The stored `response_id` of every respondent, in import order.
    func storedIds(_ bench: StoreBench) throws -> [String?] {
        if let owner = bench.owner { return try owner.texts("SELECT response_id FROM respondent ORDER BY id") }
        return try DatabaseQueue(path: bench.store.path).read { db in
            try String?.fetchAll(db, sql: "SELECT response_id FROM respondent ORDER BY id")
        }
    }

    @Test("each layout's ids and dates are stored as the export writes them", arguments: [
        // shape, ids, first and last day, order (see ExportShape: 2016 timestamps in each tool's form)
        (ExportShape.limeSurveyCodes, (1...6).map(String.init), nil as String?, nil as String?, nil as String?),
        (ExportShape.qualtrics, (1...6).map { "R_\($0)aBcD" }, "2016-03-01", "2016-03-01", "year first"),
        (ExportShape.googleFormsGrid, [], "2016-01-03", "2016-03-01", "unknown"),
        (ExportShape.microsoftForms, (1...6).map(String.init), "2016-01-03", "2016-03-01", "unknown"),
    ] as [(ExportShape, [String], String?, String?, String?)])
    func layouts(shape: ExportShape, ids: [String], first: String?, last: String?, order: String?) throws {
        for engine in StoreEngineKind.all {
            try withTemporaryFolder { folder in
                let bench = try StoreBench(folder, engine: engine)
                let path = try folder.write("export.csv", bytes: shape.bytes(for: bench.fixture))
                try bench.importFile(path, year: 2016)
                #expect(try storedIds(bench) == (ids.isEmpty ? Array(repeating: nil, count: 6) : ids))
                let record = try #require(try bench.store.imports(wave: try bench.store.waves(body: Body.localCode)[0].id).first)
                #expect(record.identityRecorded)
                #expect(record.idColumn == (ids.isEmpty ? nil : shape == .qualtrics ? "ResponseId" : shape == .microsoftForms ? "ID" : "id"))
                #expect(record.firstSubmitted == first && record.lastSubmitted == last && record.dayMonthOrder == order)
                #expect(record.datesRead == (first == nil ? 0 : 6))
                #expect(record.datesAnonymised == (shape == .limeSurveyCodes ? 6 : 0))
                let wave = try bench.store.waves(body: Body.localCode)[0]
                #expect(wave.firstSubmitted == first && wave.lastSubmitted == last && wave.dayMonthOrderUnknown == (order == "unknown"))
            }
        }
    }

    @Test("a store made before v3 migrates: old imports read as not recorded, new ones are checked")
    func migratesV2Store() throws {
        try withTemporaryFolder { folder in
            let path = folder.path("polso.sqlite")
            let v2 = try DatabaseQueue(path: path)
            try StoreSchema.migrator.migrate(v2, upTo: "v2: planned services and users per service")
            try v2.write { db in
                try db.execute(sql: "INSERT INTO instrument (id, version, codebook) VALUES ('test-small', '1', ?)",
                               arguments: [SurveyFixture.small.codebookSource])
                try db.execute(sql: "INSERT INTO wave (instrument, instrument_version, year, unit, created_at) VALUES ('test-small', '1', 2015, '', 'ieri')")
                try db.execute(sql: """
                    INSERT INTO import (wave_id, file_name, sha256, byte_count, respondents, rejected_rows, format, codebook_version, imported_at)
                    VALUES (1, 'vecchio.csv', 'abc', 10, 1, 0, 'plain CSV', '1', 'ieri')
                    """)
                try db.execute(sql: "INSERT INTO respondent (wave_id, import_id, line, answers, demographics) VALUES (1, 1, 2, x'01', x'00')")
            }
            try v2.close()
            let bench = try StoreBench(folder)
            let old = try bench.store.imports(wave: try bench.store.waves(body: Body.localCode)[0].id)
            #expect(old.map(\.identityRecorded) == [false])
            #expect(old.map(\.idColumn) == [nil] && old.map(\.datesRead) == [0])
            // A second file into the old wave still needs --append; its ids cannot clash with ids never recorded.
            let second = try bench.write("nuovo.csv", lines: [Rows.header, Rows.r1])
            #expect(errorText { try bench.importFile(second, year: 2015) }?.contains("already holds 1 respondent, from vecchio.csv (SHA-256 abc…, imported ieri, 1 respondent)") == true)
            try bench.importFile(second, year: 2015, appending: true)
            let log = try bench.store.imports(wave: try bench.store.waves(body: Body.localCode)[0].id)
            #expect(log.map(\.identityRecorded) == [false, true])
            #expect(log.map(\.idColumn) == [nil, "id"])
            #expect(try storedIds(bench) == [nil, "1"])
        }
    }
}
