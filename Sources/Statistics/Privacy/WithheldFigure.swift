/// A figure the privacy rules may withhold, saying why (``SuppressionReason``).
package protocol WithheldFigure {
    /// `true` when withheld.
    var suppressed: Bool? { get }
    /// Why, when withheld.
    var suppressedBecause: SuppressionReason? { get }
}

extension WithheldFigure {
    /// Why the figure is withheld, `nil` when it is shown. A figure withheld without a stated reason
    /// (a document written before reasons were recorded) counts as under the minimum.
    package var withholding: SuppressionReason? {
        suppressed == true ? suppressedBecause ?? .fewerThanMinimum : nil
    }
}
