/// A node's identity: the codes from the body down to it, `AS2/OS_2.4Internazionliz/OC_Int_01`.
/// The body itself has the empty path.
public struct NodePath: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The codes, outermost first; empty for the body.
    public var codes: [String]

    /// A path from its codes.
    package init(_ codes: [String] = []) { self.codes = codes }

    /// Reads `AS2/OS_2.4Internazionliz`; `/` or the empty text is the body.
    package init(parsing text: String) {
        codes = text.split(separator: "/").map(String.init)
    }

    /// The path of a child with the given code.
    package func appending(_ code: String) -> NodePath { NodePath(codes + [code]) }

    /// Whether this is the body.
    public var isRoot: Bool { codes.isEmpty }

    /// How many levels below the body (the body is 0).
    public var depth: Int { codes.count }

    /// The codes joined by `/`; the body's path reads `/`.
    public var description: String { codes.isEmpty ? "/" : codes.joined(separator: "/") }

    /// Paths sort by their text.
    public static func < (lhs: NodePath, rhs: NodePath) -> Bool { lhs.codes.lexicographicallyPrecedes(rhs.codes) }
}
