import Surveys

/// The part of ``WellbeingAccumulator`` that relates a respondent's answers to one another: each
/// section's item covariances over complete cases (reliability) and each block's pairwise item
/// sums (the standard errors of section means and MEDIA).
///
/// Independent of ``WellbeingIndexes``, so that the two can take the same respondents, in the
/// same order, on two threads (``WellbeingAccumulator/covariation``).
package struct WellbeingCovariation: Sendable {
    let scoring: WellbeingScoring
    /// Per flat section: item covariances over complete cases (unweighted).
    private(set) var sectionCovariances: [CovarianceAccumulator]
    /// Per block: pairwise sums of its items, not yet settled (``ItemCoMoments/settled()``).
    private(set) var coMoments: [ItemCoMoments]
    private var scratch: [Double]
    private var blockValues: [Double]
    private var blockAnswered: [Bool]

    init(scoring: WellbeingScoring) {
        self.scoring = scoring
        sectionCovariances = scoring.sectionStart.indices.dropLast().map { CovarianceAccumulator(variables: scoring.itemCount(section: $0)) }
        coMoments = scoring.blockSizes.indices.map { ItemCoMoments(items: scoring.blockSizes[$0], largestScore: scoring.largestScore[$0]) }
        scratch = Array(repeating: 0, count: scoring.sectionStart.indices.dropLast().map { scoring.itemCount(section: $0) }.max() ?? 0)
        blockValues = Array(repeating: 0, count: scoring.blockSizes.max() ?? 0)
        blockAnswered = Array(repeating: false, count: scoring.blockSizes.max() ?? 0)
    }

    /// Adds one respondent's raw answer codes (one byte per item, in codebook order), with its
    /// post-stratification weight when the figures are weighted.
    package mutating func add(answers: UnsafeRawBufferPointer, weight: Double? = nil) {
        let scoring = scoring
        var currentBlock = scoring.sectionBlock.first ?? 0
        for section in scoring.sectionBlock.indices {
            if scoring.sectionBlock[section] != currentBlock {
                finishBlock(currentBlock, weight: weight)
                currentBlock = scoring.sectionBlock[section]
            }
            var answered = 0
            let offset = scoring.sectionOffset[section]
            let first = scoring.sectionStart[section]
            let itemCount = scoring.sectionStart[section + 1] - first
            for position in 0..<itemCount {
                let item = scoring.flatItems[first + position]
                let code = answers[item]
                blockAnswered[offset + position] = false
                guard AnswerCode.isPoint(code) else { continue }
                let scored = scoring.scoreTable[item &* 256 &+ Int(code)]
                scratch[position] = scored
                blockValues[offset + position] = scored
                blockAnswered[offset + position] = true
                answered += 1
            }
            if answered == itemCount {
                scratch.withUnsafeBufferPointer { row in
                    sectionCovariances[section].add(UnsafeBufferPointer(rebasing: row[0..<itemCount]))
                }
            }
        }
        finishBlock(currentBlock, weight: weight)
    }

    private mutating func finishBlock(_ block: Int, weight: Double?) {
        guard block < coMoments.count else { return }
        let size = coMoments[block].items
        blockValues.withUnsafeBufferPointer { values in
            blockAnswered.withUnsafeBufferPointer { flags in
                coMoments[block].add(values: UnsafeBufferPointer(rebasing: values[0..<size]),
                                     answered: UnsafeBufferPointer(rebasing: flags[0..<size]), weight: weight ?? 1)
            }
        }
    }
}
