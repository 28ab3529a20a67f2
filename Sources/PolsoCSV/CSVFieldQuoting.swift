import Foundation

/// RFC 4180 quoting of one field for writing CSV.
public enum CSVFieldQuoting {
    /// `text` as a CSV field: quoted, with inner quotes doubled, when it holds the delimiter, a
    /// quote, a line break, or leading/trailing spaces (which readers may trim); else unchanged.
    public static func quote(_ text: String, delimiter: Character = ",") -> String {
        let needsQuotes = text.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.first == " " || text.last == " "
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// One record: quoted fields joined by the delimiter, ended by CRLF.
    public static func record(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { quote($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\r\n"
    }
}
