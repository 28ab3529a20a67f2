/// Why an override was refused.
package enum OverrideError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No written justification.
    case missingJustification
    /// An achievement below 0 %.
    case negativeAchievement

    /// The justification without surrounding blanks; throws ``missingJustification`` when nothing is left.
    static func requireJustification(_ text: String) throws(OverrideError) -> String {
        let trimmed = text.trimmingCharacters(in: " \t\n\r")
        guard !trimmed.isEmpty else { throw .missingJustification }
        return trimmed
    }

    /// The reason, in words.
    package var description: String {
        switch self {
        case .missingJustification: return "an override needs a written justification ('justification: …')"
        case .negativeAchievement: return "an overridden achievement cannot be below 0 %"
        }
    }
}
