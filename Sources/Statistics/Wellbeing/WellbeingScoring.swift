import Surveys

/// How the detailed wellbeing statistics read a codebook's answers, shared by the parts of
/// ``WellbeingAccumulator``: the sections in order with their items laid end to end, and per item
/// and raw code the score (reversed, rescaled) and whether it counts as positive.
struct WellbeingScoring: Sendable {
    /// Per flat section: its block.
    let sectionBlock: [Int]
    /// The items of every section laid end to end: section `s` holds
    /// `flatItems[sectionStart[s]..<sectionStart[s + 1]]` (the per-respondent loop touches no nested array).
    let flatItems: [Int]
    let sectionStart: [Int]
    /// Per flat section: the position of its first item within its block.
    let sectionOffset: [Int]
    /// Per block: its number of items.
    let blockSizes: [Int]
    /// Per item and raw code (`item * 256 + code`): the score and whether it counts as positive,
    /// so that a stored answer is decoded with two lookups.
    let scoreTable: [Double]
    let positiveTable: [Bool]
    /// Per block: the largest score in magnitude when every score of its items' scale points is
    /// a whole number, else `nil` (``ExactPairSums``).
    let largestScore: [Int?]
    /// Per flat section: the index value that counts as a favourable climate, the midpoint of
    /// the section's scale (3,5 on 1–6; 50 on a section rescaled to 0–100).
    let indexCuts: [Double]

    init(codebook: Codebook) {
        var sectionItems: [[Int]] = []
        var sectionBlock: [Int] = []
        for (b, block) in codebook.blocks.enumerated() {
            for s in block.sections.indices {
                sectionItems.append(codebook.itemIndexes(block: b, section: s))
                sectionBlock.append(b)
            }
        }
        self.sectionBlock = sectionBlock
        flatItems = sectionItems.flatMap { $0 }
        sectionStart = sectionItems.reduce(into: [0]) { starts, items in starts.append(starts.last! + items.count) }
        var scoreTable = [Double](repeating: 0, count: codebook.items.count * 256)
        var positiveTable = [Bool](repeating: false, count: codebook.items.count * 256)
        for item in codebook.items.indices {
            let positiveFrom = codebook.scale(ofItem: item).positiveFrom
            for code in 0..<Int(AnswerCode.dontKnow) {
                scoreTable[item * 256 + code] = codebook.score(raw: code, item: item)
                positiveTable[item * 256 + code] = codebook.scoredPoint(raw: code, item: item) >= positiveFrom
            }
        }
        self.scoreTable = scoreTable
        self.positiveTable = positiveTable
        var blockSizes = [Int](repeating: 0, count: codebook.blocks.count)
        var sectionOffset: [Int] = []
        var largestScore = [Int?](repeating: 0, count: codebook.blocks.count)
        for (section, items) in sectionItems.enumerated() {
            let block = sectionBlock[section]
            sectionOffset.append(blockSizes[block])
            blockSizes[block] += items.count
            for item in items {
                for code in codebook.scale(ofItem: item).points where code >= 0 && code < Int(AnswerCode.dontKnow) {
                    let score = scoreTable[item * 256 + code]
                    let whole = score.magnitude <= 1024 && score.rounded(.towardZero) == score
                    largestScore[block] = whole ? largestScore[block].map { max($0, Int(score.magnitude)) } : nil
                }
            }
        }
        self.sectionOffset = sectionOffset
        self.blockSizes = blockSizes
        self.largestScore = largestScore
        indexCuts = sectionItems.map { items in
            items.first.map { let range = codebook.scoreRange(ofItem: $0); return (range.lowerBound + range.upperBound) / 2 } ?? 0
        }
    }

    /// Number of flat sections.
    var sectionCount: Int { sectionBlock.count }
    /// The number of items of flat section `section`.
    func itemCount(section: Int) -> Int { sectionStart[section + 1] - sectionStart[section] }
}
