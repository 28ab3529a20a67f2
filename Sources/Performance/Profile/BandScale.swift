/// The verbal judgement of an achievement (Pistoia: < 70 % not reached, 70–80 % partially,
/// ≥ 80 % reached). Every edge says whether it is inclusive, so that a non-integer achievement
/// such as 79,6 % falls in exactly one band; bands are matched on the raw, unrounded achievement.
public struct BandScale: Sendable, Equatable {
    /// The bands, from the lowest.
    public let bands: [Band]

    /// A scale; throws when two bands overlap.
    package init(_ bands: [Band]) throws(BandError) {
        let sorted = bands.sorted { Band.lowerOrder($0.lower, $1.lower) }
        for (index, band) in sorted.enumerated() {
            if let lower = band.lower, let upper = band.upper,
               lower.value.value > upper.value.value || (lower.value.value == upper.value.value && !(lower.inclusive && upper.inclusive)) {
                throw .empty(band.label)
            }
            guard index > 0 else { continue }
            let previous = sorted[index - 1]
            if previous.overlaps(band) { throw .overlap(previous.label, band.label) }
        }
        self.bands = sorted
    }

    /// The band an achievement (in percent) falls in, or `nil` when it falls in a gap.
    package func band(for achievement: Double) -> Band? {
        bands.first { $0.contains(achievement) }
    }
}
