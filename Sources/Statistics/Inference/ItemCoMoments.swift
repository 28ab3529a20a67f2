/// Pairwise sums of a set of items over the respondents who answered both, from which the
/// sampling variance of any weighted sum of item means follows (``varianceOfWeightedMean(weights:)``).
///
/// Item means are taken over each item's own respondents (pairwise available cases), as the
/// published section and block means are, so the variance is the linearisation (delta-method)
/// variance of `Σ wᵢ · meanᵢ` with respondents as the sampling units:
///
///     zᵣ = Σᵢ wᵢ · aᵣᵢ · (xᵣᵢ − meanᵢ) / nᵢ,    Var = m / (m − 1) · Σᵣ zᵣ²
///
/// where `aᵣᵢ` says whether respondent r answered item i and `m` counts the respondents who answered
/// at least one item. Expanding Σᵣ zᵣ² needs, for every pair of items, the count of respondents who
/// answered both and their sums: O(k²) per respondent. With no missing answers the result is the
/// textbook s²/m of the respondents' weighted item averages.
public struct ItemCoMoments: Sendable, Equatable {
    /// Number of items.
    public let items: Int
    /// Respondents who answered at least one item.
    public private(set) var respondents = 0
    // Row-major k × k, only i ≤ j filled: count answering both, Σ xᵢ and Σ xⱼ over them, Σ xᵢxⱼ.
    private var count: [Int]
    private var sumFirst: [Double]
    private var sumSecond: [Double]
    private var sumProduct: [Double]

    /// No respondent yet, for `items` items.
    public init(items: Int) {
        self.items = items
        count = Array(repeating: 0, count: items * items)
        sumFirst = Array(repeating: 0, count: items * items)
        sumSecond = Array(repeating: 0, count: items * items)
        sumProduct = Array(repeating: 0, count: items * items)
    }

    /// Adds one respondent: `values[i]` is the scored answer to item i when `answered[i]`.
    public mutating func add(values: UnsafeBufferPointer<Double>, answered: UnsafeBufferPointer<Bool>) {
        var any = false
        for i in 0..<items where answered[i] {
            any = true
            let x = values[i]
            let row = i * items
            for j in i..<items where answered[j] {
                let y = values[j]
                count[row + j] += 1
                sumFirst[row + j] += x
                sumSecond[row + j] += y
                sumProduct[row + j] += x * y
            }
        }
        if any { respondents += 1 }
    }

    /// Adds one respondent from arrays (`nil` = not answered).
    public mutating func add(_ row: [Double?]) {
        let values = row.map { $0 ?? 0 }
        let answered = row.map { $0 != nil }
        values.withUnsafeBufferPointer { v in answered.withUnsafeBufferPointer { a in add(values: v, answered: a) } }
    }

    /// Valid answers to item `i`.
    public func answers(item i: Int) -> Int { count[i * items + i] }

    /// Mean of item `i`; `nil` when nobody answered it.
    public func mean(item i: Int) -> Double? {
        let n = count[i * items + i]
        return n > 0 ? sumFirst[i * items + i] / Double(n) : nil
    }

    /// Σ over respondents who answered both of (xᵢ − meanᵢ)(xⱼ − meanⱼ), with each item's own mean.
    func centredProduct(_ i: Int, _ j: Int, means: [Double]) -> Double {
        let (a, b) = i <= j ? (i, j) : (j, i)
        let cell = a * items + b
        let n = Double(count[cell])
        guard n > 0 else { return 0 }
        return sumProduct[cell] - means[b] * sumFirst[cell] - means[a] * sumSecond[cell] + n * means[a] * means[b]
    }

    /// The estimated sampling variance of `Σ weights[i] · mean(item: i)`, and the number of
    /// respondents it rests on (those who answered at least one item of the set). Give weight 0
    /// only to items nobody answered; `nil` when a weighted item has no answer or fewer than two
    /// respondents count.
    public func varianceOfWeightedMean(weights: [Double]) -> (variance: Double, respondents: Int)? {
        precondition(weights.count == items)
        let used = (0..<items).filter { weights[$0] != 0 }
        guard !used.isEmpty, used.allSatisfy({ answers(item: $0) > 0 }) else { return nil }
        var means = [Double](repeating: 0, count: items)
        for i in used { means[i] = mean(item: i)! }
        var total = 0.0
        for i in used {
            for j in used {
                let scale = weights[i] * weights[j] / (Double(answers(item: i)) * Double(answers(item: j)))
                total += scale * centredProduct(i, j, means: means)
            }
        }
        let m = respondents
        guard m > 1 else { return nil }
        return (max(0, total) * Double(m) / Double(m - 1), m)
    }
}
