import PolsoKit

/// What the body's home page shows.
public struct HomeSummary: Sendable {
    /// Every wave with its files.
    public var waves: [WaveCatalog.Listing]
    /// Each wellbeing survey's statistics (the latest year is shown).
    public var wellbeing: [WellbeingResult]
    /// Each satisfaction survey's statistics (the latest year is shown).
    public var satisfaction: [SatisfactionResult]
    /// The body's plans.
    public var plans: [PlanStatus]

    /// A summary.
    public init(waves: [WaveCatalog.Listing], wellbeing: [WellbeingResult] = [], satisfaction: [SatisfactionResult] = [],
                plans: [PlanStatus] = []) {
        self.waves = waves
        self.wellbeing = wellbeing
        self.satisfaction = satisfaction
        self.plans = plans
    }
}
