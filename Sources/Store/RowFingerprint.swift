import Foundation

/// The content fingerprint of a stored respondent: a 64-bit FNV-1a hash of the answer codes and
/// demographic options the import validated (not the file's bytes), so that the same responses
/// give the same fingerprints whatever the line ends, BOM, quoting, encoding, answer spelling
/// (codes or labels) or container (CSV or workbook). The respondent id is not part of it.
///
/// A file's fingerprints are stored in file order as one blob of 8 bytes each, big-endian
/// (a plain BLOB / BYTEA column: the same in SQLite and PostgreSQL).
package enum RowFingerprint {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The fingerprint of one respondent's stored codes.
    static func of(answers: UnsafeBufferPointer<UInt8>, demographics: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in answers { hash = (hash ^ UInt64(byte)) &* prime }
        // The lengths keep answers and demographics apart (codebooks of other shapes never match).
        hash = (hash ^ UInt64(answers.count)) &* prime
        for byte in demographics { hash = (hash ^ UInt64(byte)) &* prime }
        hash = (hash ^ UInt64(demographics.count)) &* prime
        return hash
    }

    /// The blob stored for a file's fingerprints.
    package static func encode(_ fingerprints: [UInt64]) -> Data {
        var data = Data(capacity: fingerprints.count * 8)
        for value in fingerprints { withUnsafeBytes(of: value.bigEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// The fingerprints of a stored blob.
    package static func decode(_ data: Data) -> [UInt64] {
        data.withUnsafeBytes { raw in
            stride(from: 0, to: raw.count - raw.count % 8, by: 8).map { offset in
                (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(raw[offset + $1]) }
            }
        }
    }
}
