/// Chooses the field separator from the header line.
enum DelimiterSniffer {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09]

    /// The candidate that occurs most often outside quotes on the first line; `,` on a tie or
    /// when none occurs (a one-column file).
    static func sniff(headerBytes: [UInt8]) -> UInt8 {
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        for byte in headerBytes {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == 0x0A || byte == 0x0D { break }
                if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
            }
        }
        var best = 0
        for index in 1..<candidates.count where counts[index] > counts[best] { best = index }
        return candidates[best]
    }
}

/// Finds where an unclosed quoted field opens (error path only), following the same rule as
/// libcsv: a quote opens a field only as its first character.
enum QuoteScanner {
    static func unclosedQuoteOffset(inFile path: String, delimiter: UInt8, skipping skip: Int) throws -> Int? {
        var offset = 0
        var atFieldStart = true
        var inQuotes = false
        var quotePending = false  // inside quotes, a quote that may be the first of a doubled pair
        var opening: Int?
        let file = try InputFile(path: path)
        defer { file.close() }
        try file.forEachChunk(size: 1 << 16) { chunk in
            for byte in chunk {
                defer { offset += 1 }
                if offset < skip { continue }
                if inQuotes {
                    if quotePending {
                        quotePending = false
                        if byte == UInt8(ascii: "\"") { continue }
                        inQuotes = false
                        atFieldStart = byte == delimiter || byte == 0x0A || byte == 0x0D
                    } else if byte == UInt8(ascii: "\"") {
                        quotePending = true
                    }
                    continue
                }
                if atFieldStart && byte == UInt8(ascii: "\"") {
                    inQuotes = true
                    opening = offset
                    atFieldStart = false
                } else if byte == delimiter || byte == 0x0A || byte == 0x0D {
                    atFieldStart = true
                } else if byte != 0x20 {
                    atFieldStart = false
                }
            }
        }
        return inQuotes && !quotePending ? opening : nil
    }
}
