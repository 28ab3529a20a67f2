/// A key performance indicator: what is measured, against which target, with which result.
public struct Indicator: Sendable, Equatable {
    /// The code as printed (`OC_Int_01`). Codes may repeat elsewhere in a plan; the path is the identity.
    public var code: String
    /// The name as printed.
    public var name: String
    /// The formula as printed (`N. imprese assistite / N. imprese iscritte`), for people.
    public var formula: String?
    /// The unit of target and value.
    public var unit: IndicatorUnit
    /// How the value is compared with the target.
    public var comparator: TargetComparator
    /// The target (*target*, *valore atteso*).
    public var target: Target
    /// The baseline as printed, for people.
    public var baseline: String?
    /// The measured value and where it comes from.
    public var source: ValueSource
    /// The weight among its siblings, as printed; 0 marks a monitoring indicator (shown, not scored).
    public var weight: PrintedNumber?
    /// Whether ``weight`` is printed, unknown (then `nil`), or an assumption.
    public var weightStatus: WeightStatus = .printed
    /// Band scale, decimals and cap of this indicator, where they differ from its level's.
    public var rules = LevelRules()
    /// A note as printed.
    public var note: String?
    /// Why a late deadline still counts as met (used by the `justified` late-date rule).
    public var lateJustification: String?
    /// A manual achievement that replaces the computed one, with its written justification.
    public var override: Override?
    /// A manual value that replaces the measured one, with its written justification; the
    /// achievement is computed from it.
    public var valueOverride: ValueOverride?
    /// The figures the source publishes for this indicator, for checking.
    public var printed: PrintedFigures

    /// An indicator.
    public init(
        code: String, name: String = "", formula: String? = nil, unit: IndicatorUnit = .count,
        comparator: TargetComparator, target: Target, baseline: String? = nil, source: ValueSource,
        weight: PrintedNumber?, note: String? = nil, lateJustification: String? = nil,
        override: Override? = nil, printed: PrintedFigures = PrintedFigures()
    ) {
        self.code = code
        self.name = name
        self.formula = formula
        self.unit = unit
        self.comparator = comparator
        self.target = target
        self.baseline = baseline
        self.source = source
        self.weight = weight
        self.note = note
        self.lateJustification = lateJustification
        self.override = override
        self.printed = printed
    }
}

/// The unit of an indicator's target and value.
public enum IndicatorUnit: Sendable, Hashable, CustomStringConvertible {
    /// A count or a plain number (`N.`).
    case count
    /// A percentage: a numerator/denominator value is multiplied by 100.
    case percent
    /// A rate per thousand (`‰`): a numerator/denominator value is multiplied by 1,000.
    case perMille
    /// Euro.
    case euro
    /// Days (a duration, not a date).
    case days
    /// A calendar date (deadline indicators).
    case date
    /// Yes or no (*si/no*).
    case yesNo
    /// Any other unit, as printed (`punti`, `ore`).
    case other(String)

    /// Reads the unit as printed: `N.`, `%`, `‰`, `€`, `giorni`/`days`, `data`/`date`, `si/no`/`yes/no`;
    /// anything else is kept as ``other(_:)``.
    public init(parsing text: String) {
        switch text.trimmingCharacters(in: " ").lowercased() {
        case "n.", "n", "num", "numero", "number", "": self = .count
        case "%": self = .percent
        case "‰": self = .perMille
        case "€", "eur", "euro": self = .euro
        case "giorni", "gg", "days": self = .days
        case "data", "date": self = .date
        case "si/no", "sì/no", "yes/no": self = .yesNo
        default: self = .other(text)
        }
    }

    /// The factor that turns numerator / denominator into the value: 100 for `%`, 1,000 for `‰`, else 1.
    public var ratioScale: Double {
        switch self {
        case .percent: return 100
        case .perMille: return 1000
        default: return 1
        }
    }

    /// The unit as written in plans: `N.`, `%`, `‰`, `€`, `giorni`, `data`, `si/no`.
    public var description: String {
        switch self {
        case .count: return "N."
        case .percent: return "%"
        case .perMille: return "‰"
        case .euro: return "€"
        case .days: return "giorni"
        case .date: return "data"
        case .yesNo: return "si/no"
        case let .other(text): return text
        }
    }
}

/// How a measured value is compared with its target; it decides which scoring rule applies.
public enum TargetComparator: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Higher is better, the target counts as met (`≥`).
    case atLeast = ">="
    /// Higher is better, the target itself is not enough (`>`).
    case greaterThan = ">"
    /// Lower is better, the target counts as met (`≤`).
    case atMost = "<="
    /// Lower is better, the target itself is not enough (`<`).
    case lessThan = "<"
    /// The value must equal the target (`=`).
    case equal = "="
    /// A deadline: the date must not be later than the target date.
    case byDate = "by-date"
    /// Yes or no must match the target.
    case yesNo = "yes-no"

    /// Whether a higher value is better (`>=`, `>`).
    public var isHigherBetter: Bool { self == .atLeast || self == .greaterThan }

    /// Whether a lower value is better (`<=`, `<`).
    public var isLowerBetter: Bool { self == .atMost || self == .lessThan }

    /// Whether the target takes a number (every comparator but dates and yes/no).
    public var isNumeric: Bool { self != .byDate && self != .yesNo }

    /// The comparator as written in plans.
    public var description: String { rawValue }
}

/// An indicator's target.
public enum Target: Sendable, Equatable, CustomStringConvertible {
    /// A number as printed, on the indicator's unit (percentages on the 0–100 scale).
    case number(PrintedNumber)
    /// No target: a monitoring row (weight 0), shown with its value but without an achievement.
    case absent
    /// A deadline.
    case date(CivilDate)
    /// Yes (`true`) or no (`false`).
    case yesNo(Bool)

    /// The target as printed.
    public var description: String {
        switch self {
        case let .number(number): return number.text
        case let .date(date): return date.description
        case let .yesNo(flag): return flag ? "si" : "no"
        case .absent: return ""
        }
    }
}

/// A measured value as the source gives it.
public enum MeasuredValue: Sendable, Equatable {
    /// A number as printed, on the indicator's unit.
    case number(PrintedNumber)
    /// A numerator and a denominator: the value is computed from the raw numbers
    /// (× 100 for `%`, see ``IndicatorUnit/ratioScale``) and rounded only for display.
    case ratio(numerator: PrintedNumber, denominator: PrintedNumber)
    /// The date a deadline was met.
    case date(CivilDate)
    /// Yes (`true`) or no (`false`); for a deadline, met or missed without a date.
    case yesNo(Bool)
    /// *n.d.*: not available; the profile says whether it is excluded or counted as 0.
    case notAvailable
    /// A number computed by Polso (a survey mean or ratio), unrounded, on the indicator's unit.
    case computed(Double)
}

/// Where an indicator's measured value comes from.
///
/// The scoring engine only ever reads ``measured``: a source that is not typed into the plan
/// (for instance a survey metric, computed from stored responses) is added as a new case that
/// carries the resolved ``MeasuredValue`` together with its provenance, resolved before scoring
/// by the module that binds survey metrics to indicators.
public enum ValueSource: Sendable, Equatable {
    /// Typed into the plan file.
    case typed(MeasuredValue)
    /// Computed from stored survey responses: the metric named in the plan, and its reading once
    /// `polso push` has computed it (`nil` before).
    case survey(SurveySource, SurveyReading?)
    /// No value given at all (unlike *n.d.*, which is a value the source printed); scored like
    /// *n.d.* and listed by the checks.
    case missing
    /// The unrounded achievement of another node, or the plain mean of several nodes'
    /// achievements; `nil` until the scorer has resolved them (an n.d. among them makes the
    /// value n.d.).
    case nodes([NodePath], MeasuredValue?)

    /// The value to score, or `nil` when none was given.
    public var measured: MeasuredValue? {
        switch self {
        case let .typed(value): return value
        case let .survey(_, reading): return reading?.value
        case .missing: return nil
        case let .nodes(_, value): return value
        }
    }

    /// Where the value came from, for explanations.
    public var provenance: Phrase {
        switch self {
        case .typed: return Phrase("provenance.typed")
        case let .survey(source, reading?):
            // The metric, then where its value came from (a `provenance.reading`).
            return Phrase("provenance.survey", arguments: [source.description] + reading.provenance.arguments)
        case let .survey(source, nil): return Phrase("provenance.pending", source.description)
        case .missing: return Phrase("provenance.missing")
        case let .nodes(paths, _):
            return Phrase(paths.count == 1 ? "provenance.node" : "provenance.nodes", paths.map(\.description).joined(separator: ", "))
        }
    }
}

/// A manual achievement that replaces the computed one. It must carry a written justification,
/// and it stays visible in every output next to the computed figure.
public struct Override: Sendable, Equatable {
    /// The achievement set by hand, in percent.
    public let achievement: PrintedNumber
    /// Why, in words.
    public let justification: String

    /// An override; throws ``OverrideError/missingJustification`` when the justification is
    /// empty or blank.
    public init(achievement: PrintedNumber, justification: String) throws(OverrideError) {
        guard !achievement.isNegative else { throw .negativeAchievement }
        self.justification = try OverrideError.requireJustification(justification)
        self.achievement = achievement
    }
}

/// A manual value that replaces the measured one. It must carry a written justification, and it
/// stays visible in every output next to the measured value.
public struct ValueOverride: Sendable, Equatable {
    /// The value set by hand.
    public let value: MeasuredValue
    /// Why, in words.
    public let justification: String

    /// A value override; throws ``OverrideError/missingJustification`` when the justification is blank.
    public init(value: MeasuredValue, justification: String) throws(OverrideError) {
        self.justification = try OverrideError.requireJustification(justification)
        self.value = value
    }
}

/// Why an override was refused.
public enum OverrideError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No written justification.
    case missingJustification
    /// An achievement below 0 %.
    case negativeAchievement

    /// The justification without surrounding blanks; throws ``missingJustification`` when nothing is left.
    static func requireJustification(_ text: String) throws(OverrideError) -> String {
        let trimmed = text.trimmingCharacters(in: " \t\n\r")
        guard !trimmed.isEmpty else { throw .missingJustification }
        return trimmed
    }

    /// The reason, in words.
    public var description: String {
        switch self {
        case .missingJustification: return "an override needs a written justification ('justification: …')"
        case .negativeAchievement: return "an overridden achievement cannot be below 0 %"
        }
    }
}

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
    public init(value: PrintedNumber? = nil, achievement: PrintedNumber? = nil,
                valueNotAvailable: Bool = false, achievementNotAvailable: Bool = false) {
        self.value = value
        self.achievement = achievement
        self.valueNotAvailable = valueNotAvailable
        self.achievementNotAvailable = achievementNotAvailable
    }
}
