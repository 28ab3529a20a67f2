/// Display and scoring rules of one level of the tree (a node kind, or indicators), or of one
/// indicator, that differ from the profile's: which band scale judges it, how many decimals its
/// achievement shows, whether its achievement stops at 100 %. `nil` keeps the profile's rule.
public struct LevelRules: Sendable, Equatable {
    /// The band scale: none, or one of the profile's named scales.
    public var bands: BandChoice?
    /// Decimals of the achievement on screen.
    public var decimals: Int?
    /// Whether the achievement stops at 100 % (for indicators, the scoring rule's cap; for a node,
    /// its roll-up is capped).
    public var capped: Bool?

    /// Rules; every one optional.
    package init(bands: BandChoice? = nil, decimals: Int? = nil, capped: Bool? = nil) {
        self.bands = bands
        self.decimals = decimals
        self.capped = capped
    }
}

extension MeasurementProfile {
    /// The name of the profile's default scale (``bands``) among the named ones.
    package static let defaultScaleName = "bands"

    /// The scale a choice names; `nil` keeps the profile's default scale.
    package func scale(_ choice: BandChoice?) -> BandScale? {
        switch choice {
        case nil: return bands
        case .none?: return nil
        case let .named(name)?: return name == Self.defaultScaleName ? bands : bandScales[name]
        }
    }

    /// The rules of an indicator: its own, then the `indicator` level's, then the profile's.
    package func rules(for indicator: Indicator) -> (scale: BandScale?, decimals: Int, capped: Bool) {
        let own = indicator.rules, level = indicatorRules
        return (scale(own.bands ?? level.bands), own.decimals ?? level.decimals ?? decimals,
                own.capped ?? level.capped ?? capped)
    }

    /// The rules of a node of the given kind; its roll-up is capped only when its level says so.
    package func rules(for kind: NodeKind) -> (scale: BandScale?, decimals: Int, capped: Bool) {
        let level = levels[kind] ?? LevelRules()
        return (scale(level.bands), level.decimals ?? decimals, level.capped ?? false)
    }
}
