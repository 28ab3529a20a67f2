import PolsoCSV

/// The SHA-256 of a table's rows in key order, over a canonical encoding of each value (a type
/// tag, then the value: integers and reals as 8 little-endian bytes, text and blobs with their
/// length), so that both engines give the same digest for the same content.
package struct TableDigest {
    private let digest = SHA256Digest()
    /// The rows added.
    package private(set) var rows = 0
    /// The bytes of text and binary values added.
    package private(set) var dataBytes = 0

    package init() {}

    /// Adds a row.
    package mutating func add(_ row: [TableValue]) {
        rows += 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for value in row {
            dataBytes += value.dataBytes
            switch value {
            case .null: bytes.append(0)
            case .integer(let number):
                bytes.append(1)
                Self.append(UInt64(bitPattern: number), to: &bytes)
            case .real(let number):
                bytes.append(2)
                Self.append(number.bitPattern, to: &bytes)
            case .text(let text):
                bytes.append(3)
                Self.append(UInt64(text.utf8.count), to: &bytes)
                bytes.append(contentsOf: text.utf8)
            case .blob(let blob):
                bytes.append(4)
                Self.append(UInt64(blob.count), to: &bytes)
                bytes.append(contentsOf: blob)
            }
        }
        bytes.withUnsafeBytes { digest.update($0) }
    }

    /// The digest so far, as 64 hexadecimal digits.
    package var hex: String { digest.hexDigest() }

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
