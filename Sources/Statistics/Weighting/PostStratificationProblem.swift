/// Why a year cannot be post-stratified.
package enum PostStratificationProblem: Error, Sendable, Equatable {
    /// Strata (option codes) with staff but no respondent: no weight can stand for them.
    case strataWithoutRespondents([Int])
    /// Respondents no stratum covers: `notStated` gave no answer, `outside` counts per answer code
    /// those whose answer the staff counts do not list.
    case respondentsOutsideStrata(notStated: Int, outside: [Int: Int])
}
