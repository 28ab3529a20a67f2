import Statistics
import Store
import Surveys

extension SurveyQueries {
    /// The decision for `--by DIMENSION` over the whole body's waves: for a demographic question,
    /// the groups planned with every other demographic question of the codebook over the people's
    /// cross-classification (``DimensionSuppression``), so that no two breakdowns together give a
    /// small set away; `nil` for `unit` (planned by ``GroupSuppression`` over the units).
    public func breakdownSuppression(dimension: String, wavesByYear: [Int: [Wave]], codebook: Codebook,
                                     minimum: Int) throws -> GroupSuppression? {
        guard let question = codebook.demographics.firstIndex(where: { $0.code == dimension }) else { return nil }
        let cross = try perYear(wavesByYear, start: CrossTallies(codebook: codebook)) { tallies, answers, demographics in
            tallies.add(answers: answers, demographics: demographics)
        }
        return DimensionSuppression(codebook: codebook, tallies: cross, minimum: minimum).suppression(ofDimension: question, codebook: codebook)
    }
}
