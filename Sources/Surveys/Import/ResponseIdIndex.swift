/// A set of respondent ids, each with a tag (the line it was read on, or its position in a stored
/// file), kept so that memory does not grow with the file for the usual numberings and is exact
/// for every id: a repeated id is always found, a distinct one never.
///
/// Plain decimal ids (no leading zero, so that `7` and `007` stay two ids; up to 18 digits) that
/// keep growing, as most tools number responses, go to ``AscendingIds`` (no hashing, 16 bytes per
/// 128 consecutive ids); a decimal id below the largest so far goes to a hash table, and any other
/// id to ``TextIds``.
package struct ResponseIdIndex: Sendable {
    private var ascending = AscendingIds()
    private var numbers: [UInt64: Int32] = [:]
    private var texts = TextIds()

    package init() {}

    package var count: Int { ascending.count + numbers.count + texts.count }

    /// Adds `id` with `tag` unless it is here already: then returns the tag it was added with.
    package mutating func insert(_ id: UnsafeRawBufferPointer, tag: Int32) -> Int32? {
        guard let number = Self.decimal(id) else { return texts.insert(id, tag: tag) }
        return insert(number, tag: tag)
    }

    private mutating func insert(_ number: UInt64, tag: Int32) -> Int32? {
        // Every number in the hash table is below the largest ascending one.
        if ascending.isEmpty || number > ascending.last {
            ascending.append(number, tag: tag)
            return nil
        }
        if let earlier = ascending.tag(of: number) { return earlier }
        if let earlier = numbers.updateValue(tag, forKey: number) {
            numbers[number] = earlier
            return earlier
        }
        return nil
    }

    /// The tag of `id`, if it is here.
    package func tag(of id: UnsafeRawBufferPointer) -> Int32? {
        guard let number = Self.decimal(id) else { return texts.tag(of: id) }
        return tag(of: number)
    }

    private func tag(of number: UInt64) -> Int32? {
        ascending.tag(of: number) ?? numbers[number]
    }

    /// Whether an id of `other` is also one of these.
    package func overlaps(_ other: ResponseIdIndex) -> Bool {
        // Ascending ids all above these (the usual case for the later part of a file) cannot
        // repeat one: the hash table's are below the largest ascending one too.
        let above = ascending.isEmpty || other.ascending.isEmpty || other.ascending.first > ascending.last
        if !above {
            var found = false
            other.ascending.forEach { number, _ in found = found || tag(of: number) != nil }
            if found { return true }
        }
        if other.numbers.keys.contains(where: { tag(of: $0) != nil }) { return true }
        var found = false
        let (smaller, larger) = texts.count <= other.texts.count ? (texts, other.texts) : (other.texts, texts)
        smaller.forEach { id, _ in found = found || larger.tag(of: id) != nil }
        return found
    }

    /// Adds the ids of `later`, none of them one of these (``overlaps(_:)``), their tags moved
    /// by `offset` (the lines before the part `later` was read from).
    package mutating func append(_ later: ResponseIdIndex, offset: Int32) {
        later.ascending.forEach { number, tag in _ = insert(number, tag: tag &+ offset) }
        for (number, tag) in later.numbers { _ = insert(number, tag: tag &+ offset) }
        later.texts.forEach { id, tag in _ = texts.insert(id, tag: tag &+ offset) }
    }

    /// The id's value when it is written as a plain decimal number without leading zeros, up to
    /// 18 digits.
    private static func decimal(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= 18, bytes[0] != UInt8(ascii: "0") || bytes.count == 1 else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value &* 10 &+ UInt64(byte &- 0x30)
        }
        return value
    }
}
