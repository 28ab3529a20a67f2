/// Whether a node's weight is printed in the source, printed nowhere, or assumed in its place.
public enum WeightStatus: String, Sendable, Equatable, CaseIterable {
    /// As printed (or absent where nothing reads it).
    case printed
    /// Printed nowhere (`weight: unknown`): a roll-up that reads weights cannot use it and says so.
    case unknown
    /// Printed nowhere, and the plan declares the weight to use (`assumed_weight:`); every
    /// report prints it as an assumption.
    case assumed
}
