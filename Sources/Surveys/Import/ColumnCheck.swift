import Foundation

/// The columns of an export checked against a codebook: the column map, what is wrong with it,
/// and for every item without a column the columns nearest to it. Used by the importer and by
/// `polso map`.
package struct ColumnCheck: Sendable {
    /// The codebook checked against.
    package let codebook: Codebook
    /// What each column holds.
    package let map: ColumnMap
    /// Mapping-file mistakes, ambiguous columns, two columns for one item.
    package let problems: [ColumnProblem]
    /// Items without a column (indices in ``Codebook/items``).
    package let absentItems: [Int]
    /// For each absent item, the nearest unassigned columns (0-based), best first.
    package let candidates: [Int: [Int]]
    /// Demographic questions without a column (indices in ``Codebook/demographics``).
    package let absentDemographics: [Int]
    /// For each absent demographic question, the nearest unassigned columns.
    package let demographicCandidates: [Int: [Int]]

    /// Checks `layout` against `codebook`, with the user's mapping file if any. Nearest columns
    /// are searched for the first `adviceLimit` absent items and questions only (those whose
    /// problems will be shown).
    package init(layout: ExportLayout, codebook: Codebook, mapping: ColumnMapping?, adviceLimit: Int = .max) {
        let mapper = ColumnMapper(codebook: codebook, mapping: mapping)
        let (map, problems) = mapper.map(layout)
        let matched = Set(map.matchedItems)
        let absent = codebook.items.indices.filter { !matched.contains($0) }
        self.codebook = codebook
        self.map = map
        self.problems = problems
        absentItems = absent
        let nearest = NearestColumns(map: map)
        var candidates: [Int: [Int]] = [:]
        for item in absent.prefix(adviceLimit) {
            candidates[item] = nearest.nearest(to: [codebook.items[item].code, codebook.items[item].text])
        }
        self.candidates = candidates
        absentDemographics = codebook.demographics.indices.filter { !map.roles.contains(.demographic($0)) }
        var demographicCandidates: [Int: [Int]] = [:]
        for question in absentDemographics.prefix(max(0, adviceLimit - absent.count)) {
            let asked = codebook.demographics[question]
            demographicCandidates[question] = nearest.nearest(to: [asked.code, asked.text] + asked.aliases)
        }
        self.demographicCandidates = demographicCandidates
    }

    /// Whether fewer than half of the codebook's items have a column.
    package var looksLikeAnotherInstrument: Bool { map.matchedItems.count * 2 < codebook.items.count }

    /// The share of the codebook's items that have a column.
    package var matchedShare: Double {
        codebook.items.isEmpty ? 0 : Double(Set(map.matchedItems).count) / Double(codebook.items.count)
    }

    /// `#12 "header"` for column `index` (0-based).
    package func describeColumn(_ index: Int) -> String {
        let header = map.headers[index]
        let entry = map.layout.columns[index]
        let shown = header.isEmpty ? entry.name : header
        return "#\(index + 1) \"\(Self.shorten(shown))\""
    }

    /// The problem for an absent item, naming its nearest columns.
    package func absentItemMessage(_ item: Int) -> String {
        let code = codebook.items[item].code
        var message = "item \(code) \"\(Self.shorten(codebook.items[item].text))\" has no column"
        if let nearest = candidates[item], !nearest.isEmpty {
            message += "; nearest columns: " + nearest.map(describeColumn).joined(separator: ", ")
        }
        return message
    }

    /// The problem for a demographic question without a column, naming its nearest columns.
    package func absentDemographicMessage(_ question: Int) -> String {
        let asked = codebook.demographics[question]
        var message = "demographic question '\(asked.code)' \"\(Self.shorten(asked.text))\" has no column"
        if let nearest = demographicCandidates[question], !nearest.isEmpty {
            message += "; nearest columns: " + nearest.map(describeColumn).joined(separator: ", ")
        }
        return message
    }

    static func shorten(_ text: String, to limit: Int = 60) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}
