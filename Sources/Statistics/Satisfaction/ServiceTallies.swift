import Surveys

/// Answer counts of one year's responses split by service: ``DemographicTallies`` over the
/// codebook's service question.
package struct ServiceTallies: Sendable, Equatable {
    private var split: DemographicTallies

    /// Empty tallies for a satisfaction codebook; `nil` when it has no service question.
    package init?(codebook: Codebook) {
        guard let question = codebook.serviceQuestionIndex else { return nil }
        split = DemographicTallies(codebook: codebook, question: question)
    }

    /// Adds one response: its answer bytes (one per item) and demographic bytes (one per question).
    /// A service code the codebook does not know counts as "no service". `weight` is the
    /// response's post-stratification weight when the figures are weighted.
    package mutating func add(answers: UnsafeRawBufferPointer, demographics: UnsafeRawBufferPointer, weight: Double? = nil) {
        split.add(answers: answers, demographics: demographics, weight: weight)
    }

    /// Adds one response given as arrays (tests only).
    mutating func add(answers: [UInt8], demographics: [UInt8]) {
        answers.withUnsafeBytes { answerBytes in
            demographics.withUnsafeBytes { add(answers: answerBytes, demographics: $0) }
        }
    }

    /// Adds the responses of `other`, tallies of the same codebook (unweighted only, as
    /// ``WaveTally/append(_:)``). Returns whether it added; on `false` nothing changed.
    package mutating func append(_ other: ServiceTallies) -> Bool {
        split.append(other.split)
    }

    /// The tally of the service with 1-based option `service`.
    package func tally(service: Int) -> WaveTally { split.tally(code: service) }

    /// Responses that name no known service.
    package var unassigned: Int { split.tally(code: 0).respondents }
}
