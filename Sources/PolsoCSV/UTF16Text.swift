#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// UTF-16 text (Excel's "Unicode text", tab-separated), recognised from its first bytes and
/// transcoded to a temporary UTF-8 file, so that libcsv stays the only CSV parser.
enum UTF16Text {
    enum ByteOrder: Equatable {
        case littleEndian
        case bigEndian
    }

    /// The byte order of UTF-16 text starting with `head`, with whether it opens with a byte
    /// order mark; `nil` for anything else. Without a mark, UTF-16 is recognised when the first
    /// character is ASCII and NUL bytes, which no 8-bit text export holds, fill at least half of
    /// one side of the first 2,048 code units and almost none of the other: the high bytes of
    /// ASCII characters.
    static func detect(_ head: [UInt8]) -> (order: ByteOrder, bom: Bool)? {
        if head.starts(with: [0xFF, 0xFE]) { return (.littleEndian, true) }
        if head.starts(with: [0xFE, 0xFF]) { return (.bigEndian, true) }
        let units = min(head.count, 4096) / 2
        guard units >= 2 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for unit in 0..<units {
            if head[2 * unit] == 0 { evenZeros += 1 }
            if head[2 * unit + 1] == 0 { oddZeros += 1 }
        }
        // Half the units or more are ASCII; a character such as U+0100 or a surrogate may put an
        // occasional NUL on the other side.
        if oddZeros * 2 >= units && evenZeros * 16 <= units && head[1] == 0 { return (.littleEndian, false) }
        if evenZeros * 2 >= units && oddZeros * 16 <= units && head[0] == 0 { return (.bigEndian, false) }
        return nil
    }

    /// Writes the UTF-8 transcoding of the UTF-16 `input` (its one pass) to a new temporary file
    /// and returns its path; the caller removes it.
    /// - Throws: ``CSVError`` at the line and column of a lone surrogate or a last odd byte.
    static func transcode(_ input: InputSource, order: ByteOrder, bom: Bool, chunkSize: Int) throws -> String {
        let (temporary, descriptor) = try TemporaryFile.create(prefix: "polso-utf16", suffix: ".csv", for: input.name)
        var transcoder = Transcoder(order: order, skip: bom ? 2 : 0, file: input.name)
        do {
            defer { close(descriptor) }
            var output: [UInt8] = []
            output.reserveCapacity(chunkSize * 2)
            try input.forEachChunk(size: chunkSize) { chunk in
                output.removeAll(keepingCapacity: true)
                try transcoder.feed(chunk, into: &output)
                try output.withUnsafeBytes { try TemporaryFile.writeAll($0, to: descriptor, path: input.name) }
            }
            output.removeAll(keepingCapacity: true)
            try transcoder.finish(into: &output)
            try output.withUnsafeBytes { try TemporaryFile.writeAll($0, to: descriptor, path: input.name) }
        } catch {
            unlink(temporary)
            throw error
        }
        return temporary
    }

    /// UTF-16 code units to UTF-8 bytes across chunk boundaries, counting lines for errors.
    private struct Transcoder {
        let order: ByteOrder
        var skip: Int
        let file: String
        private var pendingByte: UInt8?
        private var highSurrogate: UInt16?
        private var line = 1
        private var column = 1
        private var lastWasCR = false

        init(order: ByteOrder, skip: Int, file: String) {
            self.order = order
            self.skip = skip
            self.file = file
        }

        mutating func feed(_ chunk: UnsafeRawBufferPointer, into output: inout [UInt8]) throws {
            for byte in chunk {
                if skip > 0 {
                    skip -= 1
                    continue
                }
                guard let first = pendingByte else {
                    pendingByte = byte
                    continue
                }
                pendingByte = nil
                let unit = order == .littleEndian ? UInt16(first) | UInt16(byte) << 8 : UInt16(first) << 8 | UInt16(byte)
                try take(unit, into: &output)
            }
        }

        mutating func finish(into output: inout [UInt8]) throws {
            if pendingByte != nil {
                throw CSVError(file: file, line: line, column: column, kind: .invalidEncoding(
                    "the UTF-16 file ends in the middle of a character (an odd number of bytes)"))
            }
            if highSurrogate != nil { throw loneSurrogate() }
        }

        private mutating func take(_ unit: UInt16, into output: inout [UInt8]) throws {
            let scalar: Unicode.Scalar
            if let high = highSurrogate {
                guard (0xDC00...0xDFFF).contains(unit) else { throw loneSurrogate() }
                highSurrogate = nil
                scalar = Unicode.Scalar(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00))!
            } else if (0xD800...0xDBFF).contains(unit) {
                highSurrogate = unit
                return
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw loneSurrogate()
            } else {
                scalar = Unicode.Scalar(unit)!
            }
            if scalar == "\n" {
                if !lastWasCR { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            lastWasCR = scalar == "\r"
            output.append(contentsOf: UTF8.encode(scalar)!)
        }

        private func loneSurrogate() -> CSVError {
            CSVError(file: file, line: line, column: column, kind: .invalidEncoding(
                "a UTF-16 surrogate without its pair: the file is damaged; save it again as \"CSV UTF-8\""))
        }
    }
}
