import Foundation

/// RFC 4180 quoting of one field for writing CSV, with the formula guard for spreadsheets.
package enum CSVFieldQuoting {
    /// `text` as a CSV field: quoted, with inner quotes doubled, when it holds the delimiter, a
    /// quote, a line break, or leading/trailing spaces (which readers may trim); else unchanged.
    package static func quote(_ text: String, delimiter: Character = ",") -> String {
        let needsQuotes = text.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.first == " " || text.last == " "
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// `text` made inert for a spreadsheet: a text starting with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return (which Excel, LibreOffice and Sheets would run as a formula) gets a leading
    /// `'`, the spreadsheets' own "this is text" mark; any other text is unchanged.
    package static func neutralisingFormula(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

    /// One record for a file a person opens: each field formula-guarded and quoted, joined by the
    /// delimiter, ended by CRLF.
    package static func record(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { quote(neutralisingFormula($0), delimiter: delimiter) }.joined(separator: String(delimiter)) + "\r\n"
    }
}
