import Foundation

/// Other codebooks that fit an export better than the one given (the wrong-instrument check).
package enum BetterCodebooks {
    /// The known codebooks (``CodebookLocator/knownCodebooks(environment:)``) other than
    /// `codebook` under which a larger share of items has a column, best first, as
    /// `name (k of n items)`.
    package static func find(for layout: ExportLayout, than check: ColumnCheck) -> [String] {
        var better: [(share: Double, label: String)] = []
        for name in CodebookLocator.knownCodebooks().keys.sorted() {
            guard let other = try? CodebookLocator.load(name).codebook,
                  other.instrument != check.codebook.instrument else { continue }
            let candidate = ColumnCheck(layout: layout, codebook: other, mapping: nil)
            guard candidate.matchedShare > check.matchedShare, candidate.matchedShare > 0 else { continue }
            let matched = Set(candidate.map.matchedItems).count
            better.append((candidate.matchedShare, "\(name) (\(matched) of \(other.items.count) items have a column)"))
        }
        return better.sorted { $0.share > $1.share }.map(\.label)
    }
}
