/// How a plan writes its numbers: which character separates thousands and which decimals.
///
/// A plan declares it with the top-level key `numbers:` (`it` or `en`); without a declaration a
/// number whose reading depends on it (`1.295`) is refused (``PrintedNumber/read(_:notation:)``).
public enum NumberNotation: String, Sendable, CaseIterable {
    /// `1.295` is one thousand two hundred ninety-five, `1.295,5` has a decimal: `.` thousands, `,` decimals.
    case italian = "it"
    /// `1,295` is one thousand two hundred ninety-five, `1,295.5` has a decimal: `,` thousands, `.` decimals.
    case english = "en"

    /// The decimal separator.
    public var decimalSeparator: Character { self == .italian ? "," : "." }
    /// The thousands separator.
    public var groupingSeparator: Character { self == .italian ? "." : "," }
}

/// What a printed number's text says.
public enum NumberReading: Sendable, Equatable {
    /// One certain number.
    case number(PrintedNumber)
    /// Two readings, one per notation: the separator read as thousands, and as a decimal separator.
    case ambiguous(thousands: PrintedNumber, decimal: PrintedNumber)
    /// Not a number (in the declared notation, if any).
    case invalid
}
