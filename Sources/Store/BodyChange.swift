/// What `polso bodies set` changes in a body; `nil` leaves a field as it is.
public struct BodyChange: Sendable, Equatable {
    /// A new code.
    public var code: String?
    /// A new name.
    public var name: String?
    /// A new kind (empty clears it).
    public var kind: String?
    /// Joins (`true`) or leaves (`false`) the network benchmark.
    public var optedIn: Bool?
    /// Named to other bodies (`true`) or not (`false`).
    public var isPublic: Bool?

    /// A change of the given fields.
    public init(code: String? = nil, name: String? = nil, kind: String? = nil, optedIn: Bool? = nil, isPublic: Bool? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.optedIn = optedIn
        self.isPublic = isPublic
    }

    /// Whether it changes nothing.
    public var isEmpty: Bool { self == BodyChange() }
}
