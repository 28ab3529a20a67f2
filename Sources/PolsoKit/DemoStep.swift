/// One finished step of a ``DemoRequest``, handed to the front end as it completes, to render as
/// the matching command renders it.
public enum DemoStep: Sendable {
    /// A bundled sample imported into the demo's store (as `polso import`).
    case imported(ImportRequest, ImportOutcome)
    /// The wellbeing statistics of the imported ANAC samples (as `polso wellbeing`).
    case wellbeing(WellbeingResult)
    /// A bundled plan's survey values pushed (as `polso push`).
    case pushed(PushOutcome)
    /// A bundled plan's report written (as `polso report`).
    case reported(ReportOutcome)
}
