/// Why a band scale was refused.
package enum BandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Two bands share values.
    case overlap(String, String)
    /// A band's lower edge is above its upper edge.
    case empty(String)

    /// The reason, in words.
    package var description: String {
        switch self {
        case let .overlap(first, second): return "bands '\(first)' and '\(second)' overlap"
        case let .empty(label): return "band '\(label)' contains no value: its lower edge is above its upper edge"
        }
    }
}
