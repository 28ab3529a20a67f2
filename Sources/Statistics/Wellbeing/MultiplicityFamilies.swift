/// How the tests of a wellbeing table were adjusted for multiplicity.
///
/// A family is every test of one year against its previous year in the table: each section of
/// the blocks in synthesis and each of their MEDIA rows (withheld and guarded-out tests do not
/// count). The family is the same whatever `--years` shows.
public struct MultiplicityFamilies: Sendable, Equatable, Codable {
    /// The method.
    public var method: MultiplicityAdjustment
    /// One entry per year that has tests.
    public var families: [Family]

    /// The tests of one year against its previous year.
    public struct Family: Sendable, Equatable, Codable {
        /// The year.
        public var year: Int
        /// The previous year compared with.
        public var previousYears: [Int]
        /// Tests in the family.
        public var tests: Int
    }

    /// The family of `year`, if it has tests.
    package func family(year: Int) -> Family? { families.first { $0.year == year } }
}

extension YearOverYear {
    /// The same statistics with ``YearComparison/adjustedP`` set within each year's family of tests.
    package func adjustingForMultiplicity(_ method: MultiplicityAdjustment) -> YearOverYear {
        var copy = self
        var families: [MultiplicityFamilies.Family] = []
        for y in years.indices {
            var positions: [(block: Int, section: Int?)] = []
            var ps: [Double?] = []
            for (b, block) in blocks.enumerated() where block.inSynthesis {
                for (s, section) in block.sections.enumerated() {
                    if let p = section.values[y].comparison?.p { positions.append((b, s)); ps.append(p) }
                }
                if let p = block.values[y].comparison?.p { positions.append((b, nil)); ps.append(p) }
            }
            guard !ps.isEmpty else { continue }
            let adjusted = method.adjust(ps)
            for (position, value) in zip(positions, adjusted) {
                if let s = position.section {
                    copy.blocks[position.block].sections[s].values[y].comparison?.adjustedP = value
                } else {
                    copy.blocks[position.block].values[y].comparison?.adjustedP = value
                }
            }
            let previous = Set(positions.compactMap { position in
                position.section.map { blocks[position.block].sections[$0].values[y].previousYear }
                    ?? blocks[position.block].values[y].previousYear
            }).sorted()
            families.append(.init(year: years[y], previousYears: previous, tests: ps.count))
        }
        copy.multiplicity = MultiplicityFamilies(method: method, families: families)
        return copy
    }
}
