/// The name a user gave a file they sent (a browser's upload), made safe to keep and to show.
public enum UploadName {
    /// `filename` as one safe path segment: the last segment of either separator, control
    /// characters replaced, no leading dot, at most 120 characters; `upload` when empty.
    public static func sanitised(_ filename: String) -> String {
        let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var name = String(last.unicodeScalars.map { $0.properties.generalCategory == .control ? "_" : Character($0) })
        while name.hasPrefix(".") { name.removeFirst() }
        name = String(name.prefix(120))
        return name.isEmpty ? "upload" : name
    }
}
