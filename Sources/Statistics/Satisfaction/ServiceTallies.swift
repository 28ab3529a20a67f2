import Surveys

/// Answer counts of one year's responses split by service: one ``WaveTally`` per service option,
/// filled in one pass over the stored answers.
public struct ServiceTallies: Sendable, Equatable {
    /// The position of the service question in ``Codebook/demographics``.
    public let serviceQuestion: Int
    /// Per stored service code: 0 for a response that names no service, then the options in order.
    public private(set) var byService: [WaveTally]

    /// Empty tallies for a satisfaction codebook; `nil` when it has no service question.
    public init?(codebook: Codebook) {
        guard let question = codebook.serviceQuestionIndex else { return nil }
        serviceQuestion = question
        byService = Array(repeating: WaveTally(codebook: codebook), count: codebook.demographics[question].options.count + 1)
    }

    /// Adds one response: its answer bytes (one per item) and demographic bytes (one per question).
    /// A service code the codebook does not know counts as "no service".
    public mutating func add(answers: UnsafeRawBufferPointer, demographics: UnsafeRawBufferPointer) {
        var service = serviceQuestion < demographics.count ? Int(demographics[serviceQuestion]) : 0
        if service >= byService.count { service = 0 }
        byService[service].add(answers: answers)
    }

    /// Adds one response given as arrays (tests, small data).
    public mutating func add(answers: [UInt8], demographics: [UInt8]) {
        answers.withUnsafeBytes { answerBytes in
            demographics.withUnsafeBytes { add(answers: answerBytes, demographics: $0) }
        }
    }

    /// The tally of the service with 1-based option `service`.
    public func tally(service: Int) -> WaveTally { byService[service] }

    /// Responses that name no known service.
    public var unassigned: Int { byService[0].respondents }
}
