import Performance

/// Walks of a plan's tree.
enum PlanTree {
    /// An indicator that takes its value from a survey.
    struct SourcedIndicator {
        var path: NodePath
        var source: SurveySource
        var unit: IndicatorUnit
    }

    /// The survey-sourced indicators of a node and its descendants, in plan order.
    static func sourcedIndicators(_ node: PlanNode, at path: NodePath = NodePath()) -> [SourcedIndicator] {
        var result: [SourcedIndicator] = []
        let segments = node.segments
        for (indicator, segment) in zip(node.indicators, segments.indicators) {
            if case let .survey(source, _) = indicator.source {
                result.append(SourcedIndicator(path: path.appending(segment), source: source, unit: indicator.unit))
            }
        }
        for (child, segment) in zip(node.children, segments.children) {
            result += sourcedIndicators(child, at: path.appending(segment))
        }
        return result
    }
}
