/// The language and number conventions of human-readable output.
///
/// Italian is the default everywhere: decimal comma, `.` between thousands, `92,15 %`.
/// English uses a decimal point, `,` between thousands and `92.15%`.
public enum DisplayLocale: String, Sendable, CaseIterable, Codable {
    /// Italian conventions: `4,38`, `34.401`, `92,15 %`.
    case italian = "it"
    /// English conventions: `4.38`, `34,401`, `92.15%`.
    case english = "en"

    /// The character written between the integer and the fractional part.
    public var decimalSeparator: Character { self == .italian ? "," : "." }

    /// The character written between groups of three integer digits.
    public var groupingSeparator: Character { self == .italian ? "." : "," }
}
