/// What the libcsv callbacks accumulate: the fields of the current record in one reused byte
/// buffer, the codes of its one-byte cells (``FieldCodes``), and the physical line count.
///
/// A value held in memory the reader allocates for the parse, reached from the callbacks through
/// a raw pointer: nothing is reference counted or allocated per field or per record.
///
/// libcsv is run with `CSV_REPALL_NL`, so every line end outside quotes reaches `endRecord`,
/// blank lines included; a CRLF pair arrives as `\r` then an empty `\n`, which is not counted
/// twice. Line breaks inside quoted fields are counted from the field bytes.
struct ParseState {
    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    private var used = 0
    private var ends: UnsafeMutablePointer<Int>
    private var codes: UnsafeMutablePointer<UInt8>
    private var endsCapacity: Int
    private var fieldCount = 0

    /// The physical line the next byte is on.
    private(set) var line = 1
    private var recordLine = 1
    /// Records delivered so far.
    private(set) var recordIndex = 0
    /// Whether a record has begun and not yet been delivered.
    var inRecord: Bool { fieldCount > 0 }
    private var lastTerminatorWasCR = false
    /// The codes' table, once installed: the records that begin after that are decoded.
    private var table: UnsafeMutablePointer<UInt8>?
    private var emptyCodes: UnsafeMutablePointer<UInt8>?
    private var tableColumns = 0

    /// Blank lines since the last record, counted once another record follows.
    private(set) var pendingBlankLines = 0
    /// Blank lines met between two records (trailing blank lines are not counted).
    private(set) var blankLinesBetweenRecords = 0
    /// Blank lines before the first record: none in a whole file (its first line is the header),
    /// but a part of a file read in parts may start with some (``CSVPartEnd``).
    private(set) var leadingBlankLines = 0

    /// Whether fields are Windows-1252, transcoded to UTF-8 as they are copied; the reader sets
    /// it before each chunk, once the bytes so far have settled the encoding.
    var transcodes: Bool
    private let onRecord: (CSVRecord) throws -> Void
    /// Codes for one-byte cells, once their owner installs them (the reader's caller keeps the
    /// ``FieldCodes`` alive for the whole parse).
    private let fieldCodes: UnsafeMutablePointer<FieldCodes.Tables>?
    /// The first error thrown by the record handler or met while transcoding; later callbacks are ignored.
    private(set) var error: Error?

    /// A state for reading from the start of a file, or from a record boundary inside it;
    /// `afterCarriageReturn` when the byte before that boundary is a CR, so that an LF right after
    /// it ends the same line, as it does in a reading from the start.
    init(encoding: TextEncoding, fieldCodes: FieldCodes?, afterCarriageReturn: Bool = false,
         onRecord: @escaping (CSVRecord) throws -> Void) {
        lastTerminatorWasCR = afterCarriageReturn
        capacity = 1 << 12
        buffer = .allocate(byteCount: capacity, alignment: 16)
        endsCapacity = 64
        ends = .allocate(capacity: endsCapacity)
        codes = .allocate(capacity: endsCapacity)
        transcodes = encoding == .windows1252
        self.fieldCodes = fieldCodes?.tables
        self.onRecord = onRecord
        refreshTable()
    }

    func release() {
        buffer.deallocate()
        ends.deallocate()
        codes.deallocate()
    }

    /// One field from libcsv. After an error the fields are still gathered, but no record is
    /// handed over (``deliver()``): that is checked once per record instead of once per field.
    ///
    /// Most answer cells are one ASCII byte other than CR or LF, with room left for it: stored and
    /// decoded here, in a few registers; every other field takes ``anyField(_:_:)``.
    @inline(__always)
    mutating func field(_ data: UnsafeRawPointer?, _ length: Int) {
        let column = fieldCount
        if length == 1, column < endsCapacity, used < capacity, let data {
            let byte = data.load(as: UInt8.self)
            if byte < 0x80 && byte != 0x0A && byte != 0x0D {
                fieldCount = column &+ 1
                buffer.storeBytes(of: byte, toByteOffset: used, as: UInt8.self)
                used &+= 1
                ends[column] = used
                codes[column] = column < tableColumns ? table.unsafelyUnwrapped[column &* 256 &+ Int(byte)] : FieldCodes.undecided
                return
            }
        }
        anyField(data, length)
    }

    /// A field of any length and content.
    @inline(never)
    private mutating func anyField(_ data: UnsafeRawPointer?, _ length: Int) {
        if fieldCount == endsCapacity { growEnds() }
        let column = fieldCount
        fieldCount = column &+ 1
        if length == 1, let data, data.load(as: UInt8.self) < 0x80 {
            // One ASCII byte (the same in UTF-8 and Windows-1252): a CR or LF, or no room left.
            let byte = data.load(as: UInt8.self)
            if byte == 0x0A || byte == 0x0D { line &+= 1 }
            reserve(1)
            buffer.storeBytes(of: byte, toByteOffset: used, as: UInt8.self)
            used &+= 1
            ends[column] = used
            codes[column] = column < tableColumns ? table.unsafelyUnwrapped[column &* 256 &+ Int(byte)] : FieldCodes.undecided
            return
        }
        codes[column] = column < tableColumns && length == 0 ? emptyCodes.unsafelyUnwrapped[column] : FieldCodes.undecided
        if let data, length > 0 {
            countLineBreaks(data.assumingMemoryBound(to: UInt8.self), length)
            if transcodes {
                appendTranscoded(data, length)
            } else {
                reserve(length)
                (buffer + used).copyMemory(from: data, byteCount: length)
                used &+= length
            }
        }
        ends[column] = used
    }

    /// The codes' table for the records from now on, once its owner has installed it (read
    /// after each record, since the importer installs it while it handles one).
    private mutating func refreshTable() {
        guard let fieldCodes, let installed = fieldCodes.pointee.codes else { return }
        table = installed
        emptyCodes = fieldCodes.pointee.empty
        tableColumns = fieldCodes.pointee.columns
    }

    @inline(__always)
    mutating func endRecord(_ terminator: Int32) {
        let isLineFeed = terminator == 0x0A
        if fieldCount > 0 {
            deliver()
            if terminator >= 0 { line &+= 1 }
        } else if !(isLineFeed && lastTerminatorWasCR) && terminator >= 0 {
            line &+= 1  // a blank line
            if recordIndex > 0 { pendingBlankLines &+= 1 } else { leadingBlankLines &+= 1 }
        }
        // No field needs to clear this: it is read only at a line end with no field before it.
        lastTerminatorWasCR = terminator == 0x0D
        recordLine = line
    }

    private mutating func deliver() {
        defer {
            used = 0
            fieldCount = 0
        }
        guard error == nil else { return }
        blankLinesBetweenRecords &+= pendingBlankLines
        pendingBlankLines = 0
        let record = CSVRecord(index: recordIndex, line: recordLine, count: fieldCount,
                               base: UnsafeRawPointer(buffer), ends: UnsafePointer(ends),
                               codes: table == nil ? nil : UnsafePointer(codes))
        do {
            try onRecord(record)
        } catch {
            self.error = error
        }
        recordIndex &+= 1
        refreshTable()
    }

    /// Counts the line breaks inside a field (only a quoted field holds any): eight bytes are
    /// looked at a time for a CR or an LF, and only from a word holding one byte by byte.
    @inline(__always)
    private mutating func countLineBreaks(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        var index = 0
        while index &+ 8 <= length {
            if Self.holdsLineBreak(UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self)) { break }
            index &+= 8
        }
        while index < length {
            let byte = bytes[index]
            if byte == 0x0A {
                if index == 0 || bytes[index &- 1] != 0x0D { line &+= 1 }
            } else if byte == 0x0D {
                line &+= 1
            }
            index &+= 1
        }
    }

    /// Whether one of the eight bytes of `word` is a CR or an LF: the classic test for a zero
    /// byte (exact as a yes or no) on the word with each byte compared by exclusive or.
    @inline(__always)
    private static func holdsLineBreak(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let lf = word ^ (ones &* 0x0A), cr = word ^ (ones &* 0x0D)
        return ((lf &- ones) & ~lf & highs) | ((cr &- ones) & ~cr & highs) != 0
    }

    private mutating func appendTranscoded(_ data: UnsafeRawPointer, _ length: Int) {
        reserve(length * 3)
        let bytes = data.assumingMemoryBound(to: UInt8.self)
        for index in 0..<length {
            let byte = bytes[index]
            guard let scalar = Windows1252.scalar(byte) else {
                error = CSVError(file: "", line: recordLine, column: fieldCount, kind: .invalidEncoding(
                    "byte 0x\(String(byte, radix: 16, uppercase: true)) is not a Windows-1252 character (field \(fieldCount) of the record)"))
                return
            }
            let buffer = self.buffer
            var used = self.used
            Windows1252.encodeUTF8(scalar) { encoded in
                buffer.storeBytes(of: encoded, toByteOffset: used, as: UInt8.self)
                used += 1
            }
            self.used = used
        }
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        guard used + extra > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < used + extra { newCapacity *= 2 }
        let newBuffer = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        newBuffer.copyMemory(from: buffer, byteCount: used)
        buffer.deallocate()
        buffer = newBuffer
        capacity = newCapacity
    }

    private mutating func growEnds() {
        let newCapacity = endsCapacity * 2
        let newEnds = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        newEnds.update(from: ends, count: fieldCount)
        ends.deallocate()
        ends = newEnds
        let newCodes = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newCodes.update(from: codes, count: fieldCount)
        codes.deallocate()
        codes = newCodes
        endsCapacity = newCapacity
    }
}
