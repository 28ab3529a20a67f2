/// A manual achievement that replaces the computed one. It must carry a written justification,
/// and it stays visible in every output next to the computed figure.
public struct Override: Sendable, Equatable {
    /// The achievement set by hand, in percent.
    public let achievement: PrintedNumber
    /// Why, in words.
    public let justification: String

    /// An override; throws ``OverrideError/missingJustification`` when the justification is
    /// empty or blank.
    package init(achievement: PrintedNumber, justification: String) throws(OverrideError) {
        guard !achievement.isNegative else { throw .negativeAchievement }
        self.justification = try OverrideError.requireJustification(justification)
        self.achievement = achievement
    }
}
