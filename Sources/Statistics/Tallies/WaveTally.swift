import Surveys

/// Answer counts of one wave (or several pooled): per item and per raw code, plus how many
/// respondents answered at least one item of each section and block.
///
/// Everything in the first part of the wellbeing statistics derives from these counts, so one
/// pass over the stored answers suffices whatever the number of respondents. With
/// post-stratification weights (``add(answers:weight:)``) the counts stay the respondents' own, and
/// the sums of their weights are kept beside them for the weighted means and shares.
package struct WaveTally: Sendable, Equatable {
    /// Number of codebook items.
    package let itemCount: Int
    /// Counts indexed by `item * 256 + code` (raw codes, 253 don't know, 254 not applicable, 255 missing).
    package private(set) var counts: [Int]
    /// Respondents added.
    package private(set) var respondents = 0
    /// Per flat section index: respondents who answered at least one of its items.
    package private(set) var sectionRespondents: [Int]
    /// Per block: respondents who answered at least one of its items.
    package private(set) var blockRespondents: [Int]
    /// Whether respondents were added with weights.
    package private(set) var isWeighted = false
    /// Σ w indexed as ``counts`` (equal to the counts when unweighted).
    package var weights: [Double] { isWeighted ? storedWeights : counts.map(Double.init) }
    /// Σ w² indexed as ``counts`` (equal to the counts when unweighted).
    var squaredWeights: [Double] { isWeighted ? storedSquaredWeights : counts.map(Double.init) }
    /// The sums of weights, kept only once a weighted respondent is added: unweighted, each is a
    /// sum of ones, the count itself (exactly, below 2⁵³), so the per-answer loop adds counts only.
    private var storedWeights: [Double] = []
    private var storedSquaredWeights: [Double] = []
    /// The weights of all respondents added.
    private(set) var respondentWeights = WeightTotals()
    /// Per flat section and per block: the weights of the respondents counted in
    /// ``sectionRespondents`` and ``blockRespondents``.
    private(set) var sectionWeights: [WeightTotals]
    private(set) var blockWeights: [WeightTotals]
    private let sectionOfItem: [Int]
    private let blockOfSection: [Int]

    /// An empty tally for a codebook's items.
    package init(codebook: Codebook) {
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
        sectionWeights = Array(repeating: WeightTotals(), count: blockOfSection.count)
        blockWeights = Array(repeating: WeightTotals(), count: codebook.blocks.count)
    }

    /// Adds one respondent's answer codes (one byte per item, in codebook order), with its
    /// post-stratification weight when the figures are weighted.
    package mutating func add(answers: UnsafeRawBufferPointer, weight: Double? = nil) {
        precondition(answers.count == itemCount, "answer row of \(answers.count) bytes for \(itemCount) items")
        if weight != nil && !isWeighted {
            // The respondents added so far weighed 1 each.
            storedWeights = counts.map(Double.init)
            storedSquaredWeights = storedWeights
            isWeighted = true
        }
        guard isWeighted else { return addUnweighted(answers) }
        let w = weight ?? 1
        let w2 = w * w
        respondents += 1
        respondentWeights.add(w)
        var lastSection = -1
        var lastBlock = -1
        counts.withUnsafeMutableBufferPointer { counts in
            storedWeights.withUnsafeMutableBufferPointer { weights in
                storedSquaredWeights.withUnsafeMutableBufferPointer { squaredWeights in
                    for item in 0..<itemCount {
                        let code = answers[item]
                        let cell = item &* 256 &+ Int(code)
                        counts[cell] &+= 1
                        weights[cell] += w
                        squaredWeights[cell] += w2
                        guard AnswerCode.isPoint(code) else { continue }
                        let section = sectionOfItem[item]
                        if section != lastSection {
                            sectionRespondents[section] += 1
                            sectionWeights[section].add(w)
                            lastSection = section
                            let block = blockOfSection[section]
                            if block != lastBlock {
                                blockRespondents[block] += 1
                                blockWeights[block].add(w)
                                lastBlock = block
                            }
                        }
                    }
                }
            }
        }
    }

    /// ``add(answers:weight:)`` for a respondent of weight 1 while no weighted one has been added.
    private mutating func addUnweighted(_ answers: UnsafeRawBufferPointer) {
        respondents += 1
        respondentWeights.add(1)
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
                    sectionWeights[section].add(1)
                    lastSection = section
                    let block = blockOfSection[section]
                    if block != lastBlock {
                        blockRespondents[block] += 1
                        blockWeights[block].add(1)
                        lastBlock = block
                    }
                }
            }
        }
    }

    /// Adds the respondents of `other`, a tally of the same codebook, as if each had been added
    /// here in turn (a file read in parts, one tally per part). Only unweighted tallies are
    /// added: their sums of weights are counts, exact in any order; sums of other weights could
    /// differ in their last bit from one respondent after the other. Returns whether it added.
    package mutating func append(_ other: WaveTally) -> Bool {
        guard !isWeighted, !other.isWeighted, other.itemCount == itemCount,
              other.sectionRespondents.count == sectionRespondents.count else { return false }
        for cell in counts.indices { counts[cell] &+= other.counts[cell] }
        respondents += other.respondents
        respondentWeights = respondentWeights + other.respondentWeights
        for section in sectionRespondents.indices {
            sectionRespondents[section] += other.sectionRespondents[section]
            sectionWeights[section] = sectionWeights[section] + other.sectionWeights[section]
        }
        for block in blockRespondents.indices {
            blockRespondents[block] += other.blockRespondents[block]
            blockWeights[block] = blockWeights[block] + other.blockWeights[block]
        }
        return true
    }

    /// Adds one respondent's answers given as an array (tests only).
    mutating func add(answers: [UInt8], weight: Double? = nil) {
        answers.withUnsafeBytes { add(answers: $0, weight: weight) }
    }

    /// How many respondents gave raw code `code` to item `item`.
    package func count(item: Int, code: UInt8) -> Int {
        counts[item * 256 + Int(code)]
    }

    /// Σ w (Σ w² with `squared`) of the respondents who gave raw code `code` to item `item`.
    package func weight(item: Int, code: UInt8, squared: Bool = false) -> Double {
        guard isWeighted else { return Double(counts[item * 256 + Int(code)]) }
        return (squared ? storedSquaredWeights : storedWeights)[item * 256 + Int(code)]
    }
}
