/// The figures a published report prints for a node, kept to check them against the computed ones.
public struct PrintedFigures: Sendable, Equatable {
    /// The measured value as published (indicators only).
    public var value: PrintedNumber?
    /// The degree of achievement as published, in percent.
    public var achievement: PrintedNumber?
    /// The value is published as *n.d.* (`N/D`).
    public var valueNotAvailable: Bool
    /// The achievement is published as *n.d.* (`N/D`).
    public var achievementNotAvailable: Bool

    /// Printed figures; all optional.
    package init(value: PrintedNumber? = nil, achievement: PrintedNumber? = nil,
                valueNotAvailable: Bool = false, achievementNotAvailable: Bool = false) {
        self.value = value
        self.achievement = achievement
        self.valueNotAvailable = valueNotAvailable
        self.achievementNotAvailable = achievementNotAvailable
    }
}
