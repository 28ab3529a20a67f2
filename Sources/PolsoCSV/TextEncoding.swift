/// The character encodings that survey exports come in.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// Windows-1252 (Western European), common in Microsoft Forms and Excel exports.
    case windows1252 = "windows-1252"
}
