@testable import Performance

/// A printed number; the tests only pass valid literals.
func n(_ text: String) -> PrintedNumber {
    guard let number = PrintedNumber(parsing: text) else { fatalError("not a number in a test: \(text)") }
    return number
}

/// A date; the tests only pass valid literals.
func date(_ text: String) -> CivilDate {
    guard let date = CivilDate(parsing: text) else { fatalError("not a date in a test: \(text)") }
    return date
}

/// A numeric indicator with a typed value (`"n.d."` for not available, `nil` for no value).
func numeric(
    _ code: String = "I", _ comparator: TargetComparator = .atLeast, target: String, value: String?,
    weight: String? = "100", unit: IndicatorUnit = .count, name: String = "", override: Override? = nil,
    printed: PrintedFigures = PrintedFigures()
) -> Indicator {
    let source: ValueSource
    switch value {
    case nil: source = .missing
    case "n.d."?: source = .typed(.notAvailable)
    case let text?: source = .typed(.number(n(text)))
    }
    return Indicator(code: code, name: name, unit: unit, comparator: comparator, target: .number(n(target)),
                     source: source, weight: weight.map(n), override: override, printed: printed)
}

/// A deadline indicator.
func deadline(due: String, done: String, lateJustification: String? = nil) -> Indicator {
    Indicator(code: "D", unit: .date, comparator: .byDate, target: .date(date(due)), source: .typed(.date(date(done))),
              weight: n("100"), lateJustification: lateJustification)
}

/// An objective node.
func objective(
    _ code: String, kind: NodeKind = .strategic, weight: String? = "100", indicators: [Indicator] = [],
    children: [PlanNode] = [], override: Override? = nil, printed: String? = nil
) -> PlanNode {
    PlanNode(code: code, kind: kind, weight: weight.map(n), indicators: indicators, children: children,
             override: override, printed: PrintedFigures(achievement: printed.map(n)))
}

/// A plan whose body holds `children` (and `indicators`), scored with `profile`.
func plan(_ children: [PlanNode], indicators: [Indicator] = [], profile: MeasurementProfile = MeasurementProfile(),
          printed: String? = nil) -> Plan {
    Plan(body: "Test", year: 2020, profile: profile,
         root: PlanNode(code: "Ente", kind: .body, indicators: indicators, children: children,
                        printed: PrintedFigures(achievement: printed.map(n))))
}

/// The achievement of one indicator scored alone under `profile`.
func achievement(_ indicator: Indicator, _ profile: MeasurementProfile = MeasurementProfile()) -> Double? {
    Scorer(profile: profile).score(indicator, at: NodePath([indicator.code])).achievement
}

/// Equal within a millionth: every expected value is hand-computed, so only binary noise is tolerated.
func close(_ actual: Double?, _ expected: Double) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) < 1e-6
}

extension MeasurementProfile {
    /// The standard profile with some keys changed.
    static func with(_ change: (inout MeasurementProfile) -> Void) -> MeasurementProfile {
        var profile = MeasurementProfile()
        change(&profile)
        return profile
    }
}

/// A numeric indicator coded `I` with the given comparator.
func numeric(
    _ comparator: TargetComparator, target: String, value: String?, weight: String? = "100",
    unit: IndicatorUnit = .count, override: Override? = nil
) -> Indicator {
    numeric("I", comparator, target: target, value: value, weight: weight, unit: unit, override: override)
}
