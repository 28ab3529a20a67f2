/// Means and covariances of k variables over a stream of complete rows (online co-moments).
struct CovarianceAccumulator: Sendable, Equatable {
    /// Number of variables.
    let variables: Int
    /// Rows added.
    private(set) var count = 0
    /// Mean of each variable.
    private(set) var means: [Double]
    /// Σ (xᵢ − meanᵢ)(xⱼ − meanⱼ), row-major k × k.
    private var comoments: [Double]
    private var deltas: [Double]

    /// An empty accumulator for `variables` variables.
    init(variables: Int) {
        self.variables = variables
        means = Array(repeating: 0, count: variables)
        comoments = Array(repeating: 0, count: variables * variables)
        deltas = Array(repeating: 0, count: variables)
    }

    /// Adds one row of `variables` values.
    mutating func add(_ row: UnsafeBufferPointer<Double>) {
        precondition(row.count == variables, "a row of \(row.count) values for \(variables) variables")
        count += 1
        let n = Double(count)
        let k = variables
        means.withUnsafeMutableBufferPointer { means in
            deltas.withUnsafeMutableBufferPointer { deltas in
                comoments.withUnsafeMutableBufferPointer { comoments in
                    for i in 0..<k {
                        deltas[i] = row[i] - means[i]
                        means[i] += deltas[i] / n
                    }
                    for i in 0..<k {
                        for j in 0..<k {
                            comoments[i * k + j] += deltas[i] * (row[j] - means[j])
                        }
                    }
                }
            }
        }
    }

    /// Adds one row given as an array.
    mutating func add(_ row: [Double]) {
        row.withUnsafeBufferPointer { add($0) }
    }

    /// Sample covariance of variables `i` and `j` (n − 1); 0 below two rows.
    func covariance(_ i: Int, _ j: Int) -> Double {
        count > 1 ? comoments[i * variables + j] / Double(count - 1) : 0
    }
}
