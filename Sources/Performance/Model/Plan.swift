/// A body's performance plan for one year: the tree of objectives and indicators with their
/// measured values, and the measurement-system profile that scores it.
public struct Plan: Sendable, Equatable {
    /// The body (*ente*), e.g. "Camera di Commercio di Pistoia".
    public var body: String
    /// The year the plan measures.
    public var year: Int
    /// The published document the figures come from, for people.
    public var document: String?
    /// How this body scores and rolls up (its SMVP).
    public var profile: MeasurementProfile
    /// The whole body: kind ``NodeKind/body``, with the plan's areas or objectives as children.
    public var root: PlanNode
    /// Findings of `plan check` accepted in writing: shown as notes, never failing the check.
    public var accepted: [Acknowledgement]

    /// A plan.
    public init(body: String, year: Int, document: String? = nil, profile: MeasurementProfile, root: PlanNode,
                accepted: [Acknowledgement] = []) {
        self.body = body
        self.year = year
        self.document = document
        self.profile = profile
        self.root = root
        self.accepted = accepted
    }

    /// Whether a node or indicator has the given path.
    public func contains(_ path: NodePath) -> Bool {
        var node = root
        for (index, segment) in path.codes.enumerated() {
            let segments = node.segments
            if let position = segments.children.firstIndex(of: segment) {
                node = node.children[position]
            } else {
                return index == path.codes.count - 1 && segments.indicators.contains(segment)
            }
        }
        return true
    }
}

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
    public init(rawValue: String, name: String? = nil) {
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

/// A node of the plan's tree: the body, an area, an objective or a project, with its own
/// indicators and child nodes.
public struct PlanNode: Sendable, Equatable {
    /// The code as printed (`A1`, `AS2`, `3.2.2`). Codes may repeat; the path is the identity.
    public var code: String
    /// The name as printed.
    public var name: String
    /// The level.
    public var kind: NodeKind
    /// The weight among its siblings, as printed (`33,34`); never regenerated.
    public var weight: PrintedNumber?
    /// Whether ``weight`` is printed, unknown (then `nil`), or an assumption.
    public var weightStatus: WeightStatus = .printed
    /// The shared node this one stands for (`ref:`), with its own weight in this context: its
    /// values are those of the one definition, and its findings are reported once.
    public var shared: String?
    /// Balanced-scorecard perspective (*prospettiva BSC*).
    public var perspective: String?
    /// Mission/programme code (`011.005`).
    public var mission: String?
    /// Responsible unit.
    public var responsible: String?
    /// A note as printed.
    public var note: String?
    /// The node's own indicators.
    public var indicators: [Indicator]
    /// Child nodes (objectives of the next level, projects).
    public var children: [PlanNode]
    /// A manual achievement that replaces the computed one, with its written justification.
    public var override: Override?
    /// The achievement the source publishes for this node, for checking.
    public var printed: PrintedFigures

    /// A node.
    public init(
        code: String, name: String = "", kind: NodeKind, weight: PrintedNumber? = nil,
        perspective: String? = nil, mission: String? = nil, responsible: String? = nil, note: String? = nil,
        indicators: [Indicator] = [], children: [PlanNode] = [], override: Override? = nil,
        printed: PrintedFigures = PrintedFigures()
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.weight = weight
        self.perspective = perspective
        self.mission = mission
        self.responsible = responsible
        self.note = note
        self.indicators = indicators
        self.children = children
        self.override = override
        self.printed = printed
    }
}

extension PlanNode {
    /// The path segment of each indicator and each child node: its code, or `code#n` for the
    /// n-th member (indicators first, then child nodes, in order) with a code already used by a
    /// sibling, so that codes printed twice among siblings keep distinct paths (`A/1`, `A/1#2`).
    public var segments: (indicators: [String], children: [String]) {
        var seen: [String: Int] = [:]
        func segment(_ code: String) -> String {
            seen[code, default: 0] += 1
            let count = seen[code] ?? 1
            return count == 1 ? code : "\(code)#\(count)"
        }
        let indicatorSegments = indicators.map { segment($0.code) }
        return (indicatorSegments, children.map { segment($0.code) })
    }
}

/// A node's identity: the codes from the body down to it, `AS2/OS_2.4Internazionliz/OC_Int_01`.
/// The body itself has the empty path.
public struct NodePath: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The codes, outermost first; empty for the body.
    public var codes: [String]

    /// A path from its codes.
    public init(_ codes: [String] = []) { self.codes = codes }

    /// Reads `AS2/OS_2.4Internazionliz`; `/` or the empty text is the body.
    public init(parsing text: String) {
        codes = text.split(separator: "/").map(String.init)
    }

    /// The path of a child with the given code.
    public func appending(_ code: String) -> NodePath { NodePath(codes + [code]) }

    /// Whether this is the body.
    public var isRoot: Bool { codes.isEmpty }

    /// How many levels below the body (the body is 0).
    public var depth: Int { codes.count }

    /// The codes joined by `/`; the body's path reads `/`.
    public var description: String { codes.isEmpty ? "/" : codes.joined(separator: "/") }

    /// Paths sort by their text.
    public static func < (lhs: NodePath, rhs: NodePath) -> Bool { lhs.codes.lexicographicallyPrecedes(rhs.codes) }
}
