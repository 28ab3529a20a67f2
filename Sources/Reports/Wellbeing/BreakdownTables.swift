import Statistics

/// A wellbeing breakdown (by gender, age band, unit…) as tables or CSV.
///
/// Suppressed groups read `<N>` (N the minimum size), or `n.d.` / `withheld` when hidden only so
/// that a smaller one cannot be worked out (``SuppressionMarks``), and carry no number in any format.
package struct BreakdownTables: Sendable {
    /// The breakdown.
    package var breakdown: Breakdown
    /// Section titles and block structure, from the year-over-year statistics.
    package var structure: YearOverYear
    /// Number conventions and labels.
    package var locale: DisplayLocale

    /// A renderer.
    package init(breakdown: Breakdown, structure: YearOverYear, locale: DisplayLocale = .italian) {
        self.breakdown = breakdown
        self.structure = structure
        self.locale = locale
    }

    /// One table per year and synthesis block: a row per section, a column per group.
    package func tables() -> [TextTable] {
        let format = NumberFormat(locale: locale)
        let labels = WellbeingLabels(locale: locale)
        let marks = self.marks
        var tables: [TextTable] = []
        for year in breakdown.years {
            for block in structure.blocks where block.inSynthesis {
                var text = TextTable(title: "\(block.title) — \(year.year) — \(breakdown.dimension)",
                                     columns: [.init(labels.section, .left)] + year.groups.map { .init(groupName($0)) })
                for section in block.sections {
                    text.append(["\(section.code) \(section.title)"] + year.groups.map { group in
                        group.isWithheld(section.code) ? marks.mark(group.withholding(section.code)) : group.sectionMeans?[section.code].map { format.decimal($0) } ?? "–"
                    }, values: [nil] + year.groups.map { $0.isWithheld(section.code) ? nil : $0.sectionMeans?[section.code] })
                }
                text.appendRule()
                text.append([labels.mean] + year.groups.map { group in
                    group.isWithheld(block.id) ? marks.mark(group.withholding(block.id)) : group.blockMeans?[block.id].map { format.decimal($0) } ?? "–"
                }, values: [nil] + year.groups.map { $0.isWithheld(block.id) ? nil : $0.blockMeans?[block.id] }, emphasized: true)
                text.append([labels.respondents] + year.groups.map { group in
                    group.suppressed ? marks.mark(group.suppressedBecause) : group.n.map(format.integer) ?? ""
                }, values: [nil] + year.groups.map { group in group.suppressed ? nil : group.n.map(Double.init) })
                tables.append(text)
            }
        }
        return tables
    }

    /// A group's heading: its label, or "Non indicato" / "Not stated".
    func groupName(_ group: GroupColumn) -> String {
        group.label ?? WellbeingLabels(locale: locale).notStated
    }

    private var marks: SuppressionMarks { SuppressionMarks(locale: locale, minimum: breakdown.minimumGroupSize) }

    /// The notes under the tables: why the withheld figures are withheld.
    package func notes() -> [String] {
        let synthesis = structure.blocks.filter(\.inSynthesis)
        let codes = synthesis.map(\.id) + synthesis.flatMap { $0.sections.map(\.code) }
        return marks.notes(breakdown.years.flatMap(\.groups).flatMap { group in codes.map { group.withholding($0) } })
    }

    /// The tables as text, then the notes.
    package func renderText() -> String {
        tables().map { $0.renderText() }.joined(separator: "\n") + notes().map { "\n" + $0 }.joined() + (notes().isEmpty ? "" : "\n")
    }

    /// The tables as Markdown, then the notes.
    package func renderMarkdown() -> String {
        tables().map { $0.renderMarkdown() }.joined(separator: "\n") + notes().map { "\n" + MarkdownText.escape($0) + "\n" }.joined()
    }

    /// One row per year, group and section or block; suppressed groups have a row with no numbers.
    package func renderCSV() -> String {
        var csv = CSVText()
        csv.append(["dimension", "year", "group", "suppressed", "n", "level", "code", "mean", "suppressed_because"])
        for year in breakdown.years {
            for group in year.groups {
                guard !group.suppressed else {
                    csv.append([.text(breakdown.dimension), .integer(year.year), .text(groupName(group)), "true", .empty, .empty, .empty, .empty,
                                .text(group.suppressedBecause?.rawValue ?? "")])
                    continue
                }
                for block in structure.blocks where block.inSynthesis {
                    let n: CSVText.Cell = group.n.map { .integer($0) } ?? .empty
                    for section in block.sections {
                        csv.append([.text(breakdown.dimension), .integer(year.year), .text(groupName(group)), group.isWithheld(section.code) ? "true" : "false",
                                    n, "section", .text(section.code), group.sectionMeans?[section.code].map { .number($0) } ?? .empty,
                                    .text(group.withholding(section.code)?.rawValue ?? "")])
                    }
                    csv.append([.text(breakdown.dimension), .integer(year.year), .text(groupName(group)), group.isWithheld(block.id) ? "true" : "false",
                                n, "block", .text(block.id), group.blockMeans?[block.id].map { .number($0) } ?? .empty,
                                .text(group.withholding(block.id)?.rawValue ?? "")])
                }
            }
        }
        return csv.text
    }
}
