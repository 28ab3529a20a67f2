import PolsoCSV
import PolsoWorkbook
import Foundation

/// Receives the validated responses of an import, row by row.
package protocol ResponseSink {
    /// Called once, after the header is understood and before any response.
    mutating func begin(_ layout: ResponseLayout) throws
    /// Called for every valid response, in file order. The buffers are valid only during the call.
    mutating func add(_ response: ResponseRow) throws
}
