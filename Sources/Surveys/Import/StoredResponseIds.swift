/// Respondent ids already stored in the wave an import appends to, with where each came from.
public struct StoredResponseIds: Sendable {
    /// Where an id was stored: the file (index in ``files``) and its line there.
    public struct Location: Sendable, Equatable {
        public var file: Int
        public var line: Int
        public init(file: Int, line: Int) {
            self.file = file
            self.line = line
        }
    }

    /// The wave, as the refusal names it (`anac-2013 2016 (whole body)`).
    public var wave: String
    /// The files imported into it.
    public var files: [String]
    /// Each stored id.
    public var locations: [String: Location]

    /// Stored ids of a wave.
    public init(wave: String, files: [String], locations: [String: Location]) {
        self.wave = wave
        self.files = files
        self.locations = locations
    }
}
