/// The weights behind an item's answers, per point of its scale (lowest first).
package struct PointWeights: Sendable, Equatable, Codable {
    /// Σ w per point.
    package var sums: [Double]
    /// Σ w² per point.
    package var squaredSums: [Double]

    /// Kish's effective number of answers, (Σw)² / Σw²; `nil` without answers.
    package var effectiveSize: Double? {
        let squares = squaredSums.reduce(0, +)
        guard squares > 0 else { return nil }
        let total = sums.reduce(0, +)
        return total * total / squares
    }

    /// Adds `other`'s weights point by point (answers of several items of one scale pooled).
    package mutating func add(_ other: PointWeights) {
        for point in sums.indices {
            sums[point] += other.sums[point]
            squaredSums[point] += other.squaredSums[point]
        }
    }

    /// Zero weight on `points` points.
    package init(points: Int) {
        sums = Array(repeating: 0, count: points)
        squaredSums = sums
    }
}
