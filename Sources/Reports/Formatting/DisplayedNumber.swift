/// A number as a table shows it, read back from the text ``NumberFormat`` wrote: its value, its
/// decimals, whether it groups thousands or carries an explicit sign, and the marks after it
/// (` %`, ` ▲`, ` †`). A spreadsheet shows it the same way with ``spreadsheetFormat``.
package struct DisplayedNumber: Sendable, Equatable {
    /// The value shown (rounded as displayed).
    package var value: Double
    /// The decimals shown.
    package var places: Int
    /// Thousands are grouped (`1.234`).
    package var grouped: Bool
    /// A positive value is shown with `+` (a difference).
    package var signed: Bool
    /// What follows the number: a percent sign, significance marks, a dagger.
    package var suffix: String

    /// The characters that may follow a number in a table cell.
    private static let marks: Set<Character> = [" ", "%", "▲", "▼", "†"]

    /// Reads `text` in `locale`'s conventions; `nil` for anything else (labels, `–`, `n.d.`, a
    /// withheld `<5`), which stays text.
    package init?(_ text: String, locale: DisplayLocale) {
        var digits = Substring(text)
        var suffix = ""
        while let last = digits.last, Self.marks.contains(last) {
            suffix.insert(last, at: suffix.startIndex)
            digits.removeLast()
        }
        var negative = false, signed = false
        if digits.first == "+" { signed = true; digits.removeFirst() } else if digits.first == "-" { negative = true; digits.removeFirst() }
        let parts = digits.split(separator: locale.decimalSeparator, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty else { return nil }
        let groups = whole.split(separator: locale.groupingSeparator, omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              groups.dropFirst().allSatisfy({ $0.count == 3 }), groups[0].count <= (groups.count > 1 ? 3 : 18) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || (!fraction.isEmpty && fraction.allSatisfy { $0.isASCII && $0.isNumber }) else { return nil }
        guard let magnitude = Double(groups.joined() + (fraction.isEmpty ? "" : "." + fraction)) else { return nil }
        value = negative ? -magnitude : magnitude
        places = fraction.count
        grouped = groups.count > 1
        self.signed = signed
        self.suffix = suffix
    }

    /// An Excel number format that shows ``value`` as the table does (`0.00" %"`, `+0.00;-0.00;0.00`);
    /// a figure shown as zero gets no minus sign from a small negative value behind it (`0.00;0.00`).
    package var spreadsheetFormat: String {
        let number = (grouped ? "#,##0" : "0") + (places > 0 ? "." + String(repeating: "0", count: places) : "")
        let shown = number + (suffix.isEmpty ? "" : "\"" + suffix + "\"")
        if signed { return "+\(shown);-\(shown);\(shown)" }
        return value == 0 ? "\(shown);\(shown)" : shown
    }
}
