import Foundation
import PolsoKit
import PolsoTestSupport
import Reports
import Testing

/// The figures and tables `polso store init` and `polso bodies list` print, computed by the facade.
@Suite("PolsoKit: store summary and body table")
struct CatalogTablesTests {
    /// A store with the local body (no wave), body a (2015 and 2016 waves) and body b (a 2014 wave).
    static func store(in folder: TemporaryFolder) throws -> String {
        let path = folder.path("polso.sqlite")
        let created = try StoreAccess.open(path, access: .create)
        let catalog = BodyCatalog(store: created)
        _ = try catalog.add(code: "a", name: "Ente A", kind: "Camera di Commercio", optedIn: true)
        _ = try catalog.add(code: "b", name: "Ente B", isPublic: true)
        for (body, year) in [("a", 2015), ("a", 2016), ("b", 2014)] {
            var request = ImportRequest(file: FacadeTests.sample(year), survey: "anac-2013", year: year)
            request.store = path
            request.body = body
            _ = try request.run()
        }
        return path
    }

    @Test("the store summary sums the waves of every body: 2 + 1 + 0 = 3 waves of 3 bodies")
    func summary() throws {
        try withTemporaryFolder { folder in
            let path = try Self.store(in: folder)
            let summary = try StoreSummary(store: try StoreAccess.open(path))
            #expect(summary.waves == 3 && summary.bodies == 3 && summary.path == path)
        }
    }

    @Test("the years with waves of a survey, per body, ascending and once each (the network page's year list)")
    func years() throws {
        try withTemporaryFolder { folder in
            let waves = WaveCatalog(store: try StoreAccess.open(try Self.store(in: folder)))
            #expect(try waves.years(body: "a", survey: "anac-2013") == [2015, 2016])
            #expect(try waves.years(body: "b", survey: "anac-2013") == [2014])
            #expect(try waves.years(body: "local", survey: "anac-2013") == [])
            #expect(try waves.years(body: "a", survey: "customer-satisfaction") == [])
        }
    }

    /// A table line's cells (columns are two or more spaces apart).
    static func cells(_ line: Substring) -> [String] {
        line.split(separator: #/ {2,}/#).map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test("the body table is Italian by default and English on request; CSV and JSON keep the flags as booleans")
    func bodyTable() throws {
        try withTemporaryFolder { folder in
            let catalog = BodyCatalog(store: try StoreAccess.open(try Self.store(in: folder)))
            let italian = try catalog.table(locale: .italian).render(.table).split(separator: "\n").map(Self.cells)
            #expect(italian[0] == ["codice", "nome", "tipo", "confronto tra enti", "nominato agli altri"])
            #expect(italian.contains(["a", "Ente A", "Camera di Commercio", "aderisce", "no"]))
            #expect(italian.contains(["b", "Ente B", "no", "pubblico"]))
            let english = try catalog.table(locale: .english).render(.table).split(separator: "\n").map(Self.cells)
            #expect(english[0] == ["code", "name", "kind", "benchmark", "named to others"])
            #expect(english.contains(["a", "Ente A", "Camera di Commercio", "opted in", "no"]))
            #expect(try catalog.table(locale: .italian).render(.csv).contains("a,Ente A,Camera di Commercio,true,false"))
            let json = try JSONSerialization.jsonObject(with: Data(try catalog.table(locale: .english).render(.json).utf8)) as? [[String: Any]]
            #expect(json?.map { $0["code"] as? String } == ["a", "b", "local"])
            #expect(json?.first?["opted_in"] as? Bool == true && json?.first?["public"] as? Bool == false)
        }
    }
}
