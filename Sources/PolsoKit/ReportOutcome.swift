import Reports

/// What a ``ReportRequest`` wrote.
public struct ReportOutcome: Sendable {
    /// A survey the plan draws on whose statistics the report leaves out.
    public struct LeftOut: Sendable {
        /// The instrument.
        public var survey: String
        /// Why (a missing wave, a damaged store…).
        public var reason: String
    }

    /// What the report shows.
    public var content: ReportContent
    /// The folder written to.
    public var folder: String
    /// The files written, in order.
    public var files: [String]
    /// The surveys left out, with why.
    public var leftOut: [LeftOut]
}
