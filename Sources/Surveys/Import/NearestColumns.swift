/// Finds the unassigned columns nearest to an item or question that has none, for the advice in
/// its problem. Each column's comparison keys are computed once; a pair is compared only when
/// the lengths allow a near match, and the edit distance gives up as soon as it exceeds the
/// bound, so a very long header or a file of many unknown columns costs little.
struct NearestColumns {
    private let columns: [(column: Int, texts: [[Unicode.Scalar]])]

    /// The unassigned, non-empty columns of `map` with their name and text keys.
    init(map: ColumnMap) {
        columns = map.roles.indices.compactMap { column in
            let entry = map.layout.columns[column]
            guard map.roles[column] == .ignored, entry.kind != .empty else { return nil }
            let texts = [entry.name, entry.text].compactMap { $0 }.map(TextKey.text).filter { !$0.isEmpty }
            return texts.isEmpty ? nil : (column, texts.map { Array($0.unicodeScalars) })
        }
    }

    /// The (0-based) columns nearest to any of `names`, best first: those whose key could be
    /// turned into a name's key by changing at most half of the longer one.
    func nearest(to names: [String], limit: Int = 3) -> [Int] {
        let targets = names.map(TextKey.text).filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
        var scored: [(distance: Int, column: Int)] = []
        for (column, texts) in columns {
            var best: Int?
            for text in texts {
                for target in targets {
                    let bound = min(max(text.count, target.count) / 2, best.map { $0 - 1 } ?? .max)
                    if let distance = EditDistance.between(text, target, atMost: bound) { best = distance }
                }
            }
            if let best { scored.append((best, column)) }
        }
        return scored.sorted { ($0.distance, $0.column) < ($1.distance, $1.column) }.prefix(limit).map(\.column)
    }
}
