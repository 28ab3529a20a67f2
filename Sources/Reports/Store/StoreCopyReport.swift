/// `polso store copy`'s summary as text: one line with the totals and the time, then each table
/// with its rows, bytes and the first 16 hex digits of its content digest, and the totals row.
package struct StoreCopyReport: Sendable {
    /// One copied table.
    package struct Table: Sendable, Equatable {
        /// The table's name.
        package var name: String
        /// Its rows.
        package var rows: Int
        /// Bytes of text and binary data in it.
        package var bytes: Int
        /// The SHA-256 of its content, in hex.
        package var digest: String

        /// A copied table.
        package init(name: String, rows: Int, bytes: Int, digest: String) {
            self.name = name
            self.rows = rows
            self.bytes = bytes
            self.digest = digest
        }
    }

    /// The store copied from.
    package var source: String
    /// The store copied into.
    package var destination: String
    /// The tables, in copy order.
    package var tables: [Table]
    /// Rows over every table.
    package var rows: Int
    /// Bytes over every table.
    package var bytes: Int
    /// How long the copy took.
    package var seconds: Double

    /// The summary of a copy.
    package init(source: String, destination: String, tables: [Table], rows: Int, bytes: Int, seconds: Double) {
        self.source = source
        self.destination = destination
        self.tables = tables
        self.rows = rows
        self.bytes = bytes
        self.seconds = seconds
    }

    /// The text, English number conventions (as the other store messages).
    package func render() -> String {
        let format = NumberFormat(locale: .english)
        let rows = tables.map { table in
            TextTable.Row.cells([table.name, format.integer(table.rows), format.integer(table.bytes), String(table.digest.prefix(16))])
        }
        let table = TextTable(columns: [.init("table", .left), .init("rows"), .init("bytes"), .init("sha-256", .left)],
                              rows: rows + [.rule, .cells(["total", format.integer(self.rows), format.integer(bytes), ""])])
        return "Copied \(source) into \(destination): \(tables.count) tables, \(format.integer(self.rows)) rows, "
            + "\(format.integer(bytes)) bytes of text and binary data in \(format.decimal(seconds, places: 1)) s; "
            + "every table read back with the same rows and content digest\n" + table.renderText()
    }
}
