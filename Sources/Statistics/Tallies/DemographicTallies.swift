import Surveys

/// Answer counts split by the answer to one demographic question (service, gender, age band…):
/// one ``WaveTally`` per stored code, filled in one pass over the stored answers.
package struct DemographicTallies: Sendable, Equatable {
    /// The position of the question in ``Codebook/demographics``.
    package let question: Int
    /// Per stored code: 0 for a response that gives no answer, then the options in order.
    package private(set) var byCode: [WaveTally]

    /// Empty tallies for question `question` of a codebook.
    package init(codebook: Codebook, question: Int) {
        self.question = question
        byCode = Array(repeating: WaveTally(codebook: codebook), count: codebook.demographics[question].options.count + 1)
    }

    /// Adds one response: its answer bytes (one per item) and demographic bytes (one per question).
    /// A code the codebook does not know counts as no answer. `weight` is the response's
    /// post-stratification weight when the figures are weighted.
    package mutating func add(answers: UnsafeRawBufferPointer, demographics: UnsafeRawBufferPointer, weight: Double? = nil) {
        var code = question < demographics.count ? Int(demographics[question]) : 0
        if code >= byCode.count { code = 0 }
        byCode[code].add(answers: answers, weight: weight)
    }

    /// Adds the responses of `other`, tallies of the same question, as ``WaveTally/append(_:)``
    /// does (unweighted only). Returns whether it added; on `false` nothing changed.
    package mutating func append(_ other: DemographicTallies) -> Bool {
        guard other.question == question, other.byCode.count == byCode.count,
              !byCode.contains(where: \.isWeighted), !other.byCode.contains(where: \.isWeighted) else { return false }
        for code in byCode.indices {
            guard byCode[code].append(other.byCode[code]) else { return false }
        }
        return true
    }

    /// The tally of the respondents who chose 1-based option `code` (0: no answer).
    package func tally(code: Int) -> WaveTally { byCode[code] }
}
