import Foundation

/// `polso store copy`: every table of one store into an empty store of the same format, on
/// either engine, with the same ids and bytes, in one transaction on the destination, then
/// verified (rows and a content digest per table, read back before the commit).
///
/// The copy goes table by table by the tables' own column lists, so it copies every column a
/// migration adds without knowing what the columns mean.
package enum StoreCopy {
    /// The tables of the current format, parents before children (the order rows are written
    /// in, so that every foreign key finds its row), with the key that orders their rows.
    package static let tables: [(name: String, key: [String])] = [
        ("polso_store", ["key"]),
        ("instrument", ["id", "version"]),
        ("body", ["id"]),
        ("wave", ["id"]),
        ("wave_item", ["wave_id", "position"]),
        ("wave_users", ["wave_id", "service"]),
        ("import", ["id"]),
        ("respondent", ["id"]),
        ("app_user", ["id"]),
        ("user_role", ["user_id", "body_id", "role"]),
        ("web_session", ["key"]),
        ("audit_log", ["id"]),
    ]

    /// Copies `source` into `destination` (opened for writing, empty), reporting rows done of the total.
    /// - Throws: ``StoreError`` when either store is at another format or holds tables this Polso
    ///   does not know, when the destination is not empty, when a table reads back different, or
    ///   when the destination fails (then nothing is stored there).
    package static func copy(from source: SurveyStore, to destination: SurveyStore,
                             progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> StoreCopySummary {
        guard let from = source.engine as? any StoreTables, let into = destination.engine as? any StoreTables else {
            throw StoreError("this engine cannot be copied")
        }
        let start = Date()
        return try from.readingTables { reader in
            let columns = try tableColumns(reader, store: source.path)
            try refuseOtherFormat(reader, store: source.path)
            var total = 0
            for table in tables { total += try reader.count(table.name) }
            return try into.writingTables(operation: "copy") { writer in
                let destinationColumns = try tableColumns(writer, store: destination.path)
                for table in tables where Set(destinationColumns[table.name] ?? []) != Set(columns[table.name] ?? []) {
                    throw StoreError("the table \(table.name) has other columns in \(source.path) than in \(destination.path); both stores must be at format \(SurveyStore.formatVersion)")
                }
                try refuseNonEmpty(writer, store: destination.path)
                try writer.deleteAll("body")
                try writer.deleteAll("polso_store")
                var copied: [CopiedTable] = []
                var done = 0
                for table in tables {
                    let names = columns[table.name] ?? []
                    var digest = TableDigest()
                    let inserter = try writer.inserter(table.name, columns: names)
                    try reader.forEachRow(table.name, columns: names, key: table.key) { row in
                        digest.add(row)
                        try inserter.insert(row)
                        done += 1
                        if done % 4096 == 0 { progress?(done, total) }
                    }
                    try inserter.finish()
                    try writer.advanceCounter(table.name)
                    copied.append(CopiedTable(name: table.name, rows: digest.rows, bytes: digest.dataBytes, digest: digest.hex))
                }
                progress?(done, total)
                try verify(copied, in: writer, columns: columns, store: destination.path)
                return StoreCopySummary(source: source.path, destination: destination.path, tables: copied,
                                        seconds: Date().timeIntervalSince(start))
            }
        }
    }

    /// The columns of every table; a missing or unknown table is refused.
    private static func tableColumns(_ session: any TableSession, store: String) throws -> [String: [String]] {
        let found = Set(try session.tables())
        let known = Set(tables.map(\.name))
        if let unknown = found.subtracting(known).sorted().first {
            throw StoreError("the store \(store) holds a table \(unknown) that this Polso does not know, so it cannot copy it exactly; use the Polso that wrote the store")
        }
        if let missing = known.subtracting(found).sorted().first {
            throw StoreError("the store \(store) has no table \(missing): it is not at format \(SurveyStore.formatVersion); bring it up to date first with `polso store migrate --store \(store)`")
        }
        var columns: [String: [String]] = [:]
        // By name: the engines keep some columns in another order (SQLite rebuilt wave in v6).
        for table in tables { columns[table.name] = try session.columns(of: table.name).sorted() }
        return columns
    }

    /// Refuses a source whose recorded format is not this Polso's.
    private static func refuseOtherFormat(_ session: any TableSession, store: String) throws {
        var format: String?
        try session.forEachRow("polso_store", columns: ["key", "value"], key: ["key"]) { row in
            if row.first == .text("format"), case .text(let value) = row.last { format = value }
        }
        guard format == String(SurveyStore.formatVersion) else {
            throw StoreError("the store \(store) is at format \(format ?? "unknown"), not \(SurveyStore.formatVersion): bring it up to date first with `polso store migrate --store \(store)`, then copy it")
        }
    }

    /// Refuses a destination that holds anything beyond what a new store holds (its format and the local body).
    private static func refuseNonEmpty(_ session: any TableSession, store: String) throws {
        var held: [String] = []
        for table in tables.map(\.name) where table != "polso_store" {
            let rows = try session.count(table)
            if table == "body" {
                var bodies: [[TableValue]] = []
                try session.forEachRow("body", columns: ["code", "name", "kind"], key: ["id"]) { bodies.append($0) }
                let fresh = bodies.isEmpty || (bodies.count == 1 && bodies[0] == [.text(Body.localCode), .text(Body.localName), .text("")])
                if !fresh { held.append("\(rows) \(rows == 1 ? "body" : "bodies")") }
            } else if rows > 0 {
                held.append("\(rows) row\(rows == 1 ? "" : "s") of \(table)")
            }
        }
        guard held.isEmpty else {
            throw StoreError("the destination store \(store) is not empty (it holds \(held.joined(separator: ", "))); "
                + "a copy goes only into an empty store: give a new file path, or a new schema (?schema=NAME) of a PostgreSQL database")
        }
    }

    /// Reads every table back from the destination (inside its transaction) and compares rows and digests.
    private static func verify(_ copied: [CopiedTable], in session: any TableSession, columns: [String: [String]], store: String) throws {
        for (table, copy) in zip(tables, copied) {
            var digest = TableDigest()
            try session.forEachRow(table.name, columns: columns[table.name] ?? [], key: table.key) { digest.add($0) }
            guard digest.rows == copy.rows, digest.hex == copy.digest else {
                throw StoreError("the copy of table \(table.name) reads back different from \(store) (\(digest.rows) rows, digest \(digest.hex.prefix(12)), "
                    + "against \(copy.rows) rows, digest \(copy.digest.prefix(12)) read from the source); nothing was stored")
            }
        }
    }
}
