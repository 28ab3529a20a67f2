/// A pushed indicator value as the push summaries show it: `763 / 828 = 92,149758`, `1,003291` or
/// `n.d.`, with enough decimals to see any change; `scale` is the unit's (100 for %).
package struct PushValueText: Sendable {
    /// Number conventions.
    package var format: NumberFormat

    /// A formatter for `locale`.
    package init(locale: DisplayLocale) { format = NumberFormat(locale: locale) }

    /// The value recorded from its parts.
    package func describe(notAvailable: Bool, numerator: Int?, denominator: Int?, value: Double?, scale: Double) -> String {
        if notAvailable { return "n.d." }
        if let numerator, let denominator {
            let ratio = denominator == 0 ? "n.d." : format.decimal(Double(numerator) / Double(denominator) * scale, places: 6)
            return "\(format.integer(numerator)) / \(format.integer(denominator)) = \(ratio)"
        }
        return value.map { format.decimal($0, places: 6) } ?? "n.d."
    }
}
