import Statistics

/// How a withheld figure reads, and the footnote that says why, in Italian and English: `<5` for
/// a figure resting on fewer people than the minimum (or computed from one that does), `n.d.` /
/// `withheld` for one withheld only so that a smaller group cannot be worked out by subtraction.
/// Every view and format marks withheld figures through it, so the two never read alike.
package struct SuppressionMarks: Sendable {
    /// The language of the marks and notes.
    package let locale: DisplayLocale
    /// The minimum group size applied.
    package let minimum: Int

    /// Marks for `minimum` in `locale`.
    package init(locale: DisplayLocale, minimum: Int) {
        self.locale = locale
        self.minimum = minimum
    }

    private var it: Bool { locale == .italian }

    /// What a figure withheld for `reason` reads in a table. A figure withheld without a stated
    /// reason (a document written before reasons were recorded) reads as under the minimum.
    package func mark(_ reason: SuppressionReason?) -> String {
        switch reason ?? .fewerThanMinimum {
        case .fewerThanMinimum: "<\(minimum)"
        case .complementary: it ? "n.d." : "withheld"
        }
    }

    /// The footnote explaining ``mark(_:)`` for `reason`.
    package func note(_ reason: SuppressionReason) -> String {
        switch reason {
        case .fewerThanMinimum:
            it ? "<\(minimum): meno di \(minimum) persone, o calcolato da un dato che ne ha meno; non pubblicato per riservatezza."
                : "<\(minimum): fewer than \(minimum) people, or computed from a figure that rests on fewer; withheld for privacy."
        case .complementary:
            it ? "n.d.: almeno \(minimum) persone, non pubblicato perché per differenza rivelerebbe un gruppo con meno di \(minimum) persone."
                : "withheld: \(minimum) or more people, withheld because by subtraction it would reveal a group of fewer than \(minimum)."
        }
    }

    /// The footnotes for the reasons among `reasons` (`nil`: shown), in a fixed order.
    package func notes(_ reasons: some Sequence<SuppressionReason?>) -> [String] {
        let present = Set(reasons.compactMap { $0 })
        return SuppressionReason.allCases.filter(present.contains).map(note)
    }
}
