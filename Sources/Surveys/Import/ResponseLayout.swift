import PolsoCSV
import PolsoWorkbook
import Foundation

/// What the rows of an import hold.
package struct ResponseLayout: Sendable {
    /// The codebook the answers follow.
    package var codebook: Codebook
    /// How the columns were read.
    package var columns: ColumnMap
}
