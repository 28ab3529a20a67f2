import Foundation

/// A cell's address in A1 notation: column letters and a 1-based row number.
package enum CellReference {
    /// Excel's largest sheet: 16,384 columns (`XFD`) by 1,048,576 rows.
    package static let maxColumns = 16_384
    package static let maxRows = 1_048_576

    /// The 0-based column and the row of `C7`-style text (`$` signs allowed); `nil` when malformed.
    /// A reference without digits (`C`) has row `nil`.
    package static func parse(_ text: String) -> (column: Int, row: Int?)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                if digits > 7 { return nil }
            default: return nil
            }
            if letters > 3 { return nil }
        }
        guard letters > 0, column <= maxColumns, digits == 0 || (1...maxRows).contains(row) else { return nil }
        return (column - 1, digits == 0 ? nil : row)
    }

    /// The letters of a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`.
    package static func letters(ofColumn column: Int) -> String {
        var number = column + 1
        var scalars: [Unicode.Scalar] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remainder)))
            number = (number - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    /// `Sheet1!C7` for a 0-based column and a row; names with spaces or punctuation are quoted as
    /// Excel quotes them (`'Risposte del modulo 1'!C7`).
    package static func text(sheet: String, column: Int, row: Int) -> String {
        "\(quoted(sheet))!\(letters(ofColumn: column))\(row)"
    }

    /// `Sheet1 row 7`, for a problem with a whole row.
    package static func text(sheet: String, row: Int) -> String {
        "\(quoted(sheet)) row \(row)"
    }

    private static func quoted(_ sheet: String) -> String {
        let plain = !sheet.isEmpty && sheet.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
        return plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
