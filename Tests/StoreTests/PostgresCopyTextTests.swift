import Foundation
import GRDB
import PolsoTestSupport
import Store
import Surveys
import Testing

/// The import's COPY text (``PostgresRowWriter``: numbers, `\x` hex blobs, escaped ids) read back
/// by PostgreSQL as the same values SQLite stores from the same file.
@Suite("PostgreSQL store: COPY text")
struct PostgresCopyTextTests {
    /// Respondent ids COPY's text format must escape or that look like its markers, as CSV cells.
    static let ids = ["\"a\tb\"", "\"back\\slash\"", "\"\\N\"", "\"Zoë 日本 ✓\"", "\"riga\nnuova\"", "\"ritorno\rcarrello\"",
                      "\"\\x41\"", "\"" + String(repeating: "9", count: 300) + "\""]

    /// Each respondent as `line|id|answers hex|demographics hex`, in the store's order.
    static func sqliteRows(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT line, response_id, lower(hex(answers)) AS a, lower(hex(demographics)) AS d FROM respondent ORDER BY id").map { row in
                "\(row["line"] as Int)|\((row["response_id"] as String?) ?? "NULL")|\(row["a"] as String)|\(row["d"] as String)"
            }
        }
    }

    @Test("odd respondent ids (tab, backslash, \\N, non-ASCII, line breaks, 300 digits), and rows without an id, are stored as SQLite stores them")
    func sameAsSQLite() throws {
        try withTemporaryFolder { folder in
            let rows = [Rows.r1, Rows.r2, Rows.r3, Rows.r4]
            let withIds = Self.ids.enumerated().map { index, id in id + rows[index % rows.count].drop { $0 != "," } }
            let lines = [Rows.header] + withIds
            // Other answers (the first item's 1), without the id column: COPY's NULL.
            let withoutIds = [Rows.header.drop { $0 != "," }.dropFirst()] + rows.map { "1" + $0.drop { $0 != "," }.dropFirst().drop { $0 != "," } }

            let sqlite = try StoreBench(folder)
            try sqlite.importFile(try sqlite.write("ids.csv", lines: lines), year: 2020)
            try sqlite.importFile(try sqlite.write("noids.csv", lines: withoutIds.map(String.init)), year: 2021)
            let expected = try Self.sqliteRows(sqlite.store.path)
            #expect(expected.count == Self.ids.count + rows.count)
            #expect(expected.contains { $0.contains("|riga\nnuova|") } && expected.last?.contains("|NULL|") == true)

            let postgres = try StoreBench(folder, engine: .postgres)
            let owner = try #require(postgres.owner)
            try postgres.importFile(try postgres.write("ids.csv", lines: lines), year: 2020)
            try postgres.importFile(try postgres.write("noids.csv", lines: withoutIds.map(String.init)), year: 2021)
            let stored = try owner.texts("""
                SELECT line || '|' || coalesce(response_id, 'NULL') || '|' || encode(answers, 'hex') || '|' || encode(demographics, 'hex')
                FROM respondent ORDER BY id
                """).map { $0 ?? "" }
            #expect(stored == expected)
        }
    }
}
