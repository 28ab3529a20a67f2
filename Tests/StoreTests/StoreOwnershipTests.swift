import Foundation
import GRDB
import PolsoTestSupport
import Store
import Surveys
import Testing

@Suite("Stores: stamped, upgraded, waited for")
struct StoreOwnershipTests {
    @Test("a store written before the application id is read, stamped once and keeps its waves")
    func unstampedStoreIsUpgraded() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder)
            try bench.importSample(year: 2016)
            let path = bench.store.path
            // What an earlier Polso left: no application id, no metadata table, no v4 migration.
            try DatabaseQueue(path: path).write { db in
                try db.execute(sql: """
                    PRAGMA application_id = 0; DROP TABLE polso_store;
                    DELETE FROM grdb_migrations WHERE identifier LIKE 'v4:%';
                    """)
            }
            let read = try SurveyStore(path: path, access: .read)
            #expect(try read.waves(body: Body.localCode).map(\.respondents) == [6])
            let (applicationId, format) = try DatabaseQueue(path: path).read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id"),
                 try String.fetchOne(db, sql: "SELECT value FROM polso_store WHERE key = 'format'"))
            }
            #expect(applicationId == SurveyStore.applicationId)
            #expect(format == "4")
        }
    }

    @Test("a writer waits for another writer for the timeout, then fails naming the store; nothing stored")
    func busyStore() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder)
            let path = bench.store.path
            let other = try DatabaseQueue(path: path)
            let export = try folder.write("limesurvey.csv", bytes: ExportShape.limeSurveyCodes.bytes(for: bench.fixture))
            let waiting = try SurveyStore(path: path, access: .write, busyTimeout: 0.3)
            let started = Date()
            var message: String?
            try other.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    message = errorText {
                        _ = try waiting.importFile(path: export, codebook: bench.fixture.codebook, codebookSource: bench.fixture.codebookSource,
                                                   into: WaveKey(body: Body.localCode, year: 2016))
                    }
                    return .rollback
                }
            }
            #expect(Date().timeIntervalSince(started) >= 0.3)
            #expect(message == "the store \(path) is busy: another process (an import or `polso waves remove`) has been writing it for more than 0.3 s; try again when it has finished")
            #expect(try bench.store.waves(body: Body.localCode).isEmpty)
        }
    }

    @Test("POLSO_BUSY_TIMEOUT: seconds, default 10, nonsense refused")
    func busyTimeoutSetting() throws {
        #expect(try SurveyStore.resolveBusyTimeout(environment: [:]) == 10)
        #expect(try SurveyStore.resolveBusyTimeout(environment: ["POLSO_BUSY_TIMEOUT": "2.5"]) == 2.5)
        #expect(errorText { _ = try SurveyStore.resolveBusyTimeout(environment: ["POLSO_BUSY_TIMEOUT": "-1"]) }
                == "POLSO_BUSY_TIMEOUT must be a number of seconds between 0 and 86400, not '-1'")
    }
}
