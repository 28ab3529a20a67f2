/// The formats a page's tables download in.
public enum TableDownload: String, Sendable, CaseIterable {
    /// The CLI's `--format csv`: raw values, one table after another.
    case csv
    /// The same tables as an Excel workbook.
    case xlsx

    /// The name shown on the link.
    var label: String { self == .csv ? "CSV" : "Excel (xlsx)" }
}
