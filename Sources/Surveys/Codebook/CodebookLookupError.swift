import Foundation

/// A codebook that cannot be found.
package struct CodebookLookupError: Error, CustomStringConvertible {
    /// What was looked for and where.
    package var message: String
    /// The message.
    package var description: String { message }
}
