import Foundation

/// A public body whose surveys the store holds (a Chamber of Commerce, a municipality…).
///
/// Every wave belongs to one body. A store used by one body alone holds one, the local body
/// (``localCode``) created with the store; a network's store holds many.
public struct Body: Sendable, Equatable, Codable {
    /// Row id.
    public var id: Int64
    /// Short unique code, as commands name the body (`--body CODE`).
    public var code: String
    /// The body's name, e.g. `Camera di Commercio di Pistoia`.
    public var name: String
    /// The kind of body, e.g. `Camera di Commercio`; empty when not given.
    public var kind: String
    /// Whether its results join the network benchmark.
    public var optedIn: Bool
    /// Whether other bodies may see it named in the network benchmark.
    public var isPublic: Bool

    /// A body as stored.
    package init(id: Int64, code: String, name: String, kind: String = "", optedIn: Bool = false, isPublic: Bool = false) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.optedIn = optedIn
        self.isPublic = isPublic
    }

    /// The code of the body every store starts with, which owns the waves of a store written
    /// before bodies existed (format 5 and earlier).
    package static let localCode = "local"
    /// The local body's name until the user gives it its own.
    package static let localName = "Ente locale"

    /// Codes are letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most 40:
    /// they are typed on command lines and appear in file names.
    static func checkCode(_ code: String) throws {
        let allowed = code.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
        guard !code.isEmpty, code.count <= 40, allowed, code.unicodeScalars.first.map({ CharacterSet.alphanumerics.contains($0) }) == true else {
            throw StoreError("'\(code)' is not a valid body code: use 1 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. cciaa-pistoia)")
        }
    }
}
