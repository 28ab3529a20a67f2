import Surveys

/// The part of ``WellbeingAccumulator`` read respondent by respondent from their own answers:
/// answer counts, section and block indexes, and the pooled % positive.
struct WellbeingIndexes: Sendable {
    let scoring: WellbeingScoring
    /// Answer counts (means, distributions, percentages).
    private(set) var tally: WaveTally
    /// Per flat section: the respondents' section indexes.
    private(set) var sectionIndexes: [Moments]
    /// Per flat section: respondents whose index is at least its cut (their Σ w when weighted).
    private(set) var sectionIndexAtLeastCut: [Double]
    /// Per block: the respondents' block indexes.
    private(set) var blockIndexes: [Moments]
    /// Per flat section and per block: the respondents' positive and valid answers, for the
    /// interval of the pooled % positive.
    private(set) var sectionPositives: [ClusteredProportion]
    private(set) var blockPositives: [ClusteredProportion]
    private var blockPositiveCount = 0
    private var blockAnswerCount = 0

    init(scoring: WellbeingScoring, tally: WaveTally) {
        self.scoring = scoring
        self.tally = tally
        sectionIndexes = Array(repeating: Moments(), count: scoring.sectionCount)
        sectionIndexAtLeastCut = Array(repeating: 0, count: scoring.sectionCount)
        blockIndexes = Array(repeating: Moments(), count: scoring.blockSizes.count)
        sectionPositives = Array(repeating: ClusteredProportion(), count: scoring.sectionCount)
        blockPositives = Array(repeating: ClusteredProportion(), count: scoring.blockSizes.count)
    }

    /// Adds one respondent's raw answer codes (one byte per item, in codebook order).
    mutating func add(answers: UnsafeRawBufferPointer, weight: Double?) {
        tally.add(answers: answers, weight: weight)
        let scoring = scoring
        var blockSum = 0.0
        var blockCount = 0
        var currentBlock = scoring.sectionBlock.first ?? 0
        for section in scoring.sectionBlock.indices {
            if scoring.sectionBlock[section] != currentBlock {
                finishBlock(currentBlock, sum: blockSum, count: blockCount, weight: weight)
                currentBlock = scoring.sectionBlock[section]
                blockSum = 0
                blockCount = 0
            }
            var sum = 0.0
            var answered = 0
            var positive = 0
            let first = scoring.sectionStart[section]
            let itemCount = scoring.sectionStart[section + 1] - first
            for position in 0..<itemCount {
                let item = scoring.flatItems[first + position]
                let code = answers[item]
                guard AnswerCode.isPoint(code) else { continue }
                let cell = item &* 256 &+ Int(code)
                if scoring.positiveTable[cell] { positive += 1 }
                sum += scoring.scoreTable[cell]
                answered += 1
            }
            sectionPositives[section].add(successes: positive, answers: answered, weight: weight)
            blockPositiveCount += positive
            blockAnswerCount += answered
            if answered * 2 >= itemCount && answered > 0 {
                let index = sum / Double(answered)
                if let weight { sectionIndexes[section].add(index, weight: weight) } else { sectionIndexes[section].add(index) }
                if index >= scoring.indexCuts[section] { sectionIndexAtLeastCut[section] += weight ?? 1 }
                blockSum += index
                blockCount += 1
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
    }
}
