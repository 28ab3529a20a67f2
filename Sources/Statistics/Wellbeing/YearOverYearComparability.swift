extension YearOverYear {
    /// Marks every Δ (and ratio) that bridges a missing year or compares a mean over another set of
    /// items or sections than the previous year's (``YearValue/comparability``).
    mutating func markComparability() {
        for b in blocks.indices {
            let block = blocks[b]
            func items(of section: String, year y: Int) -> Set<String> {
                Set(block.items.filter { $0.section == section && $0.values[y].mean != nil }.map(\.code))
            }
            for s in block.sections.indices {
                let code = block.sections[s].code
                blocks[b].sections[s].values = Self.noting(block.sections[s].values, years: years) { y, p in
                    items(of: code, year: y) != items(of: code, year: p) ? .itemsChanged : nil
                }
            }
            for i in block.items.indices {
                blocks[b].items[i].values = Self.noting(block.items[i].values, years: years) { _, _ in nil }
            }
            blocks[b].values = Self.noting(block.values, years: years) { y, p in
                let sections = { (year: Int) in Set(block.sections.filter { $0.values[year].mean != nil }.map(\.code)) }
                if sections(y) != sections(p) { return .sectionsChanged }
                let changed = block.sections.contains { items(of: $0.code, year: y) != items(of: $0.code, year: p) }
                return changed ? .itemsChanged : nil
            }
        }
    }

    /// The series with each change's notes: `content(y, p)` says whether year y's figure and its
    /// previous year p's rest on different things.
    static func noting(_ values: [YearValue], years: [Int], content: (Int, Int) -> ComparabilityNote?) -> [YearValue] {
        var values = values
        for y in values.indices {
            guard values[y].delta != nil, let previous = values[y].previousYear, let p = years.firstIndex(of: previous) else { continue }
            var notes: [ComparabilityNote] = []
            if previous < years[y] - 1 { notes.append(.bridgesMissingYear) }
            if let note = content(y, p) { notes.append(note) }
            values[y].comparability = notes.isEmpty ? nil : notes
        }
        return values
    }
}
