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
