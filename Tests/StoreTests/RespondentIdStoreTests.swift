import Foundation
import PolsoTestSupport
import Store
import Surveys
import Testing

/// The one respondent-id check of an import (issue 15): the file's own ids, the ids already in
/// the wave it is appended to, and the respondents of the survey's other waves, all read once
/// into the same compact form; the same refusals on both engines.
@Suite("Respondent ids against the file, the wave and the other waves")
struct RespondentIdStoreTests {
    @Test("an id twice in one file is refused naming both lines; nothing is stored", arguments: StoreEngineKind.all)
    func withinFile(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            let path = try bench.write("twice.csv", lines: [Rows.header, Rows.r1, Rows.r2, Rows.renumbered(Rows.r3, 1)])
            let text = errorText { try bench.importFile(path, year: 2016) } ?? ""
            #expect(text.contains("\(path):4:1: column \"id\": value \"1\" repeats the respondent id of line 2"), "\(text)")
            #expect(try bench.count("respondent") == 0)
        }
    }

    @Test("an id already in the wave refuses an appended file, naming the stored file and line", arguments: StoreEngineKind.all)
    func withinWave(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            let first = try bench.write("first.csv", lines: [Rows.header, Rows.r1, Rows.r2])
            let second = try bench.write("second.csv", lines: [Rows.header, Rows.renumbered(Rows.r3, 30), Rows.renumbered(Rows.r4, 2)])
            try bench.importFile(first, year: 2016)
            let text = errorText { try bench.importFile(second, year: 2016, appending: true) } ?? ""
            #expect(text.contains("\(second):3:1: column \"id\": value \"2\" is already a respondent id of wave "), "\(text)")
            #expect(text.contains(", from \(first) line 3: this file repeats responses stored there"), "\(text)")
            #expect(try bench.count("respondent") == 2)
            // Other ids go in.
            let third = try bench.write("third.csv", lines: [Rows.header, Rows.renumbered(Rows.r3, 30), Rows.renumbered(Rows.r4, 31)])
            try bench.importFile(third, year: 2016, appending: true)
            #expect(try bench.count("respondent") == 4)
        }
    }

    @Test("a respondent of another wave is refused: a long id whatever its answers; a short id with other answers is not", arguments: StoreEngineKind.all)
    func acrossWaves(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            let long = "R_3kTqWz8Lm2Yp9Xb"
            let earlier = try bench.write("2015.csv", lines: [Rows.header, Rows.r1, long + Rows.r2.drop { $0 != "," }])
            try bench.importFile(earlier, year: 2015)
            // Ids 1 and 2 again, with other answers: the 2016 export numbers its responses anew.
            let renumbered = try bench.write("2016.csv", lines: [Rows.header, Rows.renumbered(Rows.r3, 1), Rows.renumbered(Rows.r4, 2)])
            try bench.importFile(renumbered, year: 2016)
            let again = try bench.write("2017.csv", lines: [Rows.header, "5,3,3,3,3,3,3,3,3,3,3,Uomo,Fino a 40 anni", long + Rows.r4.drop { $0 != "," }])
            let text = errorText { try bench.importFile(again, year: 2017) } ?? ""
            #expect(text.contains("\(again): not imported: 1 of its respondents is already stored in the survey"), "\(text)")
            #expect(text.contains("  line 3: id \"\(long)\" is line 3 of \(earlier) (wave "), "\(text)")
            #expect(text.contains(" with other answers (an id this long names one response: edited since?)"), "\(text)")
            #expect(try bench.count("respondent") == 4)
        }
    }

    @Test("an id of another body's wave of the same year is not one of this wave's", arguments: StoreEngineKind.all)
    func otherBody(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            try bench.store.addBody(code: "cciaa-lucca", name: "Camera di Commercio di Lucca")
            try bench.importFile(try bench.write("lucca.csv", lines: [Rows.header, Rows.r1, Rows.r2]), year: 2016, body: "cciaa-lucca")
            try bench.importFile(try bench.write("first.csv", lines: [Rows.header, Rows.renumbered(Rows.r3, 5)]), year: 2016)
            try bench.importFile(try bench.write("local.csv", lines: [Rows.header, Rows.renumbered(Rows.r3, 1), Rows.renumbered(Rows.r4, 2)]),
                                 year: 2016, appending: true)
            #expect(try bench.count("respondent") == 5)
        }
    }
}
