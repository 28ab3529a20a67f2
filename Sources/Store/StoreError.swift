/// A refused store operation, with a message that says why and what to do.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// The message.
    public var message: String
    /// An error with its message.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
