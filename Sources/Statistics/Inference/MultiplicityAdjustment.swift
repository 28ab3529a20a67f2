/// Adjusting p values for the number of tests read together (a family), so that marks stay
/// trustworthy when many changes are tested at once.
public enum MultiplicityAdjustment: String, Sendable, Equatable, Codable, CaseIterable {
    /// No adjustment: each p stands alone.
    case none
    /// Holm's step-down method: controls the family-wise error rate (the chance of any false mark).
    case holm
    /// Benjamini–Hochberg: controls the false discovery rate (the expected share of false marks).
    case bh

    /// The adjusted p values, in the order given (`nil` entries stay `nil` and do not count as tests).
    ///
    /// - Holm: sort ascending, p̃₍ᵢ₎ = max over j ≤ i of min(1, (m − j + 1) · p₍ⱼ₎).
    /// - BH: sort ascending, p̃₍ᵢ₎ = min over j ≥ i of min(1, m / j · p₍ⱼ₎).
    package func adjust(_ ps: [Double?]) -> [Double?] {
        let tested = ps.indices.filter { ps[$0] != nil }
        let m = tested.count
        guard m > 0, self != .none else { return ps }
        let order = tested.sorted { ps[$0]! < ps[$1]! }
        var adjusted = ps
        switch self {
        case .none:
            break
        case .holm:
            var running = 0.0
            for (rank, index) in order.enumerated() {
                running = max(running, min(1, Double(m - rank) * ps[index]!))
                adjusted[index] = running
            }
        case .bh:
            var running = 1.0
            for (rank, index) in order.enumerated().reversed() {
                running = min(running, min(1, Double(m) / Double(rank + 1) * ps[index]!))
                adjusted[index] = running
            }
        }
        return adjusted
    }
}
