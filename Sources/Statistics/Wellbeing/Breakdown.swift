import Surveys

/// Section and block means by group (gender, age band, unit…) and year, with the groups and
/// sections that ``GroupSuppression`` withholds left blank.
///
/// A suppressed group keeps only its label: its size and means are absent from the value, so no
/// output format can show them.
public struct Breakdown: Sendable, Equatable, Codable {
    /// What the groups are: `gender`, `age`, `unit`…
    public var dimension: String
    /// The minimum group size used when none is given (`--min-group`).
    package static let defaultMinimumGroupSize = 5

    /// The minimum group size applied.
    public var minimumGroupSize: Int
    /// One entry per year, ascending.
    public var years: [BreakdownYear]

    /// Builds the breakdown from one tally per group and year; `labels` names the groups in the
    /// order of each year's tallies, `nil` standing for the respondents who did not say. `whole` is the unwithheld table the groups belong to (the
    /// whole body, or the unit of `--unit`): its respondents and answers are the totals an
    /// attacker would subtract from; without it, the groups' sums are taken as the totals.
    ///
    /// Which groups and sections are withheld is decided once by ``GroupSuppression``, or given as
    /// `suppression` when taken with other views (``CrossGroupSuppression``, for a unit's groups).
    package init(codebook: Codebook, dimension: String, labels: [String?], tallies: [Int: [WaveTally]], whole: YearOverYear? = nil,
                suppression: GroupSuppression? = nil, minimumGroupSize: Int) {
        self.dimension = dimension
        self.minimumGroupSize = max(minimumGroupSize, SmallGroupSuppression.smallestMinimum)
        let plan = suppression ?? GroupSuppression(codebook: codebook, tallies: tallies, whole: whole, minimum: minimumGroupSize)
        let minimum = self.minimumGroupSize
        years = tallies.keys.sorted().map { year in
            let groups = tallies[year]!
            var columns: [GroupColumn] = []
            for (index, tally) in groups.enumerated() where tally.respondents > 0 {
                if plan.hides(year: year, group: index) {
                    var column = GroupColumn(label: labels[index], suppressed: true)
                    column.suppressedBecause = SuppressionReason(size: tally.respondents, minimum: minimum)
                    column.notStated = labels[index] == nil ? true : nil
                    columns.append(column)
                    continue
                }
                let hidden = plan.withheldSections(year: year, group: index)
                let table = YearOverYear(codebook: codebook, tallies: [year: tally])
                var sections: [String: Double] = [:]
                var blocks: [String: Double] = [:]
                var withheld: [String] = []
                var reasons: [String: SuppressionReason] = [:]
                for block in table.blocks {
                    for section in block.sections where hidden.contains(section.code) {
                        let counts = [section.values[0].n] + block.items.filter { $0.section == section.code }.map { $0.values[0].n }
                        let small = counts.contains { ($0 ?? 0) > 0 && ($0 ?? 0) < minimum }
                        reasons[section.code] = small ? .fewerThanMinimum : .complementary
                    }
                    // MEDIA is the mean of the section means: it would give a withheld one away.
                    if block.inSynthesis {
                        if let reason = SuppressionReason.combining(block.sections.map { reasons[$0.code] }) {
                            withheld.append(block.id)
                            reasons[block.id] = reason
                        } else if let mean = block.values[0].mean {
                            blocks[block.id] = mean
                        }
                    }
                    for section in block.sections {
                        if hidden.contains(section.code) {
                            withheld.append(section.code)
                        } else if let mean = section.values[0].mean {
                            sections[section.code] = mean
                        }
                    }
                }
                var column = GroupColumn(label: labels[index], suppressed: false, n: tally.respondents,
                                         sectionMeans: sections, blockMeans: blocks)
                column.suppressedCells = withheld.isEmpty ? nil : withheld
                column.suppressedCellReasons = reasons.isEmpty ? nil : reasons
                column.notStated = labels[index] == nil ? true : nil
                columns.append(column)
            }
            // The total the groups are subtracted from: the whole table's (with anyone in no group), not
            // the groups' own sum, which beside it would give the people in no group away.
            let wholeYear = whole?.years.firstIndex(of: year)
            let total = wholeYear.map { whole!.participation[$0].respondents } ?? groups.map(\.respondents).reduce(0, +)
            return BreakdownYear(year: year, respondents: total.flatMap { $0 >= minimum ? $0 : nil }, groups: columns)
        }
    }
}
