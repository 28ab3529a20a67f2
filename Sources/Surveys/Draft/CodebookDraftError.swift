/// An export a draft cannot be made from.
package struct CodebookDraftError: Error, Sendable, CustomStringConvertible {
    /// The file.
    package var file: String
    /// What is wrong and what to do.
    package var message: String

    package var description: String { "\(file): \(message)" }
}
