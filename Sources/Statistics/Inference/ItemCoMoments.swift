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
///
/// With post-stratification weights wᵣ the item means are weighted (Σ wᵣxᵣᵢ / Σ wᵣ over the item's
/// respondents, Wᵢ = that Σ wᵣ) and the linearisation becomes zᵣ = Σᵢ cᵢ · wᵣ · aᵣᵢ · (xᵣᵢ − meanᵢ) / Wᵢ,
/// the weights treated as fixed: the pairwise sums then carry wᵣ² instead of 1.
struct ItemCoMoments: Sendable {
    /// Number of items.
    let items: Int
    /// Respondents who answered at least one item.
    private(set) var respondents = 0
    // Per pair i ≤ j, row-major over the full k × k grid, four numbers side by side: respondents who
    // answered both, Σ xᵢ and Σ xⱼ over them, Σ xᵢxⱼ (counts are exact in a Double up to 2⁵³).
    // With weights, each term is multiplied by wᵣ².
    private var sums: [Double]
    // Per item: answers, Σ w and Σ w·x over its respondents (the item's mean).
    private var itemAnswers: [Int]
    private var itemWeights: [Double]
    private var itemSums: [Double]
    /// The pairwise sums of respondents of weight 1 not yet added to ``sums``, as integers, while
    /// every respondent so far weighed 1 (``ExactPairSums``); `nil` once one did not, or when the
    /// scores are not small integers. Read only through ``settled()``.
    private var exact: ExactPairSums?

    /// No respondent yet, for `items` items; `largestScore`, when every score is an integer of at
    /// most that magnitude, lets respondents of weight 1 be summed as integers (the same sums).
    init(items: Int, largestScore: Int? = nil) {
        self.items = items
        sums = Array(repeating: 0, count: items * items * 4)
        itemAnswers = Array(repeating: 0, count: items)
        itemWeights = Array(repeating: 0, count: items)
        itemSums = itemWeights
        exact = largestScore.flatMap { ExactPairSums(items: items, largestScore: $0) }
    }

    /// These sums with every respondent's terms in ``sums``: what every figure is read from.
    func settled() -> ItemCoMoments {
        guard exact?.pending ?? 0 > 0 else { return self }
        var result = self
        result.exact!.drain(into: &result.sums)
        return result
    }

    /// Adds one respondent: `values[i]` is the scored answer to item i when `answered[i]`; `weight`
    /// is its post-stratification weight (1 unweighted).
    mutating func add(values: UnsafeBufferPointer<Double>, answered: UnsafeBufferPointer<Bool>, weight: Double = 1) {
        if exact != nil {
            if weight == 1, exact!.add(values: values, answered: answered) {
                addItems(values: values, answered: answered)
                if exact!.pending == exact!.flushEvery { exact!.drain(into: &sums) }
                return
            }
            // The sums go on in floating point from here on, after the integers (exact, so the
            // same as if they had been added one by one).
            exact!.drain(into: &sums)
            exact = nil
        }
        let k = items
        let w2 = weight * weight
        var any = false
        // One exclusive access per array for the whole respondent, not one per element.
        sums.withUnsafeMutableBufferPointer { sums in
            itemAnswers.withUnsafeMutableBufferPointer { itemAnswers in
                itemWeights.withUnsafeMutableBufferPointer { itemWeights in
                    itemSums.withUnsafeMutableBufferPointer { itemSums in
                        for i in 0..<k where answered[i] {
                            any = true
                            let x = values[i]
                            itemAnswers[i] += 1
                            itemWeights[i] += weight
                            itemSums[i] += weight * x
                            let w2x = w2 * x
                            var cell = (i * k + i) * 4
                            // Without a branch per pair: an unanswered j adds zeros, which leave
                            // every sum bit for bit as skipping it would.
                            for j in i..<k {
                                let a = answered[j] ? 1.0 : 0.0
                                let y = values[j] * a
                                sums[cell] += w2 * a
                                sums[cell + 1] += w2x * a
                                sums[cell + 2] += w2 * y
                                sums[cell + 3] += w2 * (x * y)
                                cell += 4
                            }
                        }
                    }
                }
            }
        }
        if any { respondents += 1 }
    }

    /// The per-item sums of a respondent of weight 1 whose pairwise sums went to ``exact``.
    private mutating func addItems(values: UnsafeBufferPointer<Double>, answered: UnsafeBufferPointer<Bool>) {
        var any = false
        for i in 0..<items where answered[i] {
            any = true
            itemAnswers[i] += 1
            itemWeights[i] += 1
            itemSums[i] += values[i]
        }
        if any { respondents += 1 }
    }

    /// Adds one respondent from arrays (`nil` = not answered).
    mutating func add(_ row: [Double?]) {
        let values = row.map { $0 ?? 0 }
        let answered = row.map { $0 != nil }
        values.withUnsafeBufferPointer { v in answered.withUnsafeBufferPointer { a in add(values: v, answered: a) } }
    }

    /// Valid answers to item `i`.
    func answers(item i: Int) -> Int { itemAnswers[i] }

    /// Mean of item `i` (weighted when the respondents were); `nil` when nobody answered it.
    func mean(item i: Int) -> Double? {
        itemWeights[i] > 0 ? itemSums[i] / itemWeights[i] : nil
    }

    /// Σ over respondents who answered both of (xᵢ − meanᵢ)(xⱼ − meanⱼ), with each item's own mean.
    func centredProduct(_ i: Int, _ j: Int, means: [Double]) -> Double {
        precondition(exact?.pending ?? 0 == 0, "pairwise sums read before settled()")
        let (a, b) = i <= j ? (i, j) : (j, i)
        let cell = (a * items + b) * 4
        let n = sums[cell]
        guard n > 0 else { return 0 }
        return sums[cell + 3] - means[b] * sums[cell + 1] - means[a] * sums[cell + 2] + n * means[a] * means[b]
    }

    /// The estimated sampling variance of `Σ weights[i] · mean(item: i)`, and the number of
    /// respondents it rests on. Items with weight 0 are left out; `respondents` must count those who
    /// answered at least one weighted item (by default everyone who answered any item, right when
    /// every answered item is weighted). `nil` when a weighted item has no answer or fewer than two
    /// respondents count.
    func varianceOfWeightedMean(weights: [Double], respondents m: Int? = nil) -> (variance: Double, respondents: Int)? {
        precondition(weights.count == items)
        let used = (0..<items).filter { weights[$0] != 0 }
        guard !used.isEmpty, used.allSatisfy({ answers(item: $0) > 0 }) else { return nil }
        var means = [Double](repeating: 0, count: items)
        for i in used { means[i] = mean(item: i)! }
        var total = 0.0
        for i in used {
            for j in used {
                let scale = weights[i] * weights[j] / (itemWeights[i] * itemWeights[j])
                total += scale * centredProduct(i, j, means: means)
            }
        }
        let m = m ?? respondents
        guard m > 1 else { return nil }
        return (max(0, total) * Double(m) / Double(m - 1), m)
    }
}

extension ItemCoMoments: Equatable {
    /// Equal when every figure read from them is: the settled sums, not how they were grouped.
    static func == (lhs: ItemCoMoments, rhs: ItemCoMoments) -> Bool {
        let a = lhs.settled(), b = rhs.settled()
        return a.items == b.items && a.respondents == b.respondents && a.sums == b.sums && a.itemAnswers == b.itemAnswers
            && a.itemWeights == b.itemWeights && a.itemSums == b.itemSums
    }
}
