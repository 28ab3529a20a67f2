/// Quantiles of a sample by linear interpolation between order statistics: for sorted values
/// x₀ ≤ … ≤ xₙ₋₁ and 0 ≤ p ≤ 1, the position h = (n − 1)·p and the quantile
/// x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋) (Hyndman and Fan's type 7: numpy's `quantile` default, R's
/// `quantile` default, Excel's QUARTILE.INC).
package enum OrderStatistics {
    /// The `p` quantile of `sorted` (ascending, not empty).
    package static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty && (0...1).contains(p))
        let h = Double(sorted.count - 1) * p
        let low = Int(h.rounded(.down))
        guard low + 1 < sorted.count else { return sorted[low] }
        return sorted[low] + (h - Double(low)) * (sorted[low + 1] - sorted[low])
    }
}
