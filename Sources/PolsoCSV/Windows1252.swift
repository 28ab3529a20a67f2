/// Windows-1252 → UTF-8 transcoding of single fields.
enum Windows1252 {
    /// Unicode scalars of bytes 0x80–0x9F; 0 marks the five bytes the code page leaves undefined.
    static let highControls: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The Unicode scalar of a byte, or `nil` for the undefined ones.
    static func scalar(_ byte: UInt8) -> UInt32? {
        if byte < 0x80 || byte >= 0xA0 { return UInt32(byte) }
        let scalar = highControls[Int(byte - 0x80)]
        return scalar == 0 ? nil : scalar
    }

    /// Appends the UTF-8 encoding of `scalar` through `append`.
    @inline(__always)
    static func encodeUTF8(_ scalar: UInt32, _ append: (UInt8) -> Void) {
        switch scalar {
        case 0..<0x80: append(UInt8(scalar))
        case 0x80..<0x800:
            append(UInt8(0xC0 | (scalar >> 6)))
            append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            append(UInt8(0xE0 | (scalar >> 12)))
            append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
