/// A sentence of an explanation or a finding, said by what it means rather than in words: a
/// stable key (`higher.capped`) and the arguments it quotes (codes, printed numbers, dates).
///
/// `Performance` decides what is said; the reports say it in Italian or English.
public struct Phrase: Sendable, Hashable, CustomStringConvertible {
    /// What is said, as a stable identifier.
    public var key: String
    /// The texts it quotes, in order.
    public var arguments: [String]

    /// A phrase quoting `arguments`.
    package init(_ key: String, _ arguments: String...) {
        self.key = key
        self.arguments = arguments
    }

    /// A phrase quoting a list of texts.
    package init(_ key: String, arguments: [String]) {
        self.key = key
        self.arguments = arguments
    }

    /// The key and its arguments, for debugging; reports render phrases in words.
    public var description: String { arguments.isEmpty ? key : key + "(" + arguments.joined(separator: ", ") + ")" }
}
