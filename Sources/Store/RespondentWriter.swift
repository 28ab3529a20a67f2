import Surveys

/// The sink of an import on either engine: hands each validated response to the engine's
/// ``RowWriter``, keeping its content fingerprint and checking its id against the survey's stored
/// respondents.
struct RespondentWriter: ResponseSink {
    let rows: any RowWriter
    /// The fingerprint of every row written, in file order.
    let fingerprints = FingerprintSpool()
    /// The survey's stored respondents, and this file's repeats of them.
    private(set) var stored: StoredRespondents

    init(rows: any RowWriter, stored: StoredRespondents) {
        self.rows = rows
        self.stored = stored
    }

    mutating func begin(_ layout: ResponseLayout) throws {}

    mutating func add(_ response: ResponseRow) throws {
        let fingerprint = RowFingerprint.of(answers: response.answers, demographics: response.demographics)
        try fingerprints.append(fingerprint)
        if !response.responseId.isEmpty && !stored.isEmpty {
            stored.check(id: response.responseId, fingerprint: fingerprint, line: response.line)
        }
        try rows.write(line: response.line, answers: response.answers, demographics: response.demographics, responseId: response.responseId)
    }

    /// Ends the rows (``RowWriter/finish()``).
    func finish() throws {
        try rows.finish()
    }
}
