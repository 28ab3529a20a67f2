import Foundation
import GRDB
import PolsoTestSupport
@testable import Store
import Surveys
import Testing

@Suite("Customer satisfaction in the store")
struct SatisfactionStoreTests {
    static let lines = [
        satisfactionHeader,
        "1,Mediazione,Molto soddisfatto,9,🙂,10",
        "2,Registro Imprese,Poco soddisfatto,Non applicabile,Non ho atteso,",
        "3,Mediazione,Abbastanza soddisfatto,6,:|,7",
    ]

    @discardableResult
    static func importFile(_ bench: StoreBench, _ path: String, year: Int, planned: Int? = nil, users: ServiceUsers? = nil,
                           service: UInt8? = nil, appending: Bool = false) throws -> ImportSummary {
        var options = ImportOptions()
        if let service { options.presetDemographics = [0: service] }
        return try bench.store.importFile(path: path, codebook: satisfactionCodebook, codebookSource: satisfactionCodebookYAML,
                                          into: WaveKey(body: Body.localCode, year: year, plannedServices: planned, users: users), appending: appending,
                                          options: options)
    }

    @Test("answers, services and not-applicable codes are stored; planned services and users are kept per wave", arguments: StoreEngineKind.all)
    func storesCounts(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            try Self.importFile(bench, try bench.write("tutti.csv", lines: Self.lines), year: 2019, planned: 16,
                                users: ServiceUsers(service: "", count: 900))
            let wave = try #require(try bench.store.waves(body: Body.localCode).first)
            var rows: [([UInt8], [UInt8])] = []
            try bench.store.forEachResponse(waves: [wave.id]) { rows.append((Array($0), Array($1))) }
            #expect(rows.map(\.0) == [[4, 9, 3, 10], [2, 254, 254, 255], [3, 6, 2, 7]])
            #expect(rows.map(\.1) == [[2], [1], [2]])
            #expect(try bench.store.serviceCounts(wave: wave.id) == ServiceCounts(plannedServices: 16, users: ["": 900]))
            // A one-service file into the same wave adds that service's users; a later figure replaces an earlier one.
            let registro = try bench.write("registro.csv", lines: ["id,SOD,CORT,ATT,NPS", "11,Molto soddisfatto,8,🙂,9"])
            try Self.importFile(bench, registro, year: 2019, planned: 15, users: ServiceUsers(service: "Registro Imprese", count: 61), service: 1,
                                appending: true)
            #expect(try bench.store.serviceCounts(wave: wave.id) == ServiceCounts(plannedServices: 15, users: ["": 900, "Registro Imprese": 61]))
            // Removing the wave removes its counts.
            try bench.store.removeWave(body: Body.localCode, instrument: "test-satisfaction", year: 2019, unit: "")
            #expect(try bench.count("wave_users") == 0)
        }
    }

    @Test("an unknown label or a row without service leaves the store, its counts included, unchanged",
          arguments: ["4,Mediazione,Soddisfattissimo,9,🙂,10", "4,,Molto soddisfatto,9,🙂,10"])
    func badInputChangesNothing(badLine: String) throws {
        for engine in StoreEngineKind.all {
            try withTemporaryFolder { folder in
                let bench = try StoreBench(folder, engine: engine)
                try Self.importFile(bench, try bench.write("2018.csv", lines: Self.lines), year: 2018, planned: 16,
                                    users: ServiceUsers(service: "", count: 500))
                let before = try bench.snapshot()
                let bad = try bench.write("2019.csv", lines: [Self.lines[0]] + Self.lines.dropFirst().map { "1" + $0 } + [badLine])
                // Into the stored year (whose counts it would change) and into a new one.
                for year in [2018, 2019] {
                    let message = errorText {
                        try Self.importFile(bench, bad, year: year, planned: 14, users: ServiceUsers(service: "", count: 1), appending: true)
                    }
                    #expect(message?.contains("\(bad):5:") == true)
                    #expect(message?.contains("nothing was stored") == true)
                    #expect(try bench.snapshot() == before)
                }
                #expect(try bench.count("respondent") == 3)
                #expect(try bench.count("wave_users", where: "users = 500") == 1)
                #expect(try bench.count("wave", where: "planned_services = 16") == 1)
            }
        }
    }

    @Test("a store made before v2 migrates: its waves and answers stay, the new counts start empty")
    func migratesV1Store() throws {
        try withTemporaryFolder { folder in
            let path = folder.path("vecchio.sqlite")
            let v1 = try DatabaseQueue(path: path)
            try StoreSchema.migrator.migrate(v1, upTo: "v1: instruments, waves, imports, respondents")
            try v1.write { db in
                try db.execute(sql: "INSERT INTO instrument (id, version, codebook) VALUES ('x', '1', 'yaml')")
                try db.execute(sql: "INSERT INTO wave (instrument, instrument_version, year, unit, staff, created_at) VALUES ('x', '1', 2016, '', 40, 'ieri')")
            }
            try v1.close()
            let store = try SurveyStore(path: path)
            let waves = try store.waves(body: Body.localCode)
            #expect(waves.map(\.year) == [2016])
            #expect(waves.map(\.staff) == [40])
            #expect(try store.serviceCounts(wave: waves[0].id) == ServiceCounts())
        }
    }
}
