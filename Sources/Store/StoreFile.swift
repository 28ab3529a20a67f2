import Foundation
import GRDBSQLite

/// What a store path holds, told from the file's bytes before SQLite opens it for writing, so
/// that Polso never changes a file that is not its own store.
enum StoreFile: Equatable {
    /// No file: a store is created when the command may create one.
    case absent
    /// A Polso store (the application id in its header).
    case polso
    /// A store written before stores carried an application id: a SQLite file with Polso's first
    /// migration and application id 0. Stamped when it is next opened for writing.
    case unstamped

    /// The identifier of the first migration, by which an unstamped store is recognised.
    static let firstMigration = "v1: instruments, waves, imports, respondents"

    /// Inspects `path` for `access`, refusing a missing store for a read or write, and any file
    /// that is not a Polso store.
    static func inspect(path: String, access: SurveyStore.Access) throws -> StoreFile {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            guard access == .create else {
                throw StoreError("no store at \(path): check the path (--store or POLSO_STORE); `polso import` or `polso store init` creates a store")
            }
            return .absent
        }
        if isFolder.boolValue { throw StoreError("the store path \(path) is a folder; give the path of a store file (e.g. \(path)/polso.sqlite)") }
        guard let header = header(path: path) else {
            throw StoreError("cannot read the store \(path): check its permissions")
        }
        let untouched = "Polso leaves it untouched; give --store the path of a Polso store, or a new path for a new store"
        if header.isEmpty { throw StoreError("\(path) is an empty file, not a Polso store; \(untouched)") }
        guard header.count == 100, header.prefix(16) == Data("SQLite format 3\0".utf8) else {
            throw StoreError("\(path) is not a Polso store (not a SQLite database); \(untouched)")
        }
        let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        if Int32(bitPattern: id) == SurveyStore.applicationId { return .polso }
        if id != 0 {
            throw StoreError("\(path) is the SQLite database of another program (application id 0x\(String(id, radix: 16, uppercase: true))), not a Polso store; \(untouched)")
        }
        guard hasFirstMigration(path: path) else {
            throw StoreError("\(path) is a SQLite database without Polso's tables, not a Polso store; \(untouched)")
        }
        return .unstamped
    }

    /// The file's first 100 bytes (fewer when it is shorter), or nil when it cannot be opened.
    ///
    /// Read through SQLite's own file layer, not a descriptor of Polso's: closing any descriptor
    /// of the store would drop the POSIX locks SQLite holds on it for another connection of this
    /// process (a server keeps one open), whereas SQLite defers that close while locks are held.
    private static func header(path: String) -> Data? {
        guard let vfs = sqlite3_vfs_find(nil), let open = vfs.pointee.xOpen,
              let name = sqlite3_create_filename(path, "", "", 0, nil) else { return nil }
        defer { sqlite3_free_filename(name) }
        let size = Int(vfs.pointee.szOsFile)
        let storage = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        defer { storage.deallocate() }
        let file = storage.assumingMemoryBound(to: sqlite3_file.self)
        var flags: Int32 = 0
        guard open(vfs, name, file, SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_READONLY, &flags) == SQLITE_OK,
              let methods = file.pointee.pMethods else { return nil }
        defer { _ = methods.pointee.xClose(file) }
        var length: sqlite3_int64 = 0
        guard methods.pointee.xFileSize(file, &length) == SQLITE_OK else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(min(length, 100)))
        if !bytes.isEmpty {
            let count = Int32(bytes.count)
            guard bytes.withUnsafeMutableBytes({ methods.pointee.xRead(file, $0.baseAddress, count, 0) }) == SQLITE_OK else { return nil }
        }
        return Data(bytes)
    }

    /// Whether the SQLite file records Polso's first migration; read through an immutable,
    /// read-only connection that creates no journal, WAL or shared-memory file.
    private static func hasFirstMigration(path: String) -> Bool {
        let escaped = path.unicodeScalars.map { "%?#".unicodeScalars.contains($0) ? String(format: "%%%02X", $0.value) : String($0) }.joined()
        // With a WAL file present, committed pages may still be in it: read it (it exists already).
        let walPresent = ((try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0) > 0
        let uri = "file:\(escaped)?" + (walPresent ? "mode=ro" : "immutable=1")
        var handle: OpaquePointer?
        defer { sqlite3_close_v2(handle) }
        guard sqlite3_open_v2(uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil) == SQLITE_OK else { return false }
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        let sql = "SELECT 1 FROM grdb_migrations WHERE identifier = ?"
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else { return false }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        sqlite3_bind_text(statement, 1, firstMigration, -1, transient)
        return sqlite3_step(statement) == SQLITE_ROW
    }
}
