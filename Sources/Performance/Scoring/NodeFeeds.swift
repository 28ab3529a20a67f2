/// Indicators whose value is other nodes' achievement (``ValueSource/nodes(_:_:)``): resolved
/// in dependency order, cycles found before scoring.
extension Plan {
    /// Every node-fed indicator: its path and the nodes it reads.
    func nodeFeeds() -> [(path: NodePath, sources: [NodePath], resolved: Bool)] {
        var feeds: [(NodePath, [NodePath], Bool)] = []
        func walk(_ node: PlanNode, at path: NodePath) {
            let segments = node.segments
            for (indicator, segment) in zip(node.indicators, segments.indicators) {
                if case let .nodes(sources, value) = indicator.source { feeds.append((path.appending(segment), sources, value != nil)) }
            }
            for (child, segment) in zip(node.children, segments.children) { walk(child, at: path.appending(segment)) }
        }
        walk(root, at: NodePath())
        return feeds
    }

    /// A cycle among node-fed indicators, as the path it runs along (`A/I1 → B → B/I2 → A`), or `nil`.
    ///
    /// An indicator depends on the nodes it reads; a node depends on every node-fed indicator
    /// at or below it, since its achievement rolls them up.
    func feedCycle() -> [NodePath]? {
        let feeds = nodeFeeds()
        func feedsBelow(_ node: NodePath) -> [NodePath] {
            feeds.map(\.path).filter { $0.codes.starts(with: node.codes) }
        }
        var state: [NodePath: Bool] = [:]  // false: on the current path; true: done
        var trail: [NodePath] = []
        func visit(_ feed: NodePath) -> [NodePath]? {
            if state[feed] == true { return nil }
            if state[feed] == false {
                return Array(trail.drop { $0 != feed }) + [feed]
            }
            state[feed] = false
            trail.append(feed)
            for source in feeds.first(where: { $0.path == feed })?.sources ?? [] {
                trail.append(source)
                for next in feedsBelow(source) {
                    if let cycle = visit(next) { return cycle }
                }
                trail.removeLast()
            }
            trail.removeLast()
            state[feed] = true
            return nil
        }
        for feed in feeds {
            if let cycle = visit(feed.path) { return cycle }
        }
        return nil
    }

    /// The plan with every node-fed indicator whose sources are final in `scored` given their
    /// value; `nil` when none could be resolved.
    func resolvingFeeds(from scored: ScoredNode) -> Plan? {
        let pending = nodeFeeds().filter { !$0.resolved }.map(\.path)
        var changed = false
        func resolve(_ node: inout PlanNode) {
            for index in node.indicators.indices {
                guard case let .nodes(sources, nil) = node.indicators[index].source,
                      sources.allSatisfy({ source in !pending.contains { $0.codes.starts(with: source.codes) } })
                else { continue }
                let achievements = sources.map { scored.find($0)?.achievement }
                let values = achievements.compactMap { $0 }
                let value: MeasuredValue = values.count == sources.count && !values.isEmpty
                    ? .computed(values.reduce(0, +) / Double(values.count)) : .notAvailable
                node.indicators[index].source = .nodes(sources, value)
                changed = true
            }
            for index in node.children.indices {
                resolve(&node.children[index])
            }
        }
        var plan = self
        resolve(&plan.root)
        return changed ? plan : nil
    }
}
