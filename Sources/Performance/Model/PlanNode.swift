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
    package init(
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
