/// Survey data that a command or an indicator needs and the store does not have (or not in a
/// usable form); the message says what is missing and how to get it.
package struct SurveyDataError: Error, CustomStringConvertible, Sendable {
    /// The message.
    package var message: String

    /// An error with its message.
    package init(_ message: String) { self.message = message }

    /// The message.
    package var description: String { message }
}
