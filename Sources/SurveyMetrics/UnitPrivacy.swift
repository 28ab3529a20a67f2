import Statistics
import Store

extension SurveyQueries {
    /// Refuses to show one organisational unit (`--unit`) in a year where a breakdown by unit
    /// would hide it: fewer respondents than `minimum`, or hidden with a lone smaller unit so that
    /// the smaller one cannot be recovered from the whole body's figures
    /// (``SmallGroupSuppression``). The message says "fewer than N", never the size itself.
    public func requireUnitShown(_ unit: String, instrument: String, years: [Int], minimum: Int) throws {
        let minimum = max(minimum, SmallGroupSuppression.smallestMinimum)
        let unitWaves = try store.waves(instrument: instrument).filter { !$0.unit.isEmpty }
        var tooSmall: [Int] = [], protecting: [Int] = []
        for year in years {
            let sizes = Dictionary(grouping: unitWaves.filter { $0.year == year }, by: \.unit)
                .mapValues { $0.map(\.respondents).reduce(0, +) }
            let units = sizes.keys.sorted()
            guard let position = units.firstIndex(of: unit) else { continue }
            if sizes[unit]! < minimum {
                tooSmall.append(year)
            } else if SmallGroupSuppression.suppressed(sizes: units.map { sizes[$0]! }, minimum: minimum).contains(position) {
                protecting.append(year)
            }
        }
        let rule = "Polso never shows a group of fewer than --min-group \(minimum) respondents (never below "
            + "\(SmallGroupSuppression.smallestMinimum)), as `--by unit` does"
        func list(_ years: [Int]) -> String { years.map(String.init).joined(separator: ", ") }
        if !tooSmall.isEmpty {
            throw SurveyDataError("unit '\(unit)' has fewer than \(minimum) respondents in \(list(tooSmall)): \(rule). "
                + "Choose other years, or the whole body instead of the unit")
        }
        if !protecting.isEmpty {
            throw SurveyDataError("unit '\(unit)' is hidden in \(list(protecting)) to protect a unit of fewer than \(minimum) "
                + "respondents, whose figures its own and the whole body's would give away: \(rule). "
                + "Choose other years, or the whole body instead of the unit")
        }
    }
}
