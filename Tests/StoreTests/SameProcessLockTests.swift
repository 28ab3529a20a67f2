import Foundation
import GRDB
import PolsoTestSupport
import Store
import Testing

/// SQLite's locks are POSIX locks, which the operating system drops for the whole process when
/// any descriptor of the file is closed: a server keeps one connection open while each request
/// opens the store again, so opening must never close a descriptor of its own on the file.
@Suite("Stores: a second opening in the same process keeps the first connection's locks")
struct SameProcessLockTests {
    @Test("the shared lock an open connection holds on the store survives other SurveyStores opening and closing it")
    func sharedLockSurvives() throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder)
            try bench.importSample(year: 2016)
            let path = bench.store.path
            let holder = try DatabaseQueue(path: path)
            _ = try holder.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM wave") }
            #expect(try sharedLockSeenByAnotherProcess(path))
            for access in [SurveyStore.Access.read, .write, .read] {
                _ = try SurveyStore(path: path, access: access)
            }
            #expect(try sharedLockSeenByAnotherProcess(path))
            _ = try holder.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM wave") }
        }
    }

    /// Asks another process (fcntl F_GETLK from Python) whether SQLite's shared-lock byte range
    /// of the file (0x40000002, 510 bytes) is held by some process.
    private func sharedLockSeenByAnotherProcess(_ path: String) throws -> Bool {
        let script = """
            from fcntl import fcntl, F_GETLK, F_UNLCK, F_WRLCK
            from os import open as open_file, O_RDWR
            from struct import pack, unpack
            from sys import argv
            fd = open_file(argv[1], O_RDWR)
            layout = 'hhqqixxxx'
            answer = fcntl(fd, F_GETLK, pack(layout, F_WRLCK, 0, 0x40000002, 510, 0))
            print('held' if unpack(layout, answer)[0] != F_UNLCK else 'free')
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.trimmingCharacters(in: .whitespacesAndNewlines) == "held"
    }
}
