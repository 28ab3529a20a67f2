/// A cell or header as quoted in a message: whole when short, else its start and its length, so
/// that a 10 MB cell never becomes a 10 MB message.
package enum TextExcerpt {
    /// Characters shown of a long text.
    package static let limit = 80

    /// `"text"`, or `"start of the text…" (123456 characters)` beyond `limit` characters.
    package static func quoted(_ text: String, limit: Int = limit) -> String {
        var end = text.startIndex
        var shown = 0
        while end < text.endIndex, shown < limit {
            text.formIndex(after: &end)
            shown += 1
        }
        guard end < text.endIndex else { return "\"\(text)\"" }
        return "\"\(text[..<text.index(before: end)])…\" (\(text.count) characters)"
    }
}
