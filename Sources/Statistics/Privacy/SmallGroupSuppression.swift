/// Which groups of one breakdown must not be shown, so that no one can be singled out.
///
/// A group with fewer respondents than the minimum is suppressed, and so are the next-smallest
/// groups until the suppressed ones together reach the minimum, so that what the total minus the
/// shown groups gives away rests on enough people (``SuppressionPlanner`` with one total). Empty
/// groups are not shown at all.
package enum SmallGroupSuppression {
    /// The lowest minimum group size Polso accepts.
    package static let smallestMinimum = 3

    /// Indexes of the groups to suppress, given each group's respondent count.
    package static func suppressed(sizes: [Int], minimum: Int) -> Set<Int> {
        SuppressionPlanner(minimum: max(minimum, smallestMinimum), cells: sizes, margins: [Array(sizes.indices)]).plan().hiddenCells
    }
}
