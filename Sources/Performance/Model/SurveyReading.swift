/// A survey metric as computed by `polso push`, with where it came from.
public struct SurveyReading: Sendable, Equatable {
    /// The value: a ratio of counts (exact) or a computed number.
    public var value: MeasuredValue
    /// Survey, waves, files (with their SHA-256) and time of computation.
    public var provenance: Phrase

    /// A reading.
    package init(value: MeasuredValue, provenance: Phrase) {
        self.value = value
        self.provenance = provenance
    }
}
