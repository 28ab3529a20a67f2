import Statistics

/// The network benchmark with what identifies it: the JSON document of `polso benchmark --format json`.
public struct BenchmarkDocument: Sendable, Equatable, Codable {
    /// Instrument id.
    public var instrument: String
    /// Codebook version the bodies' waves follow; `nil` when no body has a wave in the year.
    public var codebookVersion: String?
    /// The figures across bodies.
    public var benchmark: NetworkBenchmark
    /// The names of the bodies that may be named (public ones and the one asking), by code.
    public var names: [String: String]
    /// The lowest and highest score of the sections' scale (the chart's axis).
    public var scale: ClosedInterval?

    /// A document.
    package init(instrument: String, codebookVersion: String?, benchmark: NetworkBenchmark, names: [String: String], scale: ClosedInterval?) {
        self.instrument = instrument
        self.codebookVersion = codebookVersion
        self.benchmark = benchmark
        self.names = names
        self.scale = scale
    }

    /// Pretty-printed JSON with sorted keys; numbers unrounded.
    package func json() throws -> String {
        try JSONText.encode(self)
    }
}
