/// The formats a plan's report downloads in.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// The self-contained page with its charts.
    case html
    /// Markdown.
    case md
    /// CSV.
    case csv

    /// The name shown on the link.
    var label: String {
        switch self {
        case .html: "HTML"
        case .md: "Markdown"
        case .csv: "CSV"
        }
    }
}
