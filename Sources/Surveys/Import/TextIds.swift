/// Respondent ids kept as text (not plain ascending decimals), each with a tag (its line): every
/// id's bytes one after another in one array, found through an open-addressing table of their
/// hashes. Exact (ids are compared byte for byte), and about the id's length plus 20 bytes an id,
/// where a dictionary of strings takes several times that (an id of 16 bytes or more, such as a
/// Qualtrics `R_…` or an ODK `uuid:…`, is a heap object of its own there).
package struct TextIds: Sendable {
    private var bytes: [UInt8] = []
    /// Where each id ends in `bytes` (it starts where the one before ends).
    private var ends: [UInt32] = []
    private var tags: [Int32] = []
    /// Per slot: the id's hash in the high 32 bits, its index + 1 in the low (0: empty).
    private var slots: [UInt64] = []

    package init() {}

    package var count: Int { tags.count }

    /// The tag of `id`, if it is here.
    package func tag(of id: UnsafeRawBufferPointer) -> Int32? {
        guard !slots.isEmpty else { return nil }
        let hash = Self.hash(id)
        var slot = Int(hash) & (slots.count - 1)
        while slots[slot] != 0 {
            let entry = slots[slot]
            if UInt32(truncatingIfNeeded: entry >> 32) == hash, equals(Int(UInt32(truncatingIfNeeded: entry)) - 1, id) {
                return tags[Int(UInt32(truncatingIfNeeded: entry)) - 1]
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Adds `id` with `tag` unless it is here already: then returns the tag it has.
    package mutating func insert(_ id: UnsafeRawBufferPointer, tag: Int32) -> Int32? {
        if let earlier = self.tag(of: id) { return earlier }
        if (tags.count + 1) * 2 > slots.count { grow() }
        bytes.append(contentsOf: id)
        ends.append(UInt32(truncatingIfNeeded: bytes.count))
        tags.append(tag)
        place(tags.count - 1, hash: Self.hash(id))
        return nil
    }

    /// Calls `body` with every id and tag, in the order added.
    package func forEach(_ body: (UnsafeRawBufferPointer, Int32) -> Void) {
        bytes.withUnsafeBytes { all in
            for index in tags.indices { body(UnsafeRawBufferPointer(rebasing: all[range(index)]), tags[index]) }
        }
    }

    private func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])
    }

    private func equals(_ index: Int, _ id: UnsafeRawBufferPointer) -> Bool {
        let range = range(index)
        guard range.count == id.count else { return false }
        return bytes.withUnsafeBytes { all in all[range].elementsEqual(id) }
    }

    private mutating func place(_ index: Int, hash: UInt32) {
        var slot = Int(hash) & (slots.count - 1)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = UInt64(hash) << 32 | UInt64(index + 1)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: max(64, slots.count * 2))
        let all = bytes
        all.withUnsafeBytes { all in
            for index in tags.indices { place(index, hash: Self.hash(UnsafeRawBufferPointer(rebasing: all[range(index)]))) }
        }
    }

    /// FNV-1a of the id's bytes, folded to 32 bits.
    private static func hash(_ id: UnsafeRawBufferPointer) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
