/// The memory an import session works in row by row: which column holds which item, the row's
/// answer and demographic codes, and the counts of answers that are no point of the scale.
///
/// Plain memory owned by this object and reached through pointers, so that a row costs no
/// reference counting, no uniqueness check and no bounds check (every index is below the counts
/// given at ``init(items:demographics:)`` and ``setColumns(_:)``, which size the memory). Each
/// session has its own: a later part of a file read in parts gets a ``copy()``, so that the two
/// threads never touch the same memory or the same reference count.
final class RowBuffers {
    /// Codebook items and demographic questions.
    let itemCount: Int
    let demographicCount: Int
    /// Item columns: `columns[entry]` is the column of item `items[entry]`.
    private(set) var entryCount = 0
    private(set) var columns: UnsafeMutablePointer<Int>
    private(set) var items: UnsafeMutablePointer<Int>
    /// The current row's code per item (missing for an item without a column) and per question.
    let answers: UnsafeMutablePointer<UInt8>
    let demographics: UnsafeMutablePointer<UInt8>
    /// Per item, the valid rows' answers coded don't know, not applicable and missing: at
    /// `(code - AnswerCode.dontKnow) * itemCount + item`.
    let specialCounts: UnsafeMutablePointer<Int>

    init(items: Int, demographics: Int) {
        itemCount = items
        demographicCount = demographics
        columns = .allocate(capacity: 1)
        self.items = .allocate(capacity: 1)
        answers = .allocate(capacity: max(items, 1))
        answers.initialize(repeating: AnswerCode.missing, count: max(items, 1))
        self.demographics = .allocate(capacity: max(demographics, 1))
        self.demographics.initialize(repeating: 0, count: max(demographics, 1))
        specialCounts = .allocate(capacity: max(items * 3, 1))
        specialCounts.initialize(repeating: 0, count: max(items * 3, 1))
    }

    deinit {
        columns.deallocate()
        items.deallocate()
        answers.deallocate()
        demographics.deallocate()
        specialCounts.deallocate()
    }

    /// Sets the item columns, once the header is read.
    func setColumns(_ entries: [(column: Int, item: Int)]) {
        precondition(entries.allSatisfy { $0.item >= 0 && $0.item < itemCount }, "an item outside the codebook")
        columns.deallocate()
        items.deallocate()
        entryCount = entries.count
        columns = .allocate(capacity: max(entries.count, 1))
        items = .allocate(capacity: max(entries.count, 1))
        for (entry, pair) in entries.enumerated() {
            columns[entry] = pair.column
            items[entry] = pair.item
        }
    }

    /// Buffers for another session over the same columns: the same codes so far, no counts.
    func copy() -> RowBuffers {
        let copy = RowBuffers(items: itemCount, demographics: demographicCount)
        copy.setColumns((0..<entryCount).map { (columns[$0], items[$0]) })
        copy.answers.update(from: answers, count: itemCount)
        copy.demographics.update(from: demographics, count: demographicCount)
        return copy
    }

    /// Counts the current row's answers that are no point of the scale.
    func countSpecialAnswers() {
        for entry in 0..<entryCount {
            let item = items[entry]
            let code = answers[item]
            if code >= AnswerCode.dontKnow { specialCounts[Int(code &- AnswerCode.dontKnow) &* itemCount &+ item] &+= 1 }
        }
    }

    /// The valid rows' answers of `item` coded `code` (don't know, not applicable or missing).
    func count(of code: UInt8, item: Int) -> Int {
        specialCounts[Int(code - AnswerCode.dontKnow) * itemCount + item]
    }

    /// Adds the counts of `other`, a session over the same codebook.
    func addCounts(_ other: RowBuffers) {
        for index in 0..<itemCount * 3 { specialCounts[index] += other.specialCounts[index] }
    }
}
