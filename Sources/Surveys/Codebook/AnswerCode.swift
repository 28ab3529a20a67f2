/// How answers are coded once validated: one byte per item.
///
/// Values below ``notApplicable`` are the raw scale point as answered (before any reverse
/// scoring), so scales from 0 up to 253 fit.
public enum AnswerCode {
    /// No answer (empty cell, `N/A`, `Non so`…, or no column for the item).
    public static let missing: UInt8 = 255
    /// An explicit "not applicable" answer, kept out of denominators and counted apart.
    public static let notApplicable: UInt8 = 254
}
