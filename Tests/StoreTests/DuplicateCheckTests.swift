import Foundation
import GRDB
import PolsoTestSupport
@testable import Store
import Testing

/// The arithmetic of the duplicate checks, against Tests/Checks/coincidence.py, and the writer lock.
@Suite("Duplicate checks and the writer lock")
struct DuplicateCheckTests {
    @Test("chance of two alike rows, binomial tails and the fingerprint agree with coincidence.py")
    func arithmetic() {
        func chance(_ rows: [[UInt8]]) -> Double {
            var tally = AnswerChance()
            var fingerprints: [UInt64] = []
            for row in rows {
                row.withUnsafeBufferPointer { answers in
                    [UInt8]().withUnsafeBufferPointer { none in
                        tally.add(answers: answers, demographics: none)
                        fingerprints.append(RowFingerprint.of(answers: answers, demographics: none))
                    }
                }
            }
            return tally.chance(fingerprints: fingerprints)
        }
        // Field by field 0.5 × 0.625; row by row 2 of 12 pairs: the first is larger.
        #expect(chance([[1, 1], [1, 2], [2, 2], [2, 2]]) == 0.3125)
        // Field by field 0.625 × 0.625; row by row 6 of 12 pairs alike (answers given in a block).
        #expect(chance([[1, 1], [1, 1], [1, 1], [2, 2]]) == 0.5)
        #expect(chance([[4, 5]]) == 1)
        #expect(chance([[5, 5], [5, 5], [5, 5]]) == 1)
        for (m, n, p, expected) in [(8, 8, 1.0 / 8, 5.960464477539063e-08), (1, 12, 1.0 / 12, 0.6480043719858627),
                                    (2, 12, 1.0 / 12, 0.2640091414249859), (6, 6, 1.0 / 12, 3.3489797668038396e-07),
                                    (30, 200, 0.05, 8.709270943979937e-08)] {
            let tail = Coincidence.atLeast(m, of: n, chance: p)
            #expect(abs(tail - expected) <= expected * 1e-9, "\(m) of \(n) at \(p): \(tail)")
        }
        #expect(Coincidence.atLeast(0, of: 5, chance: 0.5) == 1)
        #expect(Coincidence.atLeast(3, of: 2, chance: 0.5) == 0)
        #expect(Coincidence.atLeast(1, of: 5, chance: 0) == 0)
        #expect(Coincidence.atLeast(5, of: 5, chance: 1) == 1)
        let fingerprint = [UInt8]([1, 2]).withUnsafeBufferPointer { answers in
            [UInt8]([3]).withUnsafeBufferPointer { RowFingerprint.of(answers: answers, demographics: $0) }
        }
        #expect(fingerprint == 0x06b9_ffbf_4a80_a280)
        let values: [UInt64] = [0, 1, fingerprint, .max]
        #expect(RowFingerprint.decode(RowFingerprint.encode(values)) == values)
        #expect(Array(RowFingerprint.encode([fingerprint])) == [0x06, 0xb9, 0xff, 0xbf, 0x4a, 0x80, 0xa2, 0x80])
    }

    @Test("relations: the same rows, an earlier part, an extension; too short for the chance, or mismatched, is none")
    func relations() {
        let twelve: [UInt64] = Array(1...12)
        let chance = 0.05
        #expect(ContentRelation.between(new: twelve, stored: twelve, chance: chance) == .same)
        #expect(ContentRelation.between(new: Array(twelve.prefix(5)), stored: twelve, chance: chance) == .earlierPart)
        #expect(ContentRelation.between(new: twelve, stored: Array(twelve.prefix(5)), chance: chance) == .extends)
        // 0.05^4 = 6.25e-6: four rows could match by chance; 0.05^5 = 3.1e-7 could not.
        #expect(ContentRelation.between(new: Array(twelve.prefix(4)), stored: twelve, chance: chance) == nil)
        #expect(ContentRelation.between(new: [1, 2, 3, 4, 5, 6, 7, 99], stored: twelve, chance: chance) == nil)
        #expect(ContentRelation.between(new: twelve, stored: twelve, chance: 1) == nil)
        #expect(ContentRelation.between(new: [], stored: twelve, chance: chance) == nil)
    }

    @Test("relations in another order: the same rows re-sorted, a part, an inclusion; beyond chance only")
    func reorderedRelations() {
        let twelve: [UInt64] = Array(1...12)
        // chance 0.001: one row matches some of 12 rows with probability at most 12 × 0.001 = 0.012.
        #expect(ContentRelation.between(new: twelve.reversed(), stored: twelve, chance: 0.001) == .sameReordered)
        // 0.012^4 = 2.1e-8, under one in a million.
        #expect(ContentRelation.between(new: [12, 3, 7, 1], stored: twelve, chance: 0.001) == .partOf)
        #expect(ContentRelation.between(new: twelve, stored: [5, 4, 3, 2, 1, 6], chance: 0.001) == .includes)
        // chance 0.05: 12 × 0.05 = 0.6, 0.6^4 = 0.13: four rows could be anyone's.
        #expect(ContentRelation.between(new: [12, 3, 7, 1], stored: twelve, chance: 0.05) == nil)
        // A row used twice must be stored twice.
        #expect(ContentRelation.between(new: [3, 3, 7, 1, 9], stored: twelve, chance: 0.001) == nil)
        #expect(ContentRelation.between(new: [3, 3, 7, 1, 9], stored: twelve + [3], chance: 0.001) == .partOf)
    }

    @Test("a store of format 4 upgraded to 5 gets the fingerprints of its files from their stored rows")
    func backfill() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder)
            try bench.importSample(year: 2016)
            try bench.importFile(try folder.write("altro.csv", bytes: ExportShape.limeSurveySubquestions.bytes(for: bench.fixture.otherRespondents)), year: 2017)
            let path = bench.store.path
            func blobs() throws -> [Data?] {
                try DatabaseQueue(path: path).read { db in try Data?.fetchAll(db, sql: "SELECT row_fingerprints FROM import ORDER BY id") }
            }
            let imported = try blobs()
            #expect(imported.count == 2 && imported.allSatisfy { $0?.count == 6 * 8 })
            // As a format 4 store was: no column, no v5 migration, format 4.
            try DatabaseQueue(path: path).write { db in
                try db.execute(sql: """
                    ALTER TABLE import DROP COLUMN row_fingerprints;
                    DELETE FROM grdb_migrations WHERE identifier LIKE 'v5:%';
                    UPDATE polso_store SET value = '4' WHERE key = 'format';
                    """)
            }
            _ = try SurveyStore(path: path, access: .write)
            #expect(try blobs() == imported)
            // The content check then finds the 2016 file in another layout.
            let copy = try folder.write("copia.csv", bytes: ExportShape.limeSurveySubquestions.bytes(for: bench.fixture))
            let refusal = errorText { try bench.importFile(copy, year: 2018) }
            #expect(refusal?.contains("not imported: same content as ") == true, "\(refusal ?? "")")
        }
    }

    @Test("the lock records its holder, refuses a second taker after the wait naming it, and is gone once released; a stale file is taken over")
    func writerLock() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polso-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("polso.sqlite").path
        let lockPath = WriterLock.path(forStore: store)
        // A file left by a killed writer: nobody holds its lock.
        try Data("polso import vecchio.csv\n999999\n2026-01-01 00:00:00 UTC\n".utf8).write(to: URL(fileURLWithPath: lockPath))
        let lock = try WriterLock.acquire(store: store, timeout: 1, operation: "polso import nuovo.csv --year 2024")
        let holder = try #require(WriterLock.Holder(path: lockPath))
        #expect(holder.operation == "polso import nuovo.csv --year 2024")
        #expect(holder.pid == Int(getpid()))
        let started = Date()
        var message = ""
        do {
            _ = try WriterLock.acquire(store: store, timeout: 0.2, operation: "polso waves remove")
        } catch let error as StoreError {
            message = error.message
        }
        #expect(Date().timeIntervalSince(started) >= 0.2)
        #expect(message == """
            polso import nuovo.csv --year 2024 (pid \(getpid()), started \(holder.started)) is writing to the store \(store); \
            waited 0.2 s for it to end (POLSO_BUSY_TIMEOUT sets the wait). Nothing was stored: try again when it ends.
            """)
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: lockPath))
        try WriterLock.acquire(store: store, timeout: 0, operation: "polso waves remove").release()
    }
}
