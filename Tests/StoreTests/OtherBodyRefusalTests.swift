import Foundation
import PolsoTestSupport
import Store
import Surveys
import Testing

/// A file or respondents already stored in another body's wave are refused either way; with
/// ``OtherBodies/withheld`` (a web user who sees one body) the refusal says nothing of that body's
/// file: not its body, name, wave, date, lines or how many ids it stores.
@Suite("Refusals that meet another body's file")
struct OtherBodyRefusalTests {
    /// A store with bodies `a` and `b`, the small fixture stored in body a's 2016 wave as `a.csv`.
    private func benchWithBodyA(_ folder: TemporaryFolder, engine: StoreEngineKind) throws -> (bench: StoreBench, stored: String) {
        let bench = try StoreBench(folder, engine: engine)
        try bench.store.addBody(code: "a", name: "Ente A")
        try bench.store.addBody(code: "b", name: "Ente B")
        let stored = try folder.write("a-export-ente-a.csv", bytes: ExportShape.limeSurveyCodes.bytes(for: bench.fixture))
        try bench.importFile(stored, year: 2016, body: "a")
        return (bench, stored)
    }

    /// What must not appear in a refusal withheld from body b.
    private func expectNothingOfBodyA(_ text: String, stored: String) {
        for secret in ["'a'", "--body a", "a-export-ente-a", stored, "test-small 2016", "wave test-small", "imported on", "imported 20", "line 3 of", "whose id is stored"] {
            #expect(!text.contains(secret), "\(secret) in: \(text)")
        }
    }

    @Test("the same bytes into another body: refused, named on the command line, not to a user of one body", arguments: StoreEngineKind.all)
    func sameBytes(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let (bench, stored) = try benchWithBodyA(folder, engine: engine)
            let copy = try folder.write("copia.csv", bytes: ExportShape.limeSurveyCodes.bytes(for: bench.fixture))
            let named = errorText { try bench.importFile(copy, year: 2017, body: "b") } ?? ""
            #expect(named.contains("already stored in test-small 2016 of body 'a', imported on "), "\(named)")
            #expect(named.contains("as \(stored)") && named.contains("--body a"), "\(named)")
            let withheld = errorText { try bench.importFile(copy, year: 2017, body: "b", otherBodies: .withheld) } ?? ""
            #expect(withheld.hasPrefix("\(copy): not imported: the same file (SHA-256 "), "\(withheld)")
            #expect(withheld.contains("…) is already stored in a wave of another body. Nothing was stored."), "\(withheld)")
            #expect(withheld.contains("(that body's analysts or the network's administrator can; only they see its waves)"), "\(withheld)")
            expectNothingOfBodyA(withheld, stored: stored)
            #expect(try bench.count("respondent") == 6)
        }
    }

    @Test("the same respondents in another layout into another body: 'a file of another body'", arguments: StoreEngineKind.all)
    func sameContent(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let (bench, stored) = try benchWithBodyA(folder, engine: engine)
            let copy = try folder.write("copia.csv", bytes: ExportShape.limeSurveySubquestions.bytes(for: bench.fixture))
            let named = errorText { try bench.importFile(copy, year: 2017, body: "b") } ?? ""
            #expect(named.contains("not imported: same content as \(stored) (wave test-small 2016 of body 'a', imported "), "\(named)")
            let withheld = errorText { try bench.importFile(copy, year: 2017, body: "b", otherBodies: .withheld) } ?? ""
            #expect(withheld.hasPrefix("\(copy): not imported: same content as a file of another body: the same 6 respondents"), "\(withheld)")
            expectNothingOfBodyA(withheld, stored: stored)
            // Within one's own body nothing is withheld.
            let own = errorText { try bench.importFile(copy, year: 2017, body: "a", otherBodies: .withheld) } ?? ""
            #expect(own.contains("same content as \(stored) (wave test-small 2016 of body 'a', imported "), "\(own)")
            #expect(try bench.count("respondent") == 6)
        }
    }

    @Test("a long respondent id of another body's file: refused without its line, file or the count of stored ids", arguments: StoreEngineKind.all)
    func repeatedRespondent(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            try bench.store.addBody(code: "a", name: "Ente A")
            try bench.store.addBody(code: "b", name: "Ente B")
            let long = "R_3kTqWz8Lm2Yp9Xb"
            let stored = try bench.write("a-export-ente-a.csv", lines: [Rows.header, Rows.r1, long + Rows.r2.drop { $0 != "," }])
            try bench.importFile(stored, year: 2016, body: "a")
            let again = try bench.write("b.csv", lines: [Rows.header, "5,3,3,3,3,3,3,3,3,3,3,Uomo,Fino a 40 anni", long + Rows.r4.drop { $0 != "," }])
            let named = errorText { try bench.importFile(again, year: 2017, body: "b") } ?? ""
            #expect(named.contains("  line 3: id \"\(long)\" is line 3 of \(stored) (wave test-small 2016 of body 'a'"), "\(named)")
            #expect(named.contains("(of 1 whose id is stored; chance"), "\(named)")
            let withheld = errorText { try bench.importFile(again, year: 2017, body: "b", otherBodies: .withheld) } ?? ""
            #expect(withheld.contains("\(again): not imported: 1 of its respondents is already stored in the survey, with the same respondent id "
                + "and the same answers (chance would match so many less than once in a million):"), "\(withheld)")
            #expect(withheld.contains("  line 3: id \"\(long)\" is a respondent of a file of another body"), "\(withheld)")
            expectNothingOfBodyA(withheld, stored: stored)
            #expect(try bench.count("respondent") == 2)
        }
    }
}
