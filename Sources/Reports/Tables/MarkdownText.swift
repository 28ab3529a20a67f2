/// Markdown-safe inline text: labels, names and notes from codebooks, plans and exports.
enum MarkdownText {
    /// `text` as literal inline Markdown: the characters that would open HTML (`<`, `>`, `&`), a
    /// link or image (`[`, `]`), code (`` ` ``), a table cell boundary (`|`) or an escape (`\`)
    /// are backslash-escaped, so `<script>` or `<img onerror=…>` show as text; a line break
    /// becomes a space, so one value never ends the table row or paragraph it sits in.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "<", ">", "&", "[", "]", "`", "|": result.append("\\"); result.append(character)
            case "\n", "\r", "\r\n", "\u{2028}", "\u{2029}": result.append(" ")
            default: result.append(character)
            }
        }
        return result
    }
}
