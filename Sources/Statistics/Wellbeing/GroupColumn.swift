import Surveys

/// One group of a breakdown in one year.
public struct GroupColumn: Sendable, Equatable, Codable {
    /// The group's label (an option of the question, or a unit); `nil` for the respondents who did
    /// not say (``notStated``), whose name is for `Reports` to give.
    public var label: String?
    /// `true` for the group of respondents who gave no answer to the question.
    public var notStated: Bool?
    /// Whether the group is hidden to protect its members.
    public var suppressed: Bool
    /// Why the group is hidden, when ``suppressed``.
    public var suppressedBecause: SuppressionReason?
    /// Respondents; absent when suppressed.
    public var n: Int?
    /// Section means by section code; absent when suppressed.
    public var sectionMeans: [String: Double]?
    /// Block MEDIA by block id (synthesis blocks); absent when suppressed.
    public var blockMeans: [String: Double]?
    /// Section codes and block ids of a shown group whose figures are withheld (``GroupSuppression``).
    public var suppressedCells: [String]?
    /// Why each of ``suppressedCells`` is withheld, by its code.
    public var suppressedCellReasons: [String: SuppressionReason]?

    /// Whether the section or block `code` is withheld for this group.
    package func isWithheld(_ code: String) -> Bool { suppressed || suppressedCells?.contains(code) == true }

    /// Why the section or block `code` is withheld for this group, or `nil` when it is shown.
    package func withholding(_ code: String) -> SuppressionReason? {
        suppressed ? suppressedBecause : suppressedCells?.contains(code) == true ? suppressedCellReasons?[code] : nil
    }

    /// A group column.
    package init(label: String?, suppressed: Bool, n: Int? = nil, sectionMeans: [String: Double]? = nil, blockMeans: [String: Double]? = nil) {
        self.label = label
        self.suppressed = suppressed
        self.n = n
        self.sectionMeans = sectionMeans
        self.blockMeans = blockMeans
    }
}
