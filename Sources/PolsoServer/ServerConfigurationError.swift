/// A `polso serve` option that cannot be honoured, with what to do instead.
public struct ServerConfigurationError: Error, CustomStringConvertible, Sendable {
    /// The message.
    public var message: String
    /// An error with its message.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
