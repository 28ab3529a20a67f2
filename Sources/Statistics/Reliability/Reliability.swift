/// Internal consistency of a set of items, from their covariance matrix.
struct Reliability: Sendable, Equatable {
    /// Complete cases used.
    var n: Int
    /// Cronbach's alpha, k/(k − 1) · (1 − Σ var(item) / var(sum)); `nil` when undefined.
    var cronbachAlpha: Double?
    /// Alpha over the other items, for each item left out.
    var alphaIfItemDeleted: [Double?]
    /// Correlation of each item with the sum of the other items.
    var correctedItemTotalCorrelations: [Double?]

    /// The reliability of the accumulated items.
    init(_ accumulator: CovarianceAccumulator) {
        n = accumulator.count
        let k = accumulator.variables
        let s = { (i: Int, j: Int) in accumulator.covariance(i, j) }
        var total = 0.0
        var itemVariances = 0.0
        var rowSums = [Double](repeating: 0, count: k)
        for i in 0..<k {
            itemVariances += s(i, i)
            for j in 0..<k {
                total += s(i, j)
                rowSums[i] += s(i, j)
            }
        }
        let valid = n > 1 && k > 1
        cronbachAlpha = valid ? Self.alpha(items: k, itemVariances: itemVariances, totalVariance: total) : nil
        var ifDeleted: [Double?] = []
        var correlations: [Double?] = []
        for i in 0..<k {
            // The sum of the other items: var = total − 2 Σⱼ sᵢⱼ + sᵢᵢ; cov with item i = Σⱼ sᵢⱼ − sᵢᵢ.
            let restVariance = total - 2 * rowSums[i] + s(i, i)
            ifDeleted.append(valid ? Self.alpha(items: k - 1, itemVariances: itemVariances - s(i, i), totalVariance: restVariance) : nil)
            let denominator = (s(i, i) * restVariance).squareRoot()
            correlations.append(valid && denominator > 0 ? (rowSums[i] - s(i, i)) / denominator : nil)
        }
        alphaIfItemDeleted = ifDeleted
        correctedItemTotalCorrelations = correlations
    }

    private static func alpha(items k: Int, itemVariances: Double, totalVariance: Double) -> Double? {
        guard k > 1, totalVariance > 0 else { return nil }
        return Double(k) / Double(k - 1) * (1 - itemVariances / totalVariance)
    }
}
