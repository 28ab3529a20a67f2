/// What the network benchmark may publish (docs/benchmark.md).
public struct DisclosureRules: Sendable, Equatable, Codable {
    /// The fewest bodies any figure may rest on, and the floor of ``minimumBodies``.
    package static let smallestMinimumBodies = 5
    /// The largest share of a figure's respondents one body may supply.
    package static let dominanceShare = 0.5

    /// Fewest respondents a body needs in the year to enter (the privacy minimum group size).
    public var minimumRespondents: Int
    /// Fewest bodies behind a figure (never below ``smallestMinimumBodies``).
    public var minimumBodies: Int

    /// Rules with the given minimums.
    package init(minimumRespondents: Int, minimumBodies: Int = smallestMinimumBodies) {
        self.minimumRespondents = minimumRespondents
        self.minimumBodies = minimumBodies
    }

    /// The fewest bodies a figure needs: ``minimumBodies``, never below ``smallestMinimumBodies``.
    package var bodiesNeeded: Int { max(minimumBodies, Self.smallestMinimumBodies) }
}
