/// Survey data that a command or an indicator needs and the store does not have (or not in a
/// usable form); the message says what is missing and how to get it.
public struct SurveyDataError: Error, CustomStringConvertible, Sendable {
    /// The message.
    public var message: String

    /// An error with its message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
