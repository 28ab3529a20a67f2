import Performance
/// The one place where numbers become text for people.
///
/// Every table, chart label and report line goes through these functions, so that rounding
/// (always half-up, see ``HalfUpRounding``) and separators agree everywhere. Machine outputs
/// (JSON, CSV) never use it: they carry the raw values.
package struct NumberFormat: Sendable, Equatable {
    /// The conventions used.
    package var locale: DisplayLocale

    /// A formatter for the given conventions.
    package init(locale: DisplayLocale = .italian) {
        self.locale = locale
    }

    /// `value` with exactly `places` decimals, rounded half-up: `4,05` (Italian), `4.05` (English).
    ///
    /// - Parameter grouping: put a separator between groups of three integer digits (`34.401`).
    package func decimal(_ value: Double, places: Int = 2, grouping: Bool = false) -> String {
        guard let scaled = HalfUpRounding.scaledInteger(value, places: places) else {
            return value.isNaN ? "n.d." : (value > 0 ? "∞" : "-∞")
        }
        let negative = scaled < 0
        let magnitude = scaled.magnitude
        let unit = UInt64(HalfUpRounding.powerOfTen(places))
        var integerDigits = String(magnitude / unit)
        if grouping { integerDigits = group(integerDigits) }
        var text = (negative ? "-" : "") + integerDigits
        if places > 0 {
            let fraction = String(magnitude % unit)
            text.append(locale.decimalSeparator)
            text += String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// A whole number with thousands separators: `1.234` (Italian), `1,234` (English).
    package func integer(_ value: Int) -> String {
        let digits = group(String(value.magnitude))
        return value < 0 ? "-" + digits : digits
    }

    /// A percentage already expressed on the 0–100 scale: `92,15 %` (Italian), `92.15%` (English).
    package func percent(_ value: Double, places: Int = 2) -> String {
        let number = decimal(value, places: places, grouping: true)
        return locale == .italian ? number + " %" : number + "%"
    }

    /// A signed difference, `+0,06` or `-0,03`; a difference that rounds to zero reads `0,00`.
    package func delta(_ value: Double, places: Int = 2) -> String {
        let text = decimal(value, places: places)
        if HalfUpRounding.scaledInteger(value, places: places) == 0 { return text }
        return value > 0 ? "+" + text : text
    }

    private func group(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(locale.groupingSeparator) }
            result.append(character)
        }
        return result
    }
}
