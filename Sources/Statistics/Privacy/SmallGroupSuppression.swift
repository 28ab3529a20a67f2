/// Which groups of a breakdown must not be shown, so that no one can be singled out.
///
/// A group with fewer respondents than the minimum is suppressed. When exactly one group would be
/// suppressed, its value could be recovered from the total and the other groups, so the smallest
/// of the remaining groups is suppressed with it. Empty groups are not shown at all.
public enum SmallGroupSuppression {
    /// The lowest minimum group size Polso accepts.
    public static let smallestMinimum = 3

    /// Indexes of the groups to suppress, given each group's respondent count.
    public static func suppressed(sizes: [Int], minimum: Int) -> Set<Int> {
        let minimum = max(minimum, smallestMinimum)
        let present = sizes.indices.filter { sizes[$0] > 0 }
        var hidden = Set(present.filter { sizes[$0] < minimum })
        if hidden.count == 1 {
            let visible = present.filter { !hidden.contains($0) }
            if let smallest = visible.min(by: { sizes[$0] < sizes[$1] || (sizes[$0] == sizes[$1] && $0 < $1) }) {
                hidden.insert(smallest)
            }
        }
        return hidden
    }
}
