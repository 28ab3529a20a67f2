import Surveys

/// Respondents cross-classified by every breakdown dimension of a codebook: per profile (one group
/// per demographic question, "not stated" last; then, when the survey has unit waves, the unit,
/// "in no unit" last) the respondents and each item's valid answers. The cells under every
/// breakdown, which ``DimensionSuppression`` plans.
package struct CrossTallies: Sendable, Equatable {
    /// Groups per dimension: a question's options, then "not stated"; the units, then "in no unit".
    let groupCounts: [Int]
    /// Groups per dimension that a breakdown shows: all of a question's, the units without "in no unit".
    let publishedGroupCounts: [Int]
    /// The profiles met, in order of first appearance: a group index per dimension.
    package private(set) var profiles: [[Int]] = []
    /// Respondents per profile.
    package private(set) var respondents: [Int] = []
    /// Per profile, per item: the answers on the item's scale (what an item mean counts).
    package private(set) var answered: [[Int]] = []
    private var position: [[Int]: Int] = [:]
    private let valid: [[Bool]]
    private let questions: Int

    /// Empty tallies for a codebook; `units` units (0: no unit dimension).
    package init(codebook: Codebook, units: Int = 0) {
        questions = codebook.demographics.count
        let options = codebook.demographics.map { $0.options.count + 1 }
        groupCounts = options + (units > 0 ? [units + 1] : [])
        publishedGroupCounts = options + (units > 0 ? [units] : [])
        valid = codebook.items.indices.map { item in
            let points = codebook.scale(ofItem: item).points
            return (0..<256).map { points.contains($0) }
        }
    }

    /// The index of the unit dimension in ``groupCounts``, when there is one.
    package var unitDimension: Int? { groupCounts.count > questions ? questions : nil }

    /// Adds one response: answer bytes (one per item), demographic bytes (one per question, 0 or
    /// a code the codebook does not know for no answer, as ``DemographicTallies`` reads them) and
    /// its unit (an index, or nil for a whole-body wave).
    package mutating func add(answers: UnsafeRawBufferPointer, demographics: UnsafeRawBufferPointer, unit: Int? = nil) {
        let index = cell(demographics: demographics, unit: unit)
        respondents[index] += 1
        for item in valid.indices where item < answers.count && valid[item][Int(answers[item])] { answered[index][item] += 1 }
    }

    /// Moves one response of a unit wave out of the whole-body wave's people it is among (its
    /// profile "in no unit") into its unit, as the unit waves' people are counted in the whole
    /// body's. Counts already at zero stay there.
    package mutating func move(answers: UnsafeRawBufferPointer, demographics: UnsafeRawBufferPointer, toUnit unit: Int) {
        let from = cell(demographics: demographics, unit: nil)
        respondents[from] = max(0, respondents[from] - 1)
        for item in valid.indices where item < answers.count && valid[item][Int(answers[item])] {
            answered[from][item] = max(0, answered[from][item] - 1)
        }
        add(answers: answers, demographics: demographics, unit: unit)
    }

    /// Adds one response given as arrays (tests).
    package mutating func add(answers: [UInt8], demographics: [UInt8], unit: Int? = nil) {
        answers.withUnsafeBytes { a in demographics.withUnsafeBytes { d in add(answers: a, demographics: d, unit: unit) } }
    }

    private mutating func cell(demographics: UnsafeRawBufferPointer, unit: Int?) -> Int {
        var profile = (0..<questions).map { question -> Int in
            let code = question < demographics.count ? Int(demographics[question]) : 0
            return code == 0 || code >= groupCounts[question] ? groupCounts[question] - 1 : code - 1
        }
        if let dimension = unitDimension { profile.append(unit ?? groupCounts[dimension] - 1) }
        if let known = position[profile] { return known }
        position[profile] = profiles.count
        profiles.append(profile)
        respondents.append(0)
        answered.append([Int](repeating: 0, count: valid.count))
        return profiles.count - 1
    }
}
