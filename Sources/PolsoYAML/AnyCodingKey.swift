/// A coding key for arbitrary mapping keys, used to find keys a type does not know.
package struct AnyCodingKey: CodingKey, Hashable, Sendable {
    /// The key's text.
    package var stringValue: String
    /// The key's index, for sequences.
    package var intValue: Int?

    /// A key from text.
    package init(stringValue: String) { self.stringValue = stringValue }
    /// A key from an index.
    package init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}
