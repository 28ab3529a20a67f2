/// A year's mean compared with the previous year's: the test of the published Δ.
public struct YearComparison: Sendable, Equatable, Codable {
    /// Standard error of Δ, √(SE₁² + SE₀²).
    public var standardError: Double
    /// Δ / standardError.
    public var t: Double
    /// Welch–Satterthwaite degrees of freedom.
    public var degreesOfFreedom: Double
    /// Two-sided p value, unadjusted.
    public var p: Double
    /// p adjusted for the tests of the same family (``YearOverYear/adjustingForMultiplicity(_:)``).
    public var adjustedP: Double?
    /// Hedges' g with the average-variance standard deviation.
    public var hedgesG: Double?

    /// A comparison.
    package init(standardError: Double, t: Double, degreesOfFreedom: Double, p: Double, adjustedP: Double? = nil, hedgesG: Double?) {
        self.standardError = standardError
        self.t = t
        self.degreesOfFreedom = degreesOfFreedom
        self.p = p
        self.adjustedP = adjustedP
        self.hedgesG = hedgesG
    }
}
