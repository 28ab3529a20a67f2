/// What a printed number's text says.
package enum NumberReading: Sendable, Equatable {
    /// One certain number.
    case number(PrintedNumber)
    /// Two readings, one per notation: the separator read as thousands, and as a decimal separator.
    case ambiguous(thousands: PrintedNumber, decimal: PrintedNumber)
    /// Not a number (in the declared notation, if any).
    case invalid
}
