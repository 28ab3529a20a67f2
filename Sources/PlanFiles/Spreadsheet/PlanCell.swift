import Foundation
import Performance
import PolsoWorkbook

/// A cell of a plan sheet: its text as the plan file writes it, and, for a number cell, the
/// number and the decimals its format shows.
struct PlanCell: Equatable, Sendable {
    var text: String
    var number: Double?
    var decimals: Int?
    /// A number cell formatted as a percentage (it shows the number × 100).
    var isPercent = false
    /// An Excel number format for a number cell, instead of one from ``decimals``.
    var numberFormat: String?

    init(text: String, number: Double? = nil, decimals: Int? = nil, isPercent: Bool = false, numberFormat: String? = nil) {
        self.text = text
        self.number = number
        self.decimals = decimals
        self.isPercent = isPercent
        self.numberFormat = numberFormat
    }

    /// The cell for `text` in a numeric column: a number cell when the number, shown with its
    /// printed decimals in the plan's notation (Italian when the plan declares none), gives back
    /// exactly `text`; otherwise text (`85 %`, `12.345`, `n.d.`), so nothing as printed is lost.
    static func written(_ text: String, numeric: Bool, notation: NumberNotation?) -> PlanCell {
        guard numeric, let number = PrintedNumber(parsing: text, notation: notation ?? .italian),
              shown(number.value, decimals: number.decimals, notation: notation) == text else { return PlanCell(text: text) }
        return PlanCell(text: text, number: number.value, decimals: number.decimals)
    }

    /// A number as the plan file writes it: every digit of the number, at least `decimals`
    /// decimals, the notation's decimal separator, no grouping.
    static func shown(_ value: Double, decimals: Int?, notation: NumberNotation?) -> String {
        var text = CellText.number(value)
        let fraction = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
        if let decimals, decimals > fraction {
            if fraction == 0 { text += "." }
            text += String(repeating: "0", count: decimals - fraction)
        }
        let separator = (notation ?? .italian).decimalSeparator
        return separator == "." ? text : text.replacingOccurrences(of: ".", with: String(separator))
    }
}
