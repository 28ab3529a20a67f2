/// A finding of `plan check` that the plan accepts in writing (`accept:`): a known inconsistency
/// of the published report, kept visible as a note in every output instead of failing the check.
public struct Acknowledgement: Sendable, Equatable {
    /// The kind of finding accepted.
    public var category: Finding.Category
    /// The node the finding is about (for weights, the parent of the siblings).
    public var path: NodePath
    /// Why it is accepted, in words.
    public var justification: String

    /// An acknowledgement; throws ``OverrideError/missingJustification`` when the justification is blank.
    package init(category: Finding.Category, path: NodePath, justification: String) throws(OverrideError) {
        self.justification = try OverrideError.requireJustification(justification)
        self.category = category
        self.path = path
    }

    /// Whether this acknowledgement covers `finding`.
    package func covers(_ finding: Finding) -> Bool {
        finding.category == category && finding.path == path
    }
}

extension Finding {
    /// The kind of a finding as one word, as `accept:` names it.
    public enum Category: String, Sendable, Equatable, CaseIterable {
        /// ``Kind/weightsDoNotSum(group:weights:total:)``.
        case weights
        /// ``Kind/roundedWeights(group:weights:total:tolerance:)``.
        case roundedWeights = "rounded-weights"
        /// ``Kind/printedDiffers(_:)`` on a value.
        case printedValue = "printed-value"
        /// ``Kind/printedDiffers(_:)`` on an achievement.
        case printedAchievement = "printed-achievement"
        /// ``Kind/noValue(reason:)``.
        case noValue = "no-value"
        /// ``Kind/nothingToScore``.
        case nothingToScore = "nothing-to-score"
        /// ``Kind/invertedComparator(comparator:cue:)``.
        case invertedComparator = "inverted-comparator"
        /// ``Kind/ratioForPercentage(figure:written:intended:other:)``.
        case ratioForPercentage = "ratio-for-percentage"
        /// ``Kind/noBand(achievement:)``.
        case noBand = "no-band"
        /// ``Kind/override(computed:set:justification:)``.
        case override
        /// ``Kind/unknownWeights(group:members:)``.
        case unknownWeights = "unknown-weights"
        /// ``Kind/assumedWeights(group:weights:)``.
        case assumedWeights = "assumed-weights"
        /// ``Kind/valueDiffers(other:value:otherValue:unit:)``.
        case valueDiffers = "value-differs"
        /// ``Kind/valueOverride(computed:set:unit:justification:)``.
        case valueOverride = "value-override"
        /// ``Kind/unusedAcknowledgement(_:)``.
        case unusedAcknowledgement = "unused-acceptance"

        /// Categories a plan may accept: notes need no acceptance, nor does a stale acceptance.
        package static var acceptable: [Category] {
            allCases.filter { $0 != .override && $0 != .unusedAcknowledgement && $0 != .roundedWeights && $0 != .assumedWeights && $0 != .valueOverride }
        }
    }

    /// The kind of this finding as one word.
    public var category: Category {
        switch kind {
        case .weightsDoNotSum: return .weights
        case .roundedWeights: return .roundedWeights
        case let .printedDiffers(mismatch): return mismatch.figure == .value ? .printedValue : .printedAchievement
        case let .printedNotAvailable(figure, _): return figure == .value ? .printedValue : .printedAchievement
        case .noValue: return .noValue
        case .nothingToScore: return .nothingToScore
        case .invertedComparator: return .invertedComparator
        case .ratioForPercentage: return .ratioForPercentage
        case .noBand: return .noBand
        case .override: return .override
        case .valueOverride: return .valueOverride
        case .valueDiffers: return .valueDiffers
        case .unusedAcknowledgement: return .unusedAcknowledgement
        case .unknownWeights: return .unknownWeights
        case .assumedWeights: return .assumedWeights
        }
    }
}
