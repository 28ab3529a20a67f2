/// Levenshtein distance over Unicode scalars, bounded.
enum EditDistance {
    /// The distance between `a` and `b` when it is at most `bound`, else `nil`: the length
    /// difference is checked first, and only a band of `2 × bound + 1` cells per row is filled,
    /// so the cost is O(min(|a|, |b|) × bound) rather than O(|a| × |b|).
    static func between(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int) -> Int? {
        guard bound >= 0, abs(a.count - b.count) <= bound else { return nil }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if short.isEmpty { return long.count }
        let outside = bound + 1
        var previous = (0...long.count).map { $0 <= bound ? $0 : outside }
        var current = [Int](repeating: outside, count: long.count + 1)
        for i in 1...short.count {
            let from = max(1, i - bound), to = min(long.count, i + bound)
            current[0] = i <= bound ? i : outside
            if from > 1 { current[from - 1] = outside }
            var rowMinimum = current[0]
            for j in from...to {
                let substitution = previous[j - 1] + (short[i - 1] == long[j - 1] ? 0 : 1)
                let value = min(previous[j] + 1, current[j - 1] + 1, substitution, outside)
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if to < long.count { current[to + 1] = outside }
            if rowMinimum > bound { return nil }
            swap(&previous, &current)
        }
        return previous[long.count] <= bound ? previous[long.count] : nil
    }
}
