/// The columns of an export that identify each response and date its submission, recognised
/// from the header rows alone (never from the values), so that it does not depend on how item
/// columns are matched.
///
/// A column is looked up by its first-row header, or by the second row where the first holds
/// only a position name (Qualtrics legacy `V1`…) or nothing (SurveyMonkey); in LimeSurvey's
/// "code & text" headings (`id. Response ID`) the code counts too. Where a tool writes two
/// identifying columns, the stronger wins (Kobo `_uuid` over `_id`, ODK `KEY` over
/// `meta-instanceID`, Qualtrics `RecordedDate` over `EndDate`); two columns of the same strength
/// are ambiguous and none is used, with a notice.
package struct ResponseIdentity: Sendable, Equatable {
    /// A recognised column: position and header as in the file.
    package struct Column: Sendable, Equatable {
        package var index: Int
        package var header: String
    }

    /// The column holding the tool's response id, if any.
    package var id: Column?
    /// The column holding the submission date and time, if any.
    package var date: Column?
    /// Why a column that looked like one of them was not used.
    package var notices: [String] = []

    /// Response-id headers (normalised with `TextKey.text`), strongest first.
    static let idHeaders: [Set<String>] = [
        ["id", "response id", "responseid", "respondent id", "id della risposta", "id risposta", "_uuid", "key"],
        ["meta-instanceid", "meta/instanceid", "meta_instanceid", "instanceid"],
        ["_id"],
    ]

    /// Submission-date headers, strongest first. LimeSurvey's `submitdate` (not `startdate` or
    /// `datestamp`, the last action), Qualtrics `RecordedDate` then `EndDate`, Google Forms'
    /// timestamp in several locales, Microsoft Forms' completion time, SurveyMonkey's `End Date`,
    /// Kobo's `_submission_time`, ODK Central's `SubmissionDate`.
    static let dateHeaders: [Set<String>] = [
        ["submitdate", "date submitted", "data di invio", "data invio", "recordeddate", "timestamp",
         "informazioni cronologiche", "marca temporal", "marca de tiempo", "horodateur", "zeitstempel",
         "carimbo de data/hora", "tijdstempel", "completion time", "ora di completamento", "end date",
         "_submission_time", "submissiondate"],
        ["enddate"],
    ]

    /// Recognises the columns from the header rows; columns in `excluded` (those assigned to items
    /// or demographic questions) are never taken.
    package init(headerRows: [[String]], excluded: Set<Int> = []) {
        guard let first = headerRows.first else { return }
        var idCandidates: [(tier: Int, column: Column)] = []
        var dateCandidates: [(tier: Int, column: Column)] = []
        for (index, header) in first.enumerated() where !excluded.contains(index) {
            var cell = header
            var name = header
            if headerRows.count > 1, index < headerRows[1].count {
                if header.trimmingWhitespace().isEmpty {
                    cell = headerRows[1][index]
                    name = cell
                } else if Self.isPositionName(header) {
                    cell = headerRows[1][index]
                    name = "\(header) (\(cell))"
                }
            }
            let keys = Self.keys(cell)
            let column = Column(index: index, header: name)
            if let tier = Self.idHeaders.firstIndex(where: { !$0.isDisjoint(with: keys) }) { idCandidates.append((tier, column)) }
            if let tier = Self.dateHeaders.firstIndex(where: { !$0.isDisjoint(with: keys) }) { dateCandidates.append((tier, column)) }
        }
        id = choose(idCandidates, role: "respondent-id", consequence: "respondent ids are not kept or checked for repeats")
        date = choose(dateCandidates, role: "submission-date", consequence: "submission dates are not read")
    }

    private mutating func choose(_ candidates: [(tier: Int, column: Column)], role: String, consequence: String) -> Column? {
        guard let best = candidates.map(\.tier).min() else { return nil }
        let strongest = candidates.filter { $0.tier == best }.map(\.column)
        if strongest.count == 1 { return strongest[0] }
        let names = strongest.map { "\($0.index + 1) \(TextExcerpt.quoted($0.header))" }.joined(separator: ", ")
        notices.append("columns \(names) could each be the \(role) column: \(consequence)")
        return nil
    }

    /// The header's normalised text and, for a code & text heading (`submitdate. Date submitted`),
    /// its code.
    static func keys(_ header: String) -> Set<String> {
        var keys: Set<String> = [TextKey.text(header)]
        if let separator = header.range(of: ". ") {
            let code = header[..<separator.lowerBound]
            if !code.isEmpty && !code.contains(" ") { keys.insert(TextKey.text(String(code))) }
        }
        return keys
    }

    /// `V1`, `V2`…: Qualtrics legacy column names, whose meaning is in the second header row.
    static func isPositionName(_ header: String) -> Bool {
        let scalars = Array(header.unicodeScalars)
        guard scalars.count >= 2, scalars[0] == "V" else { return false }
        return scalars.dropFirst().allSatisfy { ("0"..."9").contains($0) }
    }
}
