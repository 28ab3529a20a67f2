/// The respondents behind a figure and their weights: what Kish's design effect and effective
/// sample size are computed from. Unweighted, every weight is 1 and the effective size is the count.
struct WeightTotals: Sendable, Equatable, Codable {
    /// Respondents.
    private(set) var count = 0
    /// Σ w.
    private(set) var sum = 0.0
    /// Σ w².
    private(set) var sumOfSquares = 0.0

    /// Nobody yet.
    init() {}

    /// Adds one respondent of weight `weight`.
    mutating func add(_ weight: Double) {
        count += 1
        sum += weight
        sumOfSquares += weight * weight
    }

    /// The respondents of both.
    static func + (lhs: WeightTotals, rhs: WeightTotals) -> WeightTotals {
        var sum = lhs
        sum.count += rhs.count
        sum.sum += rhs.sum
        sum.sumOfSquares += rhs.sumOfSquares
        return sum
    }

    /// Kish's effective sample size, (Σw)² / Σw²; the count when every weight is equal. `nil` when empty.
    var effectiveSize: Double? {
        sumOfSquares > 0 ? sum * sum / sumOfSquares : nil
    }

    /// Kish's design effect of unequal weights, n · Σw² / (Σw)² (1 when every weight is equal). `nil` when empty.
    var designEffect: Double? {
        sum > 0 ? Double(count) * sumOfSquares / (sum * sum) : nil
    }

    /// The sample size the guards and the degrees of freedom use: the count, or with unequal
    /// weights the effective size rounded down.
    func samplingUnits(weighted: Bool) -> Int {
        guard weighted, let effective = effectiveSize else { return count }
        return Self.samplingUnits(effectiveSize: effective)
    }

    /// An effective size rounded down to whole sampling units (a hair under an integer, from
    /// rounding in Σw², does not lose a unit).
    static func samplingUnits(effectiveSize: Double) -> Int {
        Int((effectiveSize + 1e-9).rounded(.down))
    }
}
