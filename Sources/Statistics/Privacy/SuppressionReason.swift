/// Why a figure is withheld. The two privacy rules are told apart in every view, since a reader
/// takes a withheld count for a small one unless told otherwise.
public enum SuppressionReason: String, Sendable, Equatable, Codable, CaseIterable {
    /// Primary suppression: the figure rests on fewer people than the minimum group size, or is
    /// computed from a figure that does (a section mean from a withheld item mean, a MEDIA from a
    /// withheld section).
    case fewerThanMinimum = "fewer_than_minimum"
    /// Complementary suppression: the figure rests on enough people, but is withheld so that a
    /// smaller group cannot be worked out from it by subtraction.
    case complementary

    /// The reason a plan withholds a figure resting on `size` people: complementary unless the
    /// figure is itself under the minimum.
    package init(size: Int, minimum: Int) {
        self = size > 0 && size < minimum ? .fewerThanMinimum : .complementary
    }

    /// The reason of a figure computed from figures withheld for `reasons` (`nil`: shown): under
    /// the minimum when any of them is, complementary when all withheld ones are, `nil` when none is.
    package static func combining(_ reasons: some Sequence<SuppressionReason?>) -> SuppressionReason? {
        var result: SuppressionReason?
        for reason in reasons {
            if reason == .fewerThanMinimum { return .fewerThanMinimum }
            if reason == .complementary { result = .complementary }
        }
        return result
    }
}
