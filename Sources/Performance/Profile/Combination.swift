/// How a group of children combine into their parent's achievement.
public enum Combination: String, Sendable, CaseIterable {
    /// `Σ(w·a) / 100`: weights as printed, so weights summing to 103 give 103 % of the mean
    /// (TNO, Massa-Carrara, Pistoia).
    case weightedSum = "weighted-sum"
    /// `Σ(w·a) / Σw`: normalised by the weights' total (Pisa's "MR1").
    case weightedMean = "weighted-mean"
    /// `Σa / n`: every child counts the same, weights are ignored (Lucca).
    case mean

    /// Whether the rule reads the children's weights.
    public var usesWeights: Bool { self != .mean }
}
