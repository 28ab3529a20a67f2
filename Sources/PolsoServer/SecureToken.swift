import PolsoCSV

/// Random tokens (session ids, CSRF tokens) and their comparison.
enum SecureToken {
    /// 32 bytes from the system's cryptographic generator, as 64 hexadecimal digits.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for _ in 0..<32 {
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The SHA-256 of a token, which is what the store keeps of a session id.
    static func storageKey(_ token: String) -> String {
        let digest = SHA256Digest()
        Array(token.utf8).withUnsafeBytes { digest.update($0) }
        return digest.hexDigest()
    }

    /// Compares in time that depends on the lengths only, not on where the first difference is.
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
