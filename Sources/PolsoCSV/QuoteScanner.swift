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
