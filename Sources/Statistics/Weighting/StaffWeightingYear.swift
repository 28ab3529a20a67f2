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
    /// Why ``droppedNotStated`` is withheld, when it is.
    public var droppedNotStatedSuppressed: SuppressionReason?
    /// Respondents left out because their answer is no stratum of the staff counts; `nil` when withheld.
    public var droppedOutsideStrata: Int?
    /// Why ``droppedOutsideStrata`` is withheld, when it is.
    public var droppedOutsideStrataSuppressed: SuppressionReason?
    /// Kish's design effect of the weights, n · Σw² / (Σw)².
    public var designEffect: Double
    /// Kish's effective number of respondents, (Σw)² / Σw².
    public var effectiveRespondents: Double
    /// The strata, in option order.
    public var strata: [StaffStratum]

    /// A year of weighting from its post-stratification; `labels[code − 1]` names stratum `code`,
    /// `localizedLabels` by language when the codebook names the options by language.
    package init(year: Int, staff: [Int: Int], respondents: [Int], stratification: PostStratification,
                labels: [String], localizedLabels: [String: [String]] = [:], minimumGroupSize: Int) {
        self.year = year
        self.staff = staff.values.reduce(0, +)
        self.respondents = stratification.respondents
        let privacy = WeightingPrivacy(minimum: minimumGroupSize)
        let leftOut = privacy.leftOut(stratification)
        droppedNotStated = leftOut.notStated == nil ? stratification.droppedNotStated : nil
        droppedOutsideStrata = leftOut.outside == nil ? stratification.droppedOutsideStrata.values.reduce(0, +) : nil
        droppedNotStatedSuppressed = leftOut.notStated
        droppedOutsideStrataSuppressed = leftOut.outside
        var totals = WeightTotals()
        for code in stratification.weights.indices {
            guard let weight = stratification.weights[code] else { continue }
            for _ in 0..<respondents[code] { totals.add(weight) }
        }
        designEffect = totals.designEffect ?? 1
        effectiveRespondents = totals.effectiveSize ?? 0
        let codes = staff.keys.sorted()
        let withheld = privacy.strata(respondents: codes.map { respondents[$0] })
        strata = codes.enumerated().map { position, code in
            var stratum = withheld[position].map { StaffStratum(label: labels[code - 1], staff: staff[code]!, suppressed: true, suppressedBecause: $0) }
                ?? StaffStratum(label: labels[code - 1], staff: staff[code]!, respondents: respondents[code],
                               weight: stratification.weights[code])
            let names = localizedLabels.compactMapValues { code <= $0.count ? $0[code - 1] : nil }
            stratum.localizedLabels = names.isEmpty ? nil : names
            return stratum
        }
    }
}
