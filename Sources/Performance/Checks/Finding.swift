/// One thing `plan check` reports.
public struct Finding: Sendable, Equatable {
    /// How serious it is.
    public enum Severity: String, Sendable, Equatable, CaseIterable {
        /// Something does not add up: the check fails (exit status 1).
        case problem
        /// Something looks wrong but may be right (a heuristic): shown, the check does not fail.
        case warning
        /// Shown for the record: overrides, accepted findings, weights rounded for display.
        case note
    }

    /// What was found.
    public enum Kind: Sendable, Equatable {
        /// The printed weights of a group of siblings do not sum to 100.
        case weightsDoNotSum(group: String, weights: [WeightEntry], total: PrintedNumber)
        /// A printed figure is not what the computed one displays as.
        case printedDiffers(PrintedMismatch)
        /// An indicator without a usable value.
        case noValue(reason: Phrase)
        /// An objective with neither indicators nor child objectives.
        case nothingToScore
        /// A cost or delay measured with a higher-is-better comparator.
        case invertedComparator(comparator: TargetComparator, cue: String)
        /// A percentage indicator's value (or target) written as a ratio: `written` (`0,58`) is
        /// likely `intended` (`58 %`), against the other figure `other` (the target, or the value).
        case ratioForPercentage(figure: RatioFigure, written: Double, intended: Double, other: Double)
        /// An achievement that falls in no band of the profile.
        case noBand(achievement: Double)
        /// A manual override, with both figures and its justification.
        case override(computed: Double?, set: PrintedNumber, justification: String)
        /// Weights that sum to 100 only within the rounding of their printed decimals (33,3 × 3):
        /// `total` is their printed sum, `tolerance` the largest distance their rounding allows.
        case roundedWeights(group: String, weights: [WeightEntry], total: PrintedNumber, tolerance: PrintedNumber)
        /// An `accept:` entry of the plan that covers no finding.
        case unusedAcknowledgement(Acknowledgement)
        /// Children whose weights are printed nowhere, under a roll-up that reads weights: the
        /// parent gets no achievement.
        case unknownWeights(group: String, members: [NodePath])
        /// Weights printed nowhere and assumed by the plan (`assumed_weight:`).
        case assumedWeights(group: String, weights: [WeightEntry])
        /// A manual value override, with the value computed before it and its justification.
        case valueOverride(computed: Double?, set: MeasuredValue, unit: IndicatorUnit, justification: String)
        /// The same indicator measured differently in another context (`other`).
        case valueDiffers(other: NodePath, value: Double?, otherValue: Double?, unit: IndicatorUnit)
        /// A figure published as *n.d.* that Polso computes.
        case printedNotAvailable(figure: PrintedMismatch.Figure, computed: Double)
    }

    /// Which figure of a percentage indicator looks written as a ratio.
    public enum RatioFigure: String, Sendable, Equatable {
        /// The measured value.
        case value
        /// The target.
        case target
    }

    /// How serious it is.
    public var severity: Severity
    /// The node concerned (for weights, the parent of the siblings).
    public var path: NodePath
    /// What was found.
    public var kind: Kind
    /// The plan's written acceptance of this finding, which makes it a note.
    public var acknowledgement: Acknowledgement?

    /// A finding.
    package init(severity: Severity, path: NodePath, kind: Kind, acknowledgement: Acknowledgement? = nil) {
        self.severity = severity
        self.path = path
        self.kind = kind
        self.acknowledgement = acknowledgement
    }
}
