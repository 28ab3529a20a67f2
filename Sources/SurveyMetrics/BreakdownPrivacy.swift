import Statistics
import Store
import Surveys

extension SurveyQueries {
    /// The decision for `--by DIMENSION` (a demographic question, or `unit`) over the whole body's
    /// waves: its groups planned with the groups of every other dimension over the people's
    /// cross-classification (``DimensionSuppression``), so that no two breakdowns together give a
    /// small set away and the decision is the same whichever others are published. `nil` for a
    /// dimension the survey cannot be broken down by.
    package func breakdownSuppression(dimension: String, instrument: String, wavesByYear: [Int: [Wave]], codebook: Codebook,
                                     minimum: Int) throws -> GroupSuppression? {
        let (plan, unitDimension) = try dimensionPlan(instrument: instrument, wavesByYear: wavesByYear, codebook: codebook, minimum: minimum)
        let index = dimension == "unit" ? unitDimension : codebook.demographics.firstIndex { $0.code == dimension }
        return index.map { plan.suppression(ofDimension: $0, codebook: codebook) }
    }

    /// Every year's people cross-classified by the codebook's demographic questions and, when the
    /// survey has unit waves in those years, by unit (in the order `--by unit` lists them), and the plan.
    func dimensionPlan(instrument: String, wavesByYear: [Int: [Wave]], codebook: Codebook,
                       minimum: Int) throws -> (plan: DimensionSuppression, unitDimension: Int?) {
        let unitWaves = try store.waves(body: body, instrument: instrument).filter { !$0.unit.isEmpty && wavesByYear[$0.year] != nil }
        let units = Array(Set(unitWaves.map(\.unit))).sorted()
        var cross: [Int: CrossTallies] = [:]
        for (year, waves) in wavesByYear {
            var tallies = CrossTallies(codebook: codebook, units: units.count)
            for wave in waves {
                let unit = units.firstIndex(of: wave.unit)
                try store.forEachResponse(waves: [wave.id]) { tallies.add(answers: $0, demographics: $1, unit: unit) }
            }
            // Beside a whole-body wave, the unit waves' people are among its people.
            if waves.allSatisfy({ $0.unit.isEmpty }) {
                for wave in unitWaves where wave.year == year {
                    let unit = units.firstIndex(of: wave.unit)!
                    try store.forEachResponse(waves: [wave.id]) { tallies.move(answers: $0, demographics: $1, toUnit: unit) }
                }
            }
            cross[year] = tallies
        }
        let plan = DimensionSuppression(codebook: codebook, tallies: cross, minimum: minimum)
        return (plan, cross.values.first?.unitDimension)
    }
}
