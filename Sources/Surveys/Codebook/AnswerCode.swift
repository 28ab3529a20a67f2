/// How answers are coded once validated: one byte per item. The codes are inlinable constants:
/// hot loops in other modules test them per cell without a lazy global's initialisation check.
///
/// Values below ``dontKnow`` are the raw scale point as answered (before any reverse scoring), so
/// scales from 0 up to 251 fit. The three codes above them are kept out of every denominator.
package enum AnswerCode {
    /// No answer (empty cell, a declared missing code such as `N/A`, or no column for the item).
    @inlinable package static var missing: UInt8 { 255 }
    /// An explicit "not applicable" answer, kept out of denominators and counted apart.
    @inlinable package static var notApplicable: UInt8 { 254 }
    /// An explicit "don't know" answer, kept out of denominators and counted apart.
    @inlinable package static var dontKnow: UInt8 { 253 }

    /// Whether `code` is a point of the scale (an answer that enters means and percentages).
    @inline(__always)
    package static func isPoint(_ code: UInt8) -> Bool { code < dontKnow }
}
