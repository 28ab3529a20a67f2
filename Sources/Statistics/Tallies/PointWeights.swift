/// The weights behind an item's answers, per point of its scale (lowest first).
struct PointWeights: Sendable, Equatable, Codable {
    /// Σ w per point.
    var sums: [Double]
    /// Σ w² per point.
    var squaredSums: [Double]

    /// Kish's effective number of answers, (Σw)² / Σw²; `nil` without answers.
    var effectiveSize: Double? {
        let squares = squaredSums.reduce(0, +)
        guard squares > 0 else { return nil }
        let total = sums.reduce(0, +)
        return total * total / squares
    }

    /// Adds `other`'s weights point by point (answers of several items of one scale pooled).
    mutating func add(_ other: PointWeights) {
        for point in sums.indices {
            sums[point] += other.sums[point]
            squaredSums[point] += other.squaredSums[point]
        }
    }

    /// Zero weight on `points` points.
    init(points: Int) {
        sums = Array(repeating: 0, count: points)
        squaredSums = sums
    }
}
