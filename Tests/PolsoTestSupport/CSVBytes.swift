/// How a test export is written out: separator, quoting, line ends, byte order mark, encoding.
public struct CSVLayout: Sendable {
    /// The character encodings exports come in.
    public enum Encoding: Sendable { case utf8, windows1252 }

    public var delimiter: Character
    /// Quote every field (LimeSurvey), or only those that need it.
    public var quoteAll: Bool
    public var lineEnd: String
    public var byteOrderMark: Bool
    public var encoding: Encoding

    public init(delimiter: Character = ",", quoteAll: Bool = false, lineEnd: String = "\r\n",
                byteOrderMark: Bool = false, encoding: Encoding = .utf8) {
        self.delimiter = delimiter
        self.quoteAll = quoteAll
        self.lineEnd = lineEnd
        self.byteOrderMark = byteOrderMark
        self.encoding = encoding
    }

    /// The rows as the bytes of a CSV file, every record ended by ``lineEnd``.
    public func bytes(_ rows: [[String]]) -> [UInt8] {
        let text = rows.map { $0.map(field).joined(separator: String(delimiter)) + lineEnd }.joined()
        let body: [UInt8]
        switch encoding {
        case .utf8: body = Array(text.utf8)
        case .windows1252: body = windows1252Bytes(text)
        }
        return (byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + body
    }

    private func field(_ text: String) -> String {
        let needsQuotes = quoteAll || text.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

/// `text` in Windows-1252; stops the test run on a character the code page lacks.
public func windows1252Bytes(_ text: String) -> [UInt8] {
    // The code page's 0x80–0x9F block; 0x00–0x7F and 0xA0–0xFF are Latin-1, byte for byte.
    let high: [Unicode.Scalar: UInt8] = [
        "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88, "‰": 0x89,
        "Š": 0x8A, "‹": 0x8B, "Œ": 0x8C, "Ž": 0x8E, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95,
        "–": 0x96, "—": 0x97, "˜": 0x98, "™": 0x99, "š": 0x9A, "›": 0x9B, "œ": 0x9C, "ž": 0x9E, "Ÿ": 0x9F,
    ]
    return text.unicodeScalars.map { scalar in
        if scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value) { return UInt8(scalar.value) }
        guard let byte = high[scalar] else { preconditionFailure("U+\(String(scalar.value, radix: 16)) is not in Windows-1252") }
        return byte
    }
}
