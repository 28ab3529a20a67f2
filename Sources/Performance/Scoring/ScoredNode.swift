/// A scored node of the tree: the body, an objective, or an indicator.
public struct ScoredNode: Sendable, Equatable {
    /// What the node is.
    public enum Element: Sendable, Equatable {
        /// An objective (or the body, an area, a project) of the given kind.
        case objective(NodeKind)
        /// An indicator.
        case indicator(Indicator)
    }

    /// Whether and how the node's achievement enters its parent's roll-up.
    public enum Status: String, Sendable, Equatable {
        /// Scored and counted.
        case scored
        /// Weight 0: a monitoring indicator or node, shown with its achievement but not scored.
        case monitoring
        /// *n.d.* (or nothing to score) and excluded, siblings renormalised.
        case notAvailable = "not-available"
        /// No achievement of its own (roll-up rule `none`).
        case notRolledUp = "not-rolled-up"
    }

    /// The identity.
    public var path: NodePath
    /// The code as printed.
    public var code: String
    /// The name as printed.
    public var name: String
    /// Objective or indicator.
    public var element: Element
    /// The weight as printed (or assumed: see ``weightStatus``).
    public var weight: PrintedNumber?
    /// Whether the weight is printed, unknown or an assumption.
    public var weightStatus: WeightStatus = .printed
    /// For indicators: the measured number (computed from numerator/denominator when given),
    /// unrounded; `nil` for dates, si/no and n.d.
    public var value: Double?
    /// For indicators with a value override: the number computed before it, unrounded.
    public var valueBeforeOverride: Double?
    /// For deadline and si/no indicators: the value as text (`30/11/2016`, `si`).
    public var valueText: String?
    /// For indicators: whether the target was met; `nil` when there is no value.
    public var met: Bool?
    /// The achievement computed by the profile, in percent, unrounded; `nil` when there is none.
    public var computedAchievement: Double?
    /// The achievement that counts: the override when there is one, else the computed one.
    public var achievement: Double?
    /// How the node enters its parent's roll-up.
    public var status: Status
    /// The band of ``achievement``, if the node's level has a band scale.
    public var band: Band?
    /// The shared node this one stands for, if any.
    public var shared: String?
    /// Whether the node's level has a band scale (an achievement outside every band is a finding).
    public var judged = false
    /// Decimals its achievement shows, from the profile's rules for its level.
    public var decimals = 2
    /// The override applied, if any (kept visible in every output).
    public var override: Override?
    /// The figures the source publishes, for checking.
    public var printed: PrintedFigures
    /// How the figures were obtained, step by step.
    public var trace: [TraceStep]
    /// The scored indicators, then the scored child objectives.
    public var children: [ScoredNode]

    /// Whether the node is an indicator.
    public var isIndicator: Bool {
        if case .indicator = element { return true }
        return false
    }

    /// The indicator, when the node is one.
    public var indicator: Indicator? {
        if case let .indicator(indicator) = element { return indicator }
        return nil
    }

    /// The kind label: the node kind, or `indicator`.
    public var kindLabel: String {
        switch element {
        case let .objective(kind): return kind.rawValue
        case .indicator: return "indicator"
        }
    }

    /// This node and all below it, depth first.
    package func flattened() -> [ScoredNode] {
        [self] + children.flatMap { $0.flattened() }
    }

    /// The node at `path` at or below this one.
    package func find(_ path: NodePath) -> ScoredNode? {
        if path == self.path { return self }
        guard path.codes.starts(with: self.path.codes) else { return nil }
        for child in children {
            if let found = child.find(path) { return found }
        }
        return nil
    }
}
