/// When a service's change of % positive counts as improved or worse.
public struct ChangeRule: Sendable, Equatable, Codable {
    /// Significance level.
    public var alpha: Double
    /// Adjustment among the services of a year.
    public var adjustment: MultiplicityAdjustment

    /// 0,05 with Holm's adjustment.
    public static let standard = ChangeRule(alpha: 0.05, adjustment: .holm)

    /// A rule.
    public init(alpha: Double, adjustment: MultiplicityAdjustment) {
        self.alpha = alpha
        self.adjustment = adjustment
    }
}
