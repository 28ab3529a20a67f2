/// A sibling and its printed weight.
public struct WeightEntry: Sendable, Equatable {
    /// The sibling.
    public var path: NodePath
    /// Its weight as printed.
    public var weight: PrintedNumber

    /// An entry.
    package init(path: NodePath, weight: PrintedNumber) {
        self.path = path
        self.weight = weight
    }
}
