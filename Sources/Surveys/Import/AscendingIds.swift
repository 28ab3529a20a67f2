/// Decimal respondent ids that only grow, each with a tag (its line), kept in blocks of
/// ``blockSize``: a block keeps its first id and tag, and the steps to the others as LEB128
/// varints (the id's step, then the tag's step less one, zigzag-encoded). A block where every id
/// and every tag is one more than the one before (LimeSurvey's numbering or Kobo's `_index`, one
/// line per record) keeps no steps at all: 16 bytes per 128 ids, so that memory does not grow with
/// the file for the common numbering; a gappy numbering (SurveyMonkey's Respondent ID) costs
/// about two or three bytes an id.
package struct AscendingIds: Sendable {
    static let blockSize = 128
    private static let regular = UInt32.max

    private var firstIds: [UInt64] = []
    private var firstTags: [Int32] = []
    /// Where each block's steps start in `steps`, or `regular` for a closed block of unit steps.
    private var offsets: [UInt32] = []
    private var steps: [UInt8] = []
    /// Whether the last block's steps are all unit steps so far.
    private var openRegular = true
    /// The first id added.
    package var first: UInt64 { firstIds.first ?? 0 }
    /// The last id added.
    package private(set) var last: UInt64 = 0
    private var lastTag: Int32 = 0
    package private(set) var count = 0

    package init() {}

    package var isEmpty: Bool { count == 0 }

    /// Adds `id`, greater than ``last`` (or the first), with its tag.
    package mutating func append(_ id: UInt64, tag: Int32) {
        precondition(count == 0 || id > last, "ascending ids only")
        if count % Self.blockSize == 0 {
            closeBlock()
            firstIds.append(id)
            firstTags.append(tag)
            offsets.append(UInt32(truncatingIfNeeded: steps.count))
            openRegular = true
        } else {
            let idStep = id &- last
            let tagStep = Int64(tag) - Int64(lastTag) - 1
            if openRegular {
                // Unit steps are written only once a block turns out to need its steps.
                if idStep == 1 && tagStep == 0 {
                    last = id
                    lastTag = tag
                    count += 1
                    return
                }
                openRegular = false
                for _ in 1..<(count % Self.blockSize) { steps += [1, 0] }  // the unit steps so far: id +1, tag +1 (zigzag 0)
            }
            Self.write(idStep, to: &steps)
            Self.write(UInt64(bitPattern: (tagStep << 1) ^ (tagStep >> 63)), to: &steps)
        }
        last = id
        lastTag = tag
        count += 1
    }

    private static func write(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Marks the last block as one of unit steps (none written) when it is.
    private mutating func closeBlock() {
        guard !offsets.isEmpty, openRegular else { return }
        offsets[offsets.count - 1] = Self.regular
    }

    /// The tag of `id`, if it is here.
    package func tag(of id: UInt64) -> Int32? {
        guard count > 0, id >= firstIds[0], id <= last else { return nil }
        var low = 0, high = firstIds.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if firstIds[middle] <= id { low = middle } else { high = middle }
        }
        if isRegular(low) {
            let step = id - firstIds[low]
            return step < UInt64(size(low)) ? firstTags[low] &+ Int32(truncatingIfNeeded: step) : nil
        }
        var found: Int32?
        forEach(inBlock: low) { candidate, tag in
            if candidate == id { found = tag }
            return candidate < id
        }
        return found
    }

    /// Calls `body` with every id and tag, in order.
    package func forEach(_ body: (UInt64, Int32) -> Void) {
        for block in firstIds.indices {
            forEach(inBlock: block) { id, tag in
                body(id, tag)
                return true
            }
        }
    }

    /// The number of ids in a block.
    private func size(_ block: Int) -> Int {
        block == firstIds.count - 1 ? count - block * Self.blockSize : Self.blockSize
    }

    /// Whether a block's steps are all unit steps (the last block's so far).
    private func isRegular(_ block: Int) -> Bool {
        offsets[block] == Self.regular || (block == firstIds.count - 1 && openRegular)
    }

    /// Calls `body` with the ids and tags of one block while it returns true.
    private func forEach(inBlock block: Int, _ body: (UInt64, Int32) -> Bool) {
        var id = firstIds[block], tag = firstTags[block]
        guard body(id, tag) else { return }
        let unitSteps = isRegular(block)
        var position = Int(offsets[block])
        for _ in 1..<size(block) {
            if unitSteps {
                id &+= 1
                tag &+= 1
            } else {
                id &+= readVarint(&position)
                let zigzag = readVarint(&position)
                tag = Int32(truncatingIfNeeded: Int64(tag) + 1 + (Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)))
            }
            guard body(id, tag) else { return }
        }
    }

    private func readVarint(_ position: inout Int) -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            let byte = steps[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
}
