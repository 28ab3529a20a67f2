/// The waves of a body as `polso waves list` shows them: survey, version, year, unit,
/// respondents, staff, when the responses were submitted and the files imported, with the import
/// log (`--files`) under the table. Italian by default; CSV and JSON carry fixed English keys.
package struct WaveTable: Sendable {
    /// One wave.
    package struct Row: Sendable, Equatable, Encodable {
        /// The instrument id.
        package var survey: String
        /// The codebook version it was imported with.
        package var version: String
        /// Survey year.
        package var year: Int
        /// Organisational unit; empty for the whole body.
        package var unit: String
        /// Respondents stored.
        package var respondents: Int
        /// Staff invited, when known.
        package var staff: Int?
        /// When the responses were submitted, or why that is not known.
        package var submitted: WaveSubmission
        /// The files imported into it, in import order.
        package var files: [WaveFile]

        /// A wave's row.
        package init(survey: String, version: String, year: Int, unit: String, respondents: Int, staff: Int?,
                     submitted: WaveSubmission, files: [WaveFile]) {
            self.survey = survey
            self.version = version
            self.year = year
            self.unit = unit
            self.respondents = respondents
            self.staff = staff
            self.submitted = submitted
            self.files = files
        }
    }

    /// The body the waves belong to, named above the table in a store of several bodies.
    package var body: (code: String, name: String)?
    /// The waves, in the store's order.
    package let rows: [Row]
    /// Whether the import log follows the table.
    package let withFiles: Bool
    /// Labels and numbers.
    package let locale: DisplayLocale

    /// The table of `rows` in `locale`.
    package init(rows: [Row], body: (code: String, name: String)? = nil, withFiles: Bool = false, locale: DisplayLocale) {
        self.rows = rows
        self.body = body
        self.withFiles = withFiles
        self.locale = locale
    }

    private var it: Bool { locale == .italian }

    /// The aligned table, labels in `locale`.
    package var table: TextTable {
        let format = NumberFormat(locale: locale)
        var table = TextTable(columns: [.init(it ? "indagine" : "survey", .left), .init(it ? "versione" : "version", .left),
                                        .init(it ? "anno" : "year"), .init(it ? "unità" : "unit", .left),
                                        .init(it ? "rispondenti" : "respondents"), .init(it ? "personale" : "staff"),
                                        .init(it ? "compilato" : "submitted", .left), .init("file" + (it ? "" : "s"), .left)])
        for row in rows {
            table.append([row.survey, row.version, String(row.year), row.unit.isEmpty ? (it ? "(tutto l'ente)" : "(whole body)") : row.unit,
                          format.integer(row.respondents), row.staff.map(format.integer) ?? "", row.submitted.text(locale),
                          row.files.map(\.shortName).joined(separator: ", ")])
        }
        return table
    }

    /// The body line, the table and, with ``withFiles``, one line per imported file.
    package func renderText() -> String {
        var text = body.map { (it ? "Ente " : "Body ") + "\($0.code) (\($0.name))\n" } ?? ""
        text += table.renderText()
        guard withFiles else { return text }
        for row in rows {
            for file in row.files {
                text += "\(row.survey) \(row.year)\(row.unit.isEmpty ? "" : " " + row.unit): \(file.line(locale))\n"
            }
        }
        return text
    }

    /// The listing in every format.
    package func rendered() -> Rendered {
        Rendered.listing(table, text: { renderText() }, csv: {
            var csv = CSVText()
            csv.append(["survey", "version", "year", "unit", "respondents", "staff", "first_submitted", "last_submitted", "submitted", "files"])
            for row in rows {
                csv.append([.text(row.survey), .text(row.version), .integer(row.year), .text(row.unit), .integer(row.respondents),
                             row.staff.map(CSVText.Cell.integer) ?? .empty, .text(row.submitted.first ?? ""), .text(row.submitted.last ?? ""),
                             .text(row.submitted.kind), .text(row.files.map(\.name).joined(separator: "; "))])
            }
            return csv.text
        }, rows: rows)
    }
}
