/// A password that cannot be used, and why.
public struct PasswordError: Error, CustomStringConvertible, Sendable {
    /// The message.
    public var message: String
    /// An error with its message.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
