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
