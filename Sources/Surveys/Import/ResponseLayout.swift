import PolsoCSV
import PolsoWorkbook
import Foundation

/// What the rows of an import hold.
public struct ResponseLayout: Sendable {
    /// The codebook the answers follow.
    public var codebook: Codebook
    /// How the columns were read.
    public var columns: ColumnMap
}
