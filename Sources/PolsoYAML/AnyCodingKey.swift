import Yams

/// A coding key for arbitrary mapping keys, used to find keys a type does not know.
public struct AnyCodingKey: CodingKey, Hashable, Sendable {
    /// The key's text.
    public var stringValue: String
    /// The key's index, for sequences.
    public var intValue: Int?

    /// A key from text.
    public init(stringValue: String) { self.stringValue = stringValue }
    /// A key from an index.
    public init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}
