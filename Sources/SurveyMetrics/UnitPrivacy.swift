import Statistics
import Store
import Surveys

extension SurveyQueries {
    /// What `--unit` must withhold so that it shows no more than `--by unit` does: per year, the
    /// sections ``GroupSuppression`` withholds for the unit in a breakdown of the whole body by
    /// unit (to protect a smaller unit, or a few answers). Refuses the unit in a year where that
    /// breakdown hides it whole: fewer respondents than `minimum`, or hidden so that smaller units
    /// cannot be recovered from the whole body's figures. The message says "fewer than N", never
    /// the size itself.
    package func unitWithholding(_ unit: String, instrument: String, years: [Int], minimum: Int) throws -> [Int: Set<String>] {
        let minimum = max(minimum, SmallGroupSuppression.smallestMinimum)
        let wholeWaves = try wavesByYear(instrument: instrument, unit: nil).filter { years.contains($0.key) }
        guard !wholeWaves.isEmpty else { return [:] }
        let codebook = try codebook(for: wholeWaves.values.flatMap { $0 })
        let groups = try breakdownTallies(dimension: "unit", instrument: instrument, wavesByYear: wholeWaves, codebook: codebook)
        guard let position = groups.labels.firstIndex(of: unit) else { return [:] }
        guard let plan = try breakdownSuppression(dimension: "unit", instrument: instrument, wavesByYear: wholeWaves, codebook: codebook,
                                                  minimum: minimum) else { return [:] }
        let decision = UnitWithholding(respondents: groups.tallies.mapValues { $0[position].respondents }, position: position,
                                       plan: plan, minimum: minimum)
        let rule = "Polso never shows a group of fewer than --min-group \(minimum) respondents (never below "
            + "\(SmallGroupSuppression.smallestMinimum)), as `--by unit` does"
        func list(_ years: [Int]) -> String { years.map(String.init).joined(separator: ", ") }
        if !decision.tooSmall.isEmpty {
            throw SurveyDataError("unit '\(unit)' has fewer than \(minimum) respondents in \(list(decision.tooSmall)): \(rule). "
                + "Choose other years, or the whole body instead of the unit")
        }
        if !decision.protecting.isEmpty {
            throw SurveyDataError("unit '\(unit)' is hidden in \(list(decision.protecting)) to protect a unit of fewer than \(minimum) "
                + "respondents, or several units (or the whole body's respondents in no unit) with fewer together, whose figures its own and the whole body's would give away: \(rule). "
                + "Choose other years, or the whole body instead of the unit")
        }
        return decision.sections
    }

    /// The decision for `--unit NAME --by DIMENSION`: the unit's groups planned with every other
    /// unit's groups, the whole body's breakdown by `dimension` and by unit
    /// (``CrossGroupSuppression``), so that no subtraction across units or views recovers a small
    /// group. A year the plan cannot meet without hiding a figure another view publishes is refused.
    package func unitGroupSuppression(_ unit: String, dimension: String, instrument: String, years: [Int], codebook: Codebook,
                                     language: String?, minimum: Int) throws -> GroupSuppression? {
        let wholeWaves = try wavesByYear(instrument: instrument, unit: nil).filter { years.contains($0.key) }
        guard !wholeWaves.isEmpty else { return nil }
        let whole = YearOverYear(codebook: codebook, tallies: try tallies(wholeWaves, codebook: codebook))
        let byUnit = try breakdownTallies(dimension: "unit", instrument: instrument, wavesByYear: wholeWaves, codebook: codebook)
        guard let position = byUnit.labels.firstIndex(of: unit) else { return nil }
        let unitPlan = try breakdownSuppression(dimension: "unit", instrument: instrument, wavesByYear: wholeWaves, codebook: codebook,
                                                minimum: minimum) ?? GroupSuppression(codebook: codebook, tallies: byUnit.tallies, whole: whole, minimum: minimum)
        // Units inside a unit are the whole body's units: the same decision as `--by unit`.
        if dimension == "unit" { return unitPlan }
        let columns = try breakdownTallies(dimension: dimension, instrument: instrument, wavesByYear: wholeWaves, codebook: codebook,
                                           language: language)
        var cells: [Int: [[WaveTally]]] = [:]
        // Unit breakdowns have no "not stated" group: every label is a unit's name.
        for name in byUnit.labels.compactMap({ $0 }) {
            let unitWaves = try wavesByYear(instrument: instrument, unit: name).filter { years.contains($0.key) }
            let groups = try breakdownTallies(dimension: dimension, instrument: instrument, wavesByYear: unitWaves, codebook: codebook,
                                              language: language)
            for year in columns.tallies.keys {
                let empty = [WaveTally](repeating: WaveTally(codebook: codebook), count: columns.labels.count)
                cells[year, default: []].append(groups.tallies[year].map { $0.count == columns.labels.count ? $0 : empty } ?? empty)
            }
        }
        let plan = CrossGroupSuppression(
            codebook: codebook, cells: cells, columns: columns.tallies, whole: whole,
            byUnit: unitPlan,
            byGroup: try breakdownSuppression(dimension: dimension, instrument: instrument, wavesByYear: wholeWaves, codebook: codebook,
                                              minimum: minimum)
                ?? GroupSuppression(codebook: codebook, tallies: columns.tallies, whole: whole, minimum: minimum), minimum: minimum)
        if !plan.unresolvedYears.isEmpty {
            throw SurveyDataError("--unit '\(unit)' --by \(dimension) cannot be shown in "
                + plan.unresolvedYears.map(String.init).joined(separator: ", ")
                + ": Polso finds no way to show its groups that keeps every small group of the cross table of units by "
                + "\(dimension) from being worked out from the whole body's figures by \(dimension) and by unit (with many tiny "
                + "groups it stops searching and withholds). Use --by \(dimension) for the whole body, or --by unit")
        }
        // The unit's own people cross-classified by every dimension, as the whole body's are: the
        // same unit by gender and by age cannot then be subtracted from each other.
        let unitWaves = try wavesByYear(instrument: instrument, unit: unit).filter { years.contains($0.key) }
        let inside = try breakdownSuppression(dimension: dimension, instrument: instrument, wavesByYear: unitWaves, codebook: codebook,
                                              minimum: minimum)
        let across = plan.suppression(ofUnit: position)
        return inside.map { across.union($0) } ?? across
    }
}
