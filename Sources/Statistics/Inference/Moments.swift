/// Count, mean and variance of a stream of values (Welford's algorithm, with Chan's update for
/// values that come with a count).
struct Moments: Sendable, Equatable, Codable {
    /// Number of values.
    private(set) var n = 0
    /// Their mean (0 when empty).
    private(set) var mean = 0.0
    /// Σ (x − mean)² (weighted: Σ w(x − mean)²).
    private var sumOfSquares = 0.0
    /// Σ w: the count when unweighted.
    private(set) var weightSum = 0.0
    /// Whether values were added with weights (``add(_:weight:)``).
    private(set) var isWeighted = false

    /// No values yet.
    init() {}

    /// Adds one value.
    mutating func add(_ x: Double) {
        n += 1
        weightSum += 1
        let delta = x - mean
        mean += delta / Double(n)
        sumOfSquares += delta * (x - mean)
    }

    /// Adds one value with a post-stratification weight (West's weighted update).
    mutating func add(_ x: Double, weight: Double) {
        precondition(isWeighted || n == 0, "weighted and unweighted values mixed")
        isWeighted = true
        n += 1
        weightSum += weight
        let delta = x - mean
        mean += delta * weight / weightSum
        sumOfSquares += weight * delta * (x - mean)
    }

    /// Adds `count` copies of `x` (answers counted per scale point).
    mutating func add(_ x: Double, count: Int) {
        guard count > 0 else { return }
        var other = Moments()
        other.n = count
        other.mean = x
        merge(other)
    }

    /// Adds every value of `other`.
    mutating func merge(_ other: Moments) {
        precondition(!isWeighted && !other.isWeighted, "weighted moments are not merged")
        guard other.n > 0 else { return }
        guard n > 0 else {
            self = other
            return
        }
        let total = n + other.n
        let delta = other.mean - mean
        mean += delta * Double(other.n) / Double(total)
        sumOfSquares += other.sumOfSquares + delta * delta * Double(n) * Double(other.n) / Double(total)
        n = total
        weightSum = Double(total)
    }

    /// Sample variance, Σ (x − mean)² / (n − 1); weighted, n/(n − 1) · Σ w(x − mean)² / Σ w; 0
    /// below two values.
    var variance: Double {
        guard n > 1 else { return 0 }
        return isWeighted ? max(0, sumOfSquares / weightSum * Double(n) / Double(n - 1)) : max(0, sumOfSquares / Double(n - 1))
    }

    /// Sample standard deviation.
    var standardDeviation: Double { variance.squareRoot() }

    /// The Student-t confidence interval of the mean; `nil` below two values.
    func confidenceInterval(level: Double = 0.95) -> (lower: Double, upper: Double)? {
        guard n > 1, level > 0, level < 1 else { return nil }
        let t = StudentT.quantile(0.5 + level / 2, degreesOfFreedom: Double(n - 1))
        let half = t * standardDeviation / Double(n).squareRoot()
        return (mean - half, mean + half)
    }
}
