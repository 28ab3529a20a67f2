import Foundation

/// A cell's value as the user sees it in the spreadsheet, as text for the importer.
package enum CellText {
    /// A number in the shortest decimal that reads back to it after rounding to Excel's 15
    /// significant digits, without exponent: `3` (not `3.0`), `0.1` (not `0.1000000000000001`),
    /// `0.00001`, `-2.5`.
    package static func number(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == value.rounded(), abs(value) < 1e15 { return value == 0 ? "0" : String(Int64(value)) }
        var shortest = value.description
        if significantDigits(shortest) > 15 {
            let rounded = Double(String(format: "%.15g", value)) ?? value
            if rounded == rounded.rounded(), abs(rounded) < 1e15 { return rounded == 0 ? "0" : String(Int64(rounded)) }
            shortest = rounded.description
        }
        return plainDecimal(shortest)
    }

    /// The significant digits of Swift's shortest round-trip text of a double (`0.00012` → 2).
    private static func significantDigits(_ text: String) -> Int {
        var count = 0
        var leading = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { break }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { continue }
            if leading && byte == UInt8(ascii: "0") { continue }
            leading = false
            count += 1
        }
        return count
    }

    /// `1e-05` → `0.00001`, `1.5e+20` → `150000000000000000000`; text without exponent unchanged.
    static func plainDecimal(_ text: String) -> String {
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        var mantissa = String(text[..<e])
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = integer + fraction
        var point = integer.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: -point + 1) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var result = String(digits.prefix(point))
        var tail = String(digits.dropFirst(point))
        while tail.hasSuffix("0") { tail.removeLast() }
        if !tail.isEmpty { result += "." + tail }
        while result.count > 1 && result.hasPrefix("0") && !result.hasPrefix("0.") { result.removeFirst() }
        return (negative ? "-" : "") + result
    }

    /// An Excel serial date-time shown in ISO form for `style`: `2024-09-01 11:27:00`,
    /// `2024-09-01`, `11:27:00`, or elapsed `27:05:00`; `nil` for a serial no date can show
    /// (negative), which is then given as a number. Times are rounded to the second, half up.
    package static func date(serial: Double, style: NumberStyle, uses1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }  // up to 9999-12-31
        let totalSeconds = Int64((serial * 86_400).rounded(.toNearestOrAwayFromZero))
        let day = Int(totalSeconds / 86_400)
        let second = Int(totalSeconds % 86_400)
        let time = "\(twoDigits(second / 3600)):\(twoDigits(second / 60 % 60)):\(twoDigits(second % 60))"
        switch style {
        case .number: return nil
        case .time: return time
        case .elapsed:
            return "\(totalSeconds / 3600):\(twoDigits(Int(totalSeconds / 60 % 60))):\(twoDigits(Int(totalSeconds % 60)))"
        case .date: return calendarDate(day: day, uses1904: uses1904)
        case .dateTime: return calendarDate(day: day, uses1904: uses1904) + " " + time
        }
    }

    /// The calendar date of a whole serial. In the 1900 system serial 1 is 1900-01-01 and serial
    /// 60 is the 29 February 1900 that Lotus 1-2-3 invented and Excel keeps; in the 1904 system
    /// serial 0 is 1904-01-01.
    static func calendarDate(day: Int, uses1904: Bool) -> String {
        let daysSince1970: Int
        if uses1904 {
            daysSince1970 = day - 24_107
        } else if day == 60 {
            return "1900-02-29"
        } else {
            daysSince1970 = day - (day < 60 ? 25_568 : 25_569)
        }
        // Civil date from a day count (proleptic Gregorian; H. Hinnant's algorithm).
        let z = daysSince1970 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-\(twoDigits(month))-\(twoDigits(dayOfMonth))"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    /// Text with the `_xHHHH_` escapes of OOXML strings (control characters such as `_x000D_`)
    /// decoded; `_x005F_` escapes a literal underscore.
    package static func unescaped(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")), text.contains("_x") else { return text }
        var result = ""
        var rest = text[...]
        while let start = rest.range(of: "_x") {
            result += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                result += "_x"
                rest = after
            }
        }
        return result + rest
    }
}
