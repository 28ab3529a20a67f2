/// How a plan writes its numbers: which character separates thousands and which decimals.
///
/// A plan declares it with the top-level key `numbers:` (`it` or `en`); without a declaration a
/// number whose reading depends on it (`1.295`) is refused (``PrintedNumber/read(_:notation:)``).
package enum NumberNotation: String, Sendable, CaseIterable {
    /// `1.295` is one thousand two hundred ninety-five, `1.295,5` has a decimal: `.` thousands, `,` decimals.
    case italian = "it"
    /// `1,295` is one thousand two hundred ninety-five, `1,295.5` has a decimal: `,` thousands, `.` decimals.
    case english = "en"

    /// The decimal separator.
    package var decimalSeparator: Character { self == .italian ? "," : "." }
    /// The thousands separator.
    package var groupingSeparator: Character { self == .italian ? "." : "," }
}
