import Statistics

/// The option checks the statistics requests share (``PolsoError/Kind/usage``).
enum OptionChecks {
    /// The fewest respondents behind a figure: never below ``SmallGroupSuppression/smallestMinimum``.
    static func minimumGroupSize(_ size: Int) throws(PolsoError) {
        guard size >= SmallGroupSuppression.smallestMinimum else {
            throw PolsoError("--min-group must be at least \(SmallGroupSuppression.smallestMinimum)", kind: .usage)
        }
    }

    /// A significance level, strictly between 0 and 1.
    static func alpha(_ alpha: Double) throws(PolsoError) {
        guard alpha > 0 && alpha < 1 else { throw PolsoError("--alpha must be between 0 and 1", kind: .usage) }
    }
}
