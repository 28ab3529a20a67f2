/// The bodies of a store as `polso bodies list` shows them: code, name, kind, whether each joins
/// the network benchmark and whether other bodies may see it named. Italian by default.
package struct BodyTable: Sendable {
    /// One body's settings.
    package struct Row: Sendable, Equatable, Encodable {
        /// Its code.
        package var code: String
        /// Its name.
        package var name: String
        /// Its kind; empty when not given.
        package var kind: String
        /// Whether it joins the network benchmark.
        package var optedIn: Bool
        /// Whether other bodies may see it named.
        package var isPublic: Bool

        /// A body's row.
        package init(code: String, name: String, kind: String, optedIn: Bool, isPublic: Bool) {
            self.code = code
            self.name = name
            self.kind = kind
            self.optedIn = optedIn
            self.isPublic = isPublic
        }

        private enum CodingKeys: String, CodingKey {
            case code, name, kind
            case optedIn = "opted_in"
            case isPublic = "public"
        }
    }

    /// The bodies, in the store's order.
    package let rows: [Row]
    /// Labels.
    package let locale: DisplayLocale

    /// The table of `rows` in `locale`.
    package init(rows: [Row], locale: DisplayLocale) {
        self.rows = rows
        self.locale = locale
    }

    /// The aligned table, labels in `locale`.
    package var table: TextTable {
        let it = locale == .italian
        var table = TextTable(columns: [.init(it ? "codice" : "code", .left), .init(it ? "nome" : "name", .left),
                                        .init(it ? "tipo" : "kind", .left), .init(it ? "confronto tra enti" : "benchmark", .left),
                                        .init(it ? "nominato agli altri" : "named to others", .left)])
        for row in rows {
            table.append([row.code, row.name, row.kind, row.optedIn ? (it ? "aderisce" : "opted in") : "no",
                          row.isPublic ? (it ? "pubblico" : "public") : "no"])
        }
        return table
    }

    /// The table in every format: CSV and JSON carry the flags as `true`/`false` under fixed English keys.
    package func rendered() -> Rendered {
        Rendered.listing(table, csv: {
            var csv = CSVText()
            csv.append(["code", "name", "kind", "opted_in", "public"])
            for row in rows { csv.append([.text(row.code), .text(row.name), .text(row.kind), .text(String(row.optedIn)), .text(String(row.isPublic))]) }
            return csv.text
        }, rows: rows)
    }
}
