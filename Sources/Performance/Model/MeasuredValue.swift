/// A measured value as the source gives it.
public enum MeasuredValue: Sendable, Equatable {
    /// A number as printed, on the indicator's unit.
    case number(PrintedNumber)
    /// A numerator and a denominator: the value is computed from the raw numbers
    /// (× 100 for `%`, see ``IndicatorUnit/ratioScale``) and rounded only for display.
    case ratio(numerator: PrintedNumber, denominator: PrintedNumber)
    /// The date a deadline was met.
    case date(CivilDate)
    /// Yes (`true`) or no (`false`); for a deadline, met or missed without a date.
    case yesNo(Bool)
    /// *n.d.*: not available; the profile says whether it is excluded or counted as 0.
    case notAvailable
    /// A number computed by Polso (a survey mean or ratio), unrounded, on the indicator's unit.
    case computed(Double)
}
