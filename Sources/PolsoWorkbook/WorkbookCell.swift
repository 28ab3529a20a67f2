/// One cell as typed in the sheet: its text as the user sees it (``WorkbookReader`` records), and
/// for a number cell its number format.
package struct WorkbookCell: Sendable, Equatable {
    /// The text, numbers in shortest form (`33.3`), dates in ISO form.
    package var text: String
    /// The number format when the cell holds a number shown as a number; `nil` for text,
    /// booleans, errors, dates and empty cells.
    package var number: NumberFormat?

    package init(text: String, number: NumberFormat? = nil) {
        self.text = text
        self.number = number
    }
}
