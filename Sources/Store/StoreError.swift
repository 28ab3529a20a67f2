/// A refused store operation, with a message that says why and what to do.
package struct StoreError: Error, CustomStringConvertible, Sendable {
    /// The message.
    package var message: String
    /// An error with its message.
    package init(_ message: String) { self.message = message }
    /// The message.
    package var description: String { message }
}
