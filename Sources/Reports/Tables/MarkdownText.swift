/// Markdown-safe inline text: labels, names and notes from codebooks, plans and exports.
enum MarkdownText {
    /// `text` as literal inline Markdown. What could open raw HTML or an autolink (`<` before a
    /// letter, `/`, `!` or `?`), an entity (`&` before a letter or `#`), a link or image (`[`,
    /// `]`), code (`` ` ``) or a table cell boundary (`|`), and a backslash, are backslash-escaped,
    /// so `<script>` or `<img onerror=…>` show as text; `<5` or `p < 0,05` stay as they are. A
    /// line break becomes a space, so one value never ends the table row or paragraph it is in.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var characters = text.makeIterator()
        var next = characters.next()
        while let character = next {
            next = characters.next()
            switch character {
            case "<" where next.map { $0.isLetter || "/!?".contains($0) } ?? false,
                 "&" where next.map { $0.isLetter || $0 == "#" } ?? false,
                 "\\", "[", "]", "`", "|":
                result.append("\\")
                result.append(character)
            case "\n", "\r", "\r\n", "\u{2028}", "\u{2029}": result.append(" ")
            default: result.append(character)
            }
        }
        return result
    }
}
