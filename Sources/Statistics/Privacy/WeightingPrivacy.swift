/// The privacy rules of one post-stratified year (``PostStratification``): which counts of the
/// weighting notes are withheld, and when the year cannot be weighted at all.
///
/// - A stratum with fewer respondents than the minimum is withheld (its respondents and weight,
///   which gives them away, nₕ = n · Nₕ / (N · wₕ)), with the next-smallest strata until the
///   withheld ones together reach the minimum (``SmallGroupSuppression``).
/// - The respondents left out (no answer, an answer no stratum lists) are the year's respondents
///   minus the respondents weighted, which is also effective n × deff: some but fewer than the
///   minimum cannot be left out without revealing their number (``revealsLeftOut(_:)``, a refusal).
/// - Of the two kinds left out only the sum is known that way: both are withheld when either is
///   under the minimum (``leftOut(_:)``).
package struct WeightingPrivacy: Sendable, Equatable {
    /// The minimum group size applied.
    package let minimum: Int

    /// The rules for `minimum` respondents.
    package init(minimum: Int) { self.minimum = minimum }

    private func small(_ count: Int) -> Bool { count > 0 && count < minimum }

    /// Whether leaving out the respondents outside the strata would reveal a group under the
    /// minimum by subtraction: the year must then be refused (or published unweighted).
    package func revealsLeftOut(_ stratification: PostStratification) -> Bool {
        small(stratification.droppedNotStated + stratification.droppedOutsideStrata.values.reduce(0, +))
    }

    /// Why the counts left out with no answer and outside the strata are withheld (`nil`: shown).
    package func leftOut(_ stratification: PostStratification) -> (notStated: SuppressionReason?, outside: SuppressionReason?) {
        let notStated = stratification.droppedNotStated
        let outside = stratification.droppedOutsideStrata.values.reduce(0, +)
        guard small(notStated) || small(outside) else { return (nil, nil) }
        return (SuppressionReason(size: notStated, minimum: minimum), SuppressionReason(size: outside, minimum: minimum))
    }

    /// Why each stratum's respondents and weight are withheld, in the order of `respondents` (the
    /// strata's respondent counts); `nil` where shown.
    package func strata(respondents: [Int]) -> [SuppressionReason?] {
        let hidden = SmallGroupSuppression.suppressed(sizes: respondents, minimum: minimum)
        return respondents.indices.map { hidden.contains($0) ? SuppressionReason(size: respondents[$0], minimum: minimum) : nil }
    }
}
