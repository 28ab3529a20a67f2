import Performance

/// How the figures of a scored plan read in text: targets, values, achievements and weights,
/// always through ``NumberFormat`` (half-up, Italian or English).
package struct PlanDisplay: Sendable {
    /// Numbers.
    package let format: NumberFormat
    /// Decimals of achievements, from the plan's profile.
    package let decimals: Int

    /// A display for a plan's profile in the given conventions.
    package init(profile: MeasurementProfile, locale: DisplayLocale) {
        format = NumberFormat(locale: locale)
        decimals = profile.decimals
    }

    /// The conventions used.
    package var locale: DisplayLocale { format.locale }

    /// An achievement in percent with the profile's decimals: `88,80 %`.
    package func achievement(_ value: Double) -> String { format.percent(value, places: decimals) }

    /// An achievement with at least two decimals, for explanations and checks: `93,46 %`.
    func preciseAchievement(_ value: Double) -> String { format.percent(value, places: max(decimals, 2)) }

    /// A printed number with the decimals it was printed with, in the display's conventions: `33,34`.
    package func printed(_ number: PrintedNumber) -> String {
        format.decimal(number.value, places: number.decimals, grouping: true)
    }

    /// A printed number followed by its unit: `15,00 %`, `500`, `1.250 €`.
    package func printed(_ number: PrintedNumber, unit: IndicatorUnit) -> String {
        withUnit(printed(number), unit)
    }

    /// A raw number without trailing zeros, at most four decimals: `9.720`, `0,23`, `87,1667`.
    func compact(_ value: Double) -> String {
        var text = format.decimal(value, places: 4, grouping: true)
        let separator = format.locale.decimalSeparator
        guard text.contains(separator) else { return text }
        while text.last == "0" { text.removeLast() }
        if text.last == separator { text.removeLast() }
        return text
    }

    /// A raw percentage without trailing zeros: `58 %`, `0,58 %`.
    func compactPercent(_ value: Double) -> String { withUnit(compact(value), .percent) }

    /// The target with its comparator: `≥ 500`, `≤ 32 %`, `entro 31/12/2016`, `= si`.
    package func target(of indicator: Indicator) -> String {
        let symbol: String
        switch indicator.comparator {
        case .atLeast: symbol = "≥"
        case .greaterThan: symbol = ">"
        case .atMost: symbol = "≤"
        case .lessThan: symbol = "<"
        case .equal, .yesNo: symbol = "="
        case .byDate: symbol = locale == .italian ? "entro" : "by"
        }
        switch indicator.target {
        case let .number(number): return symbol + " " + printed(number, unit: indicator.unit)
        case let .date(date): return symbol + " " + date.description
        case let .yesNo(flag): return symbol + " " + yesNo(flag)
        case .absent: return ""
        }
    }

    /// A node's weight cell: as printed, `25 (ipotizzato)` when assumed, `non stampato` when unknown.
    package func weightCell(of node: ScoredNode) -> String {
        switch node.weightStatus {
        case .printed: return node.weight.map(printed) ?? ""
        case .unknown: return locale == .italian ? "non stampato" : "unknown"
        case .assumed: return (node.weight.map(printed) ?? "") + (locale == .italian ? " (ipotizzato)" : " (assumed)")
        }
    }

    /// The measured value of an indicator node: as printed when typed, computed ones with the
    /// decimals of the published value (2 when none is published); dates, si/no and n.d. as text.
    package func value(of node: ScoredNode) -> String {
        guard let indicator = node.indicator else { return "" }
        if let valueOverride = indicator.valueOverride { return measured(valueOverride.value, unit: indicator.unit) + "*" }
        switch indicator.source.measured {
        case nil: return ""
        case .notAvailable?: return "n.d."
        case let .number(number)?: return printed(number, unit: indicator.unit)
        case .ratio?, .computed?:
            guard let value = node.value else { return "n.d." }
            let places = node.printed.value?.decimals ?? 2
            return withUnit(format.decimal(value, places: places, grouping: true), indicator.unit)
        case let .date(date)?: return date.description
        case let .yesNo(flag)?: return yesNo(flag)
        }
    }

    /// A typed value as printed: a number with its unit, a date, si/no, n.d.; a ratio or a
    /// computed number with two decimals.
    package func measured(_ value: MeasuredValue, unit: IndicatorUnit) -> String {
        switch value {
        case .notAvailable: return "n.d."
        case let .number(number): return printed(number, unit: unit)
        case let .ratio(numerator, denominator):
            guard !denominator.isZero else { return "n.d." }
            return withUnit(format.decimal(numerator.value / denominator.value * unit.ratioScale, places: 2, grouping: true), unit)
        case let .computed(number): return withUnit(format.decimal(number, places: 2, grouping: true), unit)
        case let .date(date): return date.description
        case let .yesNo(flag): return yesNo(flag)
        }
    }

    /// A node's achievement cell: `88,80 %`, `100 %*` when overridden, `(78 %)` for a monitoring
    /// node (shown, not scored), `n.d.`, or `—` when the node has none by rule.
    package func achievementCell(of node: ScoredNode) -> String {
        switch node.status {
        case .notRolledUp where node.achievement == nil: return "—"
        case .notAvailable where node.achievement == nil: return "n.d."
        case .monitoring where node.achievement == nil: return "—"
        default: break
        }
        guard let achievement = node.achievement else { return "n.d." }
        var text = format.percent(achievement, places: node.decimals)
        if node.override != nil { text += "*" }
        return node.status == .monitoring ? "(" + text + ")" : text
    }

    /// `si`/`no` in Italian, `yes`/`no` in English.
    package func yesNo(_ flag: Bool) -> String { flag ? (locale == .italian ? "si" : "yes") : "no" }

    private func withUnit(_ number: String, _ unit: IndicatorUnit) -> String {
        switch unit {
        case .percent: return locale == .italian ? number + " %" : number + "%"
        case .count, .date, .yesNo: return number
        case .days: return number + (locale == .italian ? " giorni" : " days")
        case .perMille, .euro, .other: return number + " " + unit.description
        }
    }
}
