/// Post-stratification of one year's respondents to a known staff composition.
///
/// With Nₕ staff and nₕ respondents in stratum h (N and n their totals over the strata weighted),
/// every respondent of h weighs wₕ = (Nₕ / N) / (nₕ / n): the weights sum to n (mean 1), and the
/// weighted share of each stratum is its share of the staff.
package struct PostStratification: Sendable, Equatable {
    /// Per stored answer code of the stratifying question (0 = no answer, then the options): the
    /// weight of its respondents, `nil` for respondents left out (``MissingStratumPolicy/drop``).
    package let weights: [Double?]
    /// Respondents weighted.
    package let respondents: Int
    /// Respondents left out because they gave no answer to the stratifying question.
    package let droppedNotStated: Int
    /// Respondents left out because their answer is no stratum of the staff counts, by answer code.
    package let droppedOutsideStrata: [Int: Int]

    /// The weights for `staff` (staff count per option code, 1-based) and `respondents` (count
    /// per stored code, 0 = no answer).
    /// - Throws: ``PostStratificationProblem`` when a stratum has staff but no respondent, or
    ///   (with ``MissingStratumPolicy/refuse``) when respondents fall outside every stratum.
    package init(staff: [Int: Int], respondents: [Int], missing: MissingStratumPolicy) throws(PostStratificationProblem) {
        let empty = staff.keys.filter { $0 >= respondents.count || respondents[$0] == 0 }.sorted()
        guard empty.isEmpty else { throw .strataWithoutRespondents(empty) }
        let notStated = respondents.first ?? 0
        var outside: [Int: Int] = [:]
        for code in respondents.indices.dropFirst() where respondents[code] > 0 && staff[code] == nil {
            outside[code] = respondents[code]
        }
        if missing == .refuse, notStated > 0 || !outside.isEmpty {
            throw .respondentsOutsideStrata(notStated: notStated, outside: outside)
        }
        let totalStaff = Double(staff.values.reduce(0, +))
        let weighted = staff.keys.reduce(0) { $0 + respondents[$1] }
        var weights = [Double?](repeating: nil, count: respondents.count)
        for (code, count) in staff {
            weights[code] = (Double(count) / totalStaff) / (Double(respondents[code]) / Double(weighted))
        }
        self.weights = weights
        self.respondents = weighted
        droppedNotStated = notStated
        droppedOutsideStrata = outside
    }
}
