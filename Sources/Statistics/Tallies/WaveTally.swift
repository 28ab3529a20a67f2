import Surveys

/// Answer counts of one wave (or several pooled): per item and per raw code, plus how many
/// respondents answered at least one item of each section and block.
///
/// Everything in the first part of the wellbeing statistics derives from these counts, so one
/// pass over the stored answers suffices whatever the number of respondents.
public struct WaveTally: Sendable, Equatable {
    /// Number of codebook items.
    public let itemCount: Int
    /// Counts indexed by `item * 256 + code` (raw codes, 253 don't know, 254 not applicable, 255 missing).
    public private(set) var counts: [Int]
    /// Respondents added.
    public private(set) var respondents = 0
    /// Per flat section index: respondents who answered at least one of its items.
    public private(set) var sectionRespondents: [Int]
    /// Per block: respondents who answered at least one of its items.
    public private(set) var blockRespondents: [Int]
    private let sectionOfItem: [Int]
    private let blockOfSection: [Int]

    /// An empty tally for a codebook's items.
    public init(codebook: Codebook) {
        itemCount = codebook.items.count
        counts = [Int](repeating: 0, count: itemCount * 256)
        var sectionOfItem: [Int] = []
        var blockOfSection: [Int] = []
        for (b, block) in codebook.blocks.enumerated() {
            for section in block.sections {
                sectionOfItem += Array(repeating: blockOfSection.count, count: section.items.count)
                blockOfSection.append(b)
            }
        }
        self.sectionOfItem = sectionOfItem
        self.blockOfSection = blockOfSection
        sectionRespondents = [Int](repeating: 0, count: blockOfSection.count)
        blockRespondents = [Int](repeating: 0, count: codebook.blocks.count)
    }

    /// Adds one respondent's answer codes (one byte per item, in codebook order).
    public mutating func add(answers: UnsafeRawBufferPointer) {
        precondition(answers.count == itemCount, "answer row of \(answers.count) bytes for \(itemCount) items")
        respondents += 1
        var lastSection = -1
        var lastBlock = -1
        counts.withUnsafeMutableBufferPointer { counts in
            for item in 0..<itemCount {
                let code = answers[item]
                counts[item &* 256 &+ Int(code)] &+= 1
                guard AnswerCode.isPoint(code) else { continue }
                let section = sectionOfItem[item]
                if section != lastSection {
                    sectionRespondents[section] += 1
                    lastSection = section
                    let block = blockOfSection[section]
                    if block != lastBlock {
                        blockRespondents[block] += 1
                        lastBlock = block
                    }
                }
            }
        }
    }

    /// Adds one respondent's answers given as an array (tests, small data).
    public mutating func add(answers: [UInt8]) {
        answers.withUnsafeBytes { add(answers: $0) }
    }

    /// How many respondents gave raw code `code` to item `item`.
    public func count(item: Int, code: UInt8) -> Int {
        counts[item * 256 + Int(code)]
    }
}
