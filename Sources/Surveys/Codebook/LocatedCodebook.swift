import Foundation

/// A codebook found by ``CodebookLocator``.
public struct LocatedCodebook: Sendable {
    /// The questionnaire.
    public var codebook: Codebook
    /// Its YAML text, as stored with each import.
    public var text: String
    /// Where it came from: a path, or `built-in NAME`.
    public var origin: String
}
