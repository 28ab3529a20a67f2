import Surveys

/// What the detailed wellbeing statistics need from one pass over a group's respondents:
/// answer counts, per-respondent section and block indexes, and each section's item
/// covariances over the respondents who answered all its items.
///
/// - section index of a respondent: mean of their scored answers in the section, kept only when
///   they answered at least half of its items;
/// - block index: mean of the respondent's section indexes in the block;
/// - reliability uses complete cases (listwise deletion) per section.
///
/// Respondents added with a post-stratification weight weigh in every figure but reliability
/// (Cronbach's alpha describes the questionnaire, not the staff, and stays unweighted).
package struct WellbeingAccumulator: Sendable {
    /// Answer counts (means, distributions, percentages).
    package private(set) var tally: WaveTally
    /// Per flat section: the respondents' section indexes.
    private(set) var sectionIndexes: [Moments]
    /// Per flat section: respondents whose index is at least its ``indexCuts`` entry (their Σ w
    /// when weighted).
    package private(set) var sectionIndexAtLeastCut: [Double]
    /// Per block: the respondents' block indexes.
    private(set) var blockIndexes: [Moments]
    /// Per flat section: item covariances over complete cases.
    private(set) var sectionCovariances: [CovarianceAccumulator]
    /// Per flat section: the index value that counts as a favourable climate, the midpoint of
    /// the section's scale (3,5 on 1–6; 50 on a section rescaled to 0–100).
    let indexCuts: [Double]
    /// Per block: pairwise sums of its items (the standard errors of MEDIA and of the section means).
    private(set) var blockCoMoments: [ItemCoMoments]

    private let codebook: Codebook
    private let sectionItems: [[Int]]
    /// The items of every section laid end to end: section `s` holds
    /// `flatItems[sectionStart[s]..<sectionStart[s + 1]]` (the per-respondent loop touches no nested array).
    private let flatItems: [Int]
    private let sectionStart: [Int]
    /// Per item and raw code (`item * 256 + code`): the score (reversed, rescaled) and whether
    /// it counts as positive, so that a stored answer is decoded with two lookups.
    private let scoreTable: [Double]
    private let positiveTable: [Bool]
    private let sectionBlock: [Int]
    private var scratch: [Double]
    private var blockValues: [Double]
    private var blockAnswered: [Bool]
    /// Per flat section: the position of its first item within its block.
    private let sectionOffset: [Int]
    /// Per flat section and per block: the respondents' positive and valid answers, for the
    /// interval of the pooled % positive.
    private(set) var sectionPositives: [ClusteredProportion]
    private(set) var blockPositives: [ClusteredProportion]
    private var blockPositiveCount = 0
    private var blockAnswerCount = 0

    /// An empty accumulator for a codebook.
    package init(codebook: Codebook) {
        self.codebook = codebook
        tally = WaveTally(codebook: codebook)
        var sectionItems: [[Int]] = []
        var sectionBlock: [Int] = []
        for (b, block) in codebook.blocks.enumerated() {
            for s in block.sections.indices {
                sectionItems.append(codebook.itemIndexes(block: b, section: s))
                sectionBlock.append(b)
            }
        }
        self.sectionItems = sectionItems
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
        sectionIndexes = Array(repeating: Moments(), count: sectionItems.count)
        sectionIndexAtLeastCut = Array(repeating: 0, count: sectionItems.count)
        blockIndexes = Array(repeating: Moments(), count: codebook.blocks.count)
        sectionCovariances = sectionItems.map { CovarianceAccumulator(variables: $0.count) }
        var blockSizes = [Int](repeating: 0, count: codebook.blocks.count)
        var sectionOffset: [Int] = []
        for (section, items) in sectionItems.enumerated() {
            sectionOffset.append(blockSizes[sectionBlock[section]])
            blockSizes[sectionBlock[section]] += items.count
        }
        self.sectionOffset = sectionOffset
        sectionPositives = Array(repeating: ClusteredProportion(), count: sectionItems.count)
        blockPositives = Array(repeating: ClusteredProportion(), count: codebook.blocks.count)
        blockCoMoments = blockSizes.map { ItemCoMoments(items: $0) }
        scratch = Array(repeating: 0, count: sectionItems.map(\.count).max() ?? 0)
        indexCuts = sectionItems.map { items in
            items.first.map { let range = codebook.scoreRange(ofItem: $0); return (range.lowerBound + range.upperBound) / 2 } ?? 0
        }
        blockValues = Array(repeating: 0, count: blockSizes.max() ?? 0)
        blockAnswered = Array(repeating: false, count: blockSizes.max() ?? 0)
    }

    /// Adds one respondent's raw answer codes (one byte per item, in codebook order), with its
    /// post-stratification weight when the figures are weighted.
    package mutating func add(answers: UnsafeRawBufferPointer, weight: Double? = nil) {
        tally.add(answers: answers, weight: weight)
        var blockSum = 0.0
        var blockCount = 0
        var currentBlock = sectionBlock.first ?? 0
        for section in sectionBlock.indices {
            if sectionBlock[section] != currentBlock {
                finishBlock(currentBlock, sum: blockSum, count: blockCount, weight: weight)
                currentBlock = sectionBlock[section]
                blockSum = 0
                blockCount = 0
            }
            var sum = 0.0
            var answered = 0
            var positive = 0
            let offset = sectionOffset[section]
            let first = sectionStart[section]
            let itemCount = sectionStart[section + 1] - first
            for position in 0..<itemCount {
                let item = flatItems[first + position]
                let code = answers[item]
                blockAnswered[offset + position] = false
                guard AnswerCode.isPoint(code) else { continue }
                let cell = item &* 256 &+ Int(code)
                let scored = scoreTable[cell]
                scratch[position] = scored
                if positiveTable[cell] { positive += 1 }
                blockValues[offset + position] = scored
                blockAnswered[offset + position] = true
                sum += scored
                answered += 1
            }
            sectionPositives[section].add(successes: positive, answers: answered, weight: weight)
            blockPositiveCount += positive
            blockAnswerCount += answered
            if answered * 2 >= itemCount && answered > 0 {
                let index = sum / Double(answered)
                if let weight { sectionIndexes[section].add(index, weight: weight) } else { sectionIndexes[section].add(index) }
                if index >= indexCuts[section] { sectionIndexAtLeastCut[section] += weight ?? 1 }
                blockSum += index
                blockCount += 1
            }
            if answered == itemCount {
                scratch.withUnsafeBufferPointer { row in
                    sectionCovariances[section].add(UnsafeBufferPointer(rebasing: row[0..<itemCount]))
                }
            }
        }
        finishBlock(currentBlock, sum: blockSum, count: blockCount, weight: weight)
    }

    private mutating func finishBlock(_ block: Int, sum: Double, count: Int, weight: Double?) {
        guard block < blockIndexes.count else { return }
        if count > 0 {
            if let weight { blockIndexes[block].add(sum / Double(count), weight: weight) } else { blockIndexes[block].add(sum / Double(count)) }
        }
        blockPositives[block].add(successes: blockPositiveCount, answers: blockAnswerCount, weight: weight)
        blockPositiveCount = 0
        blockAnswerCount = 0
        let size = blockCoMoments[block].items
        blockValues.withUnsafeBufferPointer { values in
            blockAnswered.withUnsafeBufferPointer { flags in
                blockCoMoments[block].add(values: UnsafeBufferPointer(rebasing: values[0..<size]),
                                          answered: UnsafeBufferPointer(rebasing: flags[0..<size]), weight: weight ?? 1)
            }
        }
    }

    /// Adds one respondent's answers given as an array (tests only).
    mutating func add(answers: [UInt8], weight: Double? = nil) {
        answers.withUnsafeBytes { add(answers: $0, weight: weight) }
    }
}
