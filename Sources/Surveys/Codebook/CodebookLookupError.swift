import Foundation

/// A codebook that cannot be found.
public struct CodebookLookupError: Error, CustomStringConvertible {
    /// What was looked for and where.
    public var message: String
    /// The message.
    public var description: String { message }
}
