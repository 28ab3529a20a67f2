/// The level of a node in a plan's tree; the profile can roll up each level with its own rule.
///
/// Five kinds are built in; a plan may declare others (`servizio`, `linea`, `prospettiva`) with
/// the name its report prints. Two kinds are the same when their identifiers are.
public struct NodeKind: Sendable, Hashable, CustomStringConvertible {
    /// The identifier as written in plans (`strategic`, `servizio`).
    public let rawValue: String
    /// The name the report prints for a declared kind ("Linea di mandato"); `nil` for built-in kinds,
    /// whose names the reports give.
    public let name: String?

    /// A kind; `name` is for kinds a plan declares.
    package init(rawValue: String, name: String? = nil) {
        self.rawValue = rawValue
        self.name = name
    }

    /// The whole body (*Ente*): the root.
    public static let body = NodeKind(rawValue: "body")
    /// An area or strategic field (*area*, *ambito strategico*).
    public static let area = NodeKind(rawValue: "area")
    /// A strategic objective (*obiettivo strategico*).
    public static let strategic = NodeKind(rawValue: "strategic")
    /// An operational objective (*obiettivo operativo*).
    public static let operational = NodeKind(rawValue: "operational")
    /// A project or action.
    public static let project = NodeKind(rawValue: "project")

    /// The built-in kinds.
    public static let allCases: [NodeKind] = [.body, .area, .strategic, .operational, .project]

    /// The kind as written in plans.
    public var description: String { rawValue }

    /// Same identifier.
    public static func == (lhs: NodeKind, rhs: NodeKind) -> Bool { lhs.rawValue == rhs.rawValue }

    /// Hashes the identifier.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}
