/// How weighted figures were weighted: the stratifying question and, per year, each stratum's
/// staff, respondents and weight. A stratum with fewer respondents than the minimum group size
/// (or one that would reveal such a stratum by subtraction) keeps only its label and staff.
public struct StaffWeighting: Sendable, Equatable, Codable {
    /// The demographic question whose answers define the strata (`gender`, `contract`…), or `unit`.
    public var question: String
    /// What was done with respondents outside every stratum.
    public var missing: MissingStratumPolicy
    /// The minimum group size applied to the strata shown.
    public var minimumGroupSize: Int
    /// One entry per year weighted, ascending.
    public var years: [StaffWeightingYear]

    /// A description of the weighting.
    public init(question: String, missing: MissingStratumPolicy, minimumGroupSize: Int, years: [StaffWeightingYear]) {
        self.question = question
        self.missing = missing
        self.minimumGroupSize = minimumGroupSize
        self.years = years
    }
}

/// One year's post-stratification.
public struct StaffWeightingYear: Sendable, Equatable, Codable {
    /// The year.
    public var year: Int
    /// Staff in the strata, Σ Nₕ.
    public var staff: Int
    /// Respondents weighted.
    public var respondents: Int
    /// Respondents left out (``MissingStratumPolicy/drop``) because they did not answer the
    /// question; `nil` when withheld (fewer than the minimum group size, but some).
    public var droppedNotStated: Int?
    /// Respondents left out because their answer is no stratum of the staff counts; `nil` when withheld.
    public var droppedOutsideStrata: Int?
    /// Kish's design effect of the weights, n · Σw² / (Σw)².
    public var designEffect: Double
    /// Kish's effective number of respondents, (Σw)² / Σw².
    public var effectiveRespondents: Double
    /// The strata, in option order.
    public var strata: [StaffStratum]

    /// A year of weighting from its post-stratification; `labels[code − 1]` names stratum `code`,
    /// `localizedLabels` by language when the codebook names the options by language.
    public init(year: Int, staff: [Int: Int], respondents: [Int], stratification: PostStratification,
                labels: [String], localizedLabels: [String: [String]] = [:], minimumGroupSize: Int) {
        self.year = year
        self.staff = staff.values.reduce(0, +)
        self.respondents = stratification.respondents
        // A few people left out are a small group too: their number is withheld, as a group's would be.
        // Their sum is known (year's respondents − respondents weighted): when either is small, both are withheld.
        let notStated = stratification.droppedNotStated
        let outside = stratification.droppedOutsideStrata.values.reduce(0, +)
        let small = { (count: Int) in count > 0 && count < minimumGroupSize }
        let withheld = small(notStated) || small(outside)
        droppedNotStated = withheld ? nil : notStated
        droppedOutsideStrata = withheld ? nil : outside
        var totals = WeightTotals()
        for code in stratification.weights.indices {
            guard let weight = stratification.weights[code] else { continue }
            for _ in 0..<respondents[code] { totals.add(weight) }
        }
        designEffect = totals.designEffect ?? 1
        effectiveRespondents = totals.effectiveSize ?? 0
        let codes = staff.keys.sorted()
        let hidden = SmallGroupSuppression.suppressed(sizes: codes.map { respondents[$0] }, minimum: minimumGroupSize)
        strata = codes.enumerated().map { position, code in
            var stratum = hidden.contains(position)
                ? StaffStratum(label: labels[code - 1], staff: staff[code]!, suppressed: true)
                : StaffStratum(label: labels[code - 1], staff: staff[code]!, respondents: respondents[code],
                               weight: stratification.weights[code])
            let names = localizedLabels.compactMapValues { code <= $0.count ? $0[code - 1] : nil }
            stratum.localizedLabels = names.isEmpty ? nil : names
            return stratum
        }
    }
}

/// One stratum of a year's weighting.
public struct StaffStratum: Sendable, Equatable, Codable {
    /// The option that defines it, in the codebook's first language.
    public var label: String
    /// The option's label per language code (`it`, `en`), when the codebook gives them.
    public var localizedLabels: [String: String]?
    /// Its staff, Nₕ.
    public var staff: Int
    /// Its respondents, nₕ; absent when withheld.
    public var respondents: Int?
    /// The weight of each of its respondents; absent when withheld (it would reveal nₕ).
    public var weight: Double?
    /// `true` when withheld for privacy.
    public var suppressed: Bool?

    /// A stratum.
    public init(label: String, staff: Int, respondents: Int? = nil, weight: Double? = nil, suppressed: Bool? = nil) {
        self.label = label
        self.staff = staff
        self.respondents = respondents
        self.weight = weight
        self.suppressed = suppressed
    }
}
