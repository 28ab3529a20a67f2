/// One value of a stored row as ``StoreCopy`` moves it between engines: SQLite's storage classes,
/// with PostgreSQL's booleans as the integers 0 and 1 that SQLite stores for them.
package enum TableValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The bytes of a text or binary value (0 for the others), for the copy's summary.
    package var dataBytes: Int {
        switch self {
        case .text(let text): text.utf8.count
        case .blob(let bytes): bytes.count
        case .null, .integer, .real: 0
        }
    }
}
