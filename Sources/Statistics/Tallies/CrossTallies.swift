import Surveys

/// Respondents cross-classified by every demographic question of a codebook: per profile (one
/// group per question, "not stated" last) the respondents and each item's valid answers. The
/// cells under every breakdown by a demographic question, which ``DimensionSuppression`` plans.
package struct CrossTallies: Sendable, Equatable {
    /// Groups per question: its options, then "not stated".
    package let groupCounts: [Int]
    /// The profiles met, in order of first appearance: a group index per question.
    package private(set) var profiles: [[Int]] = []
    /// Respondents per profile.
    package private(set) var respondents: [Int] = []
    /// Per profile, per item: the answers on the item's scale (what an item mean counts).
    package private(set) var answered: [[Int]] = []
    private var position: [[Int]: Int] = [:]
    private let valid: [[Bool]]

    /// Empty tallies for a codebook.
    package init(codebook: Codebook) {
        groupCounts = codebook.demographics.map { $0.options.count + 1 }
        valid = codebook.items.indices.map { item in
            let points = codebook.scale(ofItem: item).points
            return (0..<256).map { points.contains($0) }
        }
    }

    /// Adds one response: answer bytes (one per item) and demographic bytes (one per question,
    /// 0 or a code the codebook does not know for no answer, as ``DemographicTallies`` reads them).
    package mutating func add(answers: UnsafeRawBufferPointer, demographics: UnsafeRawBufferPointer) {
        let profile = groupCounts.indices.map { question -> Int in
            let code = question < demographics.count ? Int(demographics[question]) : 0
            return code == 0 || code >= groupCounts[question] ? groupCounts[question] - 1 : code - 1
        }
        let index: Int
        if let known = position[profile] {
            index = known
        } else {
            index = profiles.count
            position[profile] = index
            profiles.append(profile)
            respondents.append(0)
            answered.append([Int](repeating: 0, count: valid.count))
        }
        respondents[index] += 1
        for item in valid.indices where item < answers.count && valid[item][Int(answers[item])] { answered[index][item] += 1 }
    }

    /// Adds one response given as arrays (tests).
    package mutating func add(answers: [UInt8], demographics: [UInt8]) {
        answers.withUnsafeBytes { a in demographics.withUnsafeBytes { d in add(answers: a, demographics: d) } }
    }
}
