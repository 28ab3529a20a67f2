import PolsoCSV
import PolsoWorkbook
import Foundation

/// One validated response.
package struct ResponseRow {
    /// The physical line the response starts on.
    package var line: Int
    /// One stored code per codebook item (in ``Codebook/items`` order): the raw scale value,
    /// 255 missing (or no column), 254 not applicable, 253 don't know.
    package var answers: UnsafeBufferPointer<UInt8>
    /// One code per demographic question: 0 missing, else the option's 1-based position.
    package var demographics: UnsafeBufferPointer<UInt8>
    /// The export's respondent id, as UTF-8 bytes; empty when the export has none.
    package var responseId: UnsafeRawBufferPointer
}
