/// A survey metric computed from stored responses, with everything it was computed from: what
/// the metric resolver returns for an indicator's `source:`.
public struct SurveyMeasurement: Sendable, Equatable {
    /// The figure.
    public enum Figure: Sendable, Equatable {
        /// A ratio of counts (× 100 for `%`), kept exact.
        case counts(numerator: Int, denominator: Int)
        /// A computed number (a mean, a ratio of means), unrounded.
        case computed(Double)
        /// The data are missing (recorded as n.d. on request).
        case notAvailable
    }

    /// A wave the figure rests on.
    public struct WaveUsed: Sendable, Equatable {
        /// Its year.
        public var year: Int
        /// Its unit; empty for the whole body.
        public var unit: String
        /// Its respondents; `nil` when withheld (fewer than the minimum group size, or a wave
        /// whose size would give such a wave away, as a breakdown of the year's waves would hide).
        public var respondents: Int?

        /// A wave.
        package init(year: Int, unit: String, respondents: Int?) {
            self.year = year
            self.unit = unit
            self.respondents = respondents
        }
    }

    /// An imported file behind the figure.
    public struct FileUsed: Sendable, Equatable, Codable {
        /// The file name as imported.
        public var name: String
        /// Its SHA-256 (64 lower-case hex digits).
        public var sha256: String

        /// A file.
        package init(name: String, sha256: String) {
            self.name = name
            self.sha256 = sha256
        }
    }

    /// The source as the plan names it.
    public var source: SurveySource
    /// Its staleness key.
    public var key: SourceKey
    /// The figure.
    public var figure: Figure
    /// The waves used, latest year first.
    public var waves: [WaveUsed]
    /// The files imported into those waves.
    public var files: [FileUsed]

    /// A measurement.
    package init(source: SurveySource, key: SourceKey, figure: Figure, waves: [WaveUsed], files: [FileUsed]) {
        self.source = source
        self.key = key
        self.figure = figure
        self.waves = waves
        self.files = files
    }
}
