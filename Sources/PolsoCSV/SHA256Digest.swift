import CLibCrypto

/// SHA-256 (FIPS 180-4) fed incrementally, through OpenSSL's libcrypto, which uses the CPU's SHA
/// instructions where there are some; identifies imported files in the import log.
///
/// A class because it owns libcrypto's digest context, freed with it.
package final class SHA256Digest {
    private let context: OpaquePointer

    /// A fresh digest.
    package init() {
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            fatalError("libcrypto cannot set up SHA-256 (out of memory?)")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds bytes.
    package func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        precondition(EVP_DigestUpdate(context, base, bytes.count) == 1, "libcrypto refused SHA-256 input")
    }

    /// The digest of every byte added, as 64 lowercase hexadecimal digits (as `sha256sum` prints
    /// it). Computed on a copy of the context, so more bytes may follow.
    package func hexDigest() -> String {
        guard let copy = EVP_MD_CTX_new() else { fatalError("libcrypto cannot copy a digest (out of memory?)") }
        defer { EVP_MD_CTX_free(copy) }
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        precondition(EVP_MD_CTX_copy_ex(copy, context) == 1 && EVP_DigestFinal_ex(copy, &digest, &length) == 1 && length == 32,
                     "libcrypto failed to finish SHA-256")
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: digest.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }

    /// The SHA-256 of a regular file's bytes as hexadecimal digits; `nil` for standard input, a
    /// pipe or a device, which only the import itself may read.
    package static func hexDigest(ofRegularFile path: String) throws -> String? {
        let input = try InputSource(path: path, limit: .max, hashing: true)
        guard input.isRegularFile, path != InputSource.standardInputPath else { return nil }
        _ = try input.readToEnd()
        return input.sha256
    }
}
