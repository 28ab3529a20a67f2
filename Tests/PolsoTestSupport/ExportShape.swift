import Surveys

/// The ways survey tools write the same responses; each builds the bytes of one export file.
public enum ExportShape: String, CaseIterable, Sendable, CustomStringConvertible {
    /// LimeSurvey: `;`, every field quoted, CRLF, BOM, `A01` headers, answer codes `A1`…`A6`.
    case limeSurveyCodes
    /// LimeSurvey: `A[SQ001]` headers (position inside the section), full answer labels.
    case limeSurveySubquestions
    /// Plain CSV, one header of question text with the apostrophes swapped (’ ↔ '), other
    /// spacing and case; numeric answers.
    case questionTexts
    /// Google Forms: grid headers `Section title [item text]`, labels, a timestamp column.
    case googleFormsGrid
    /// Qualtrics: three header rows (names, question text, `{"ImportId": …}`), metadata columns.
    case qualtrics
    /// Microsoft Forms: Windows-1252 bytes (accented texts and options, ’ as 0x92 in the labels),
    /// ID/Start time/Completion time/Email/Name columns.
    case microsoftForms

    public var description: String { rawValue }

    /// The format the importer must recognise.
    public var format: ExportFormat {
        switch self {
        case .limeSurveyCodes, .limeSurveySubquestions: return .limeSurvey
        case .questionTexts: return .plain
        case .googleFormsGrid: return .googleForms
        case .qualtrics: return .qualtrics
        case .microsoftForms: return .microsoftForms
        }
    }

    /// Header rows before the first response.
    public var headerRowCount: Int { self == .qualtrics ? 3 : 1 }

    /// The export's bytes for the fixture's responses.
    public func bytes(for fixture: SurveyFixture) -> [UInt8] {
        let items = ItemColumn.all(of: fixture.codebook)
        let questions = fixture.codebook.demographics
        let labels = fixture.codebook.scale.labels
        let respondents = fixture.answers.indices
        func cells(_ r: Int, answer: (Int) -> String, option: (DemographicQuestion, Int) -> String) -> [String] {
            fixture.answers[r].map { $0.map(answer) ?? "" }
                + zip(questions, fixture.demographics[r]).map { question, choice in choice.map { option(question, $0) } ?? "" }
        }
        switch self {
        case .limeSurveyCodes:
            let meta = ["id", "submitdate", "lastpage", "startlanguage", "seed"]
            let header = meta + items.map { $0.code.replacingOccurrences(of: ".", with: "") } + questions.map { $0.aliases[0] }
            let rows = respondents.map { r in
                ["\(r + 1)", "1980-01-01 00:00:00", "4", "it", "\(7_000 + r)"] + cells(r, answer: { "A\($0)" }, option: { "A\($1 + 1)" })
            }
            return CSVLayout(delimiter: ";", quoteAll: true, byteOrderMark: true).bytes([header] + rows)
        case .limeSurveySubquestions:
            let meta = ["id", "submitdate", "lastpage", "startlanguage"]
            let header = meta + items.map { "\($0.section)[SQ00\($0.position)]" } + questions.map { $0.aliases[0] }
            let rows = respondents.map { r in
                ["\(r + 1)", "1980-01-01 00:00:00", "4", "it"] + cells(r, answer: { labels[$0]! }, option: { $0.options[$1] })
            }
            return CSVLayout(quoteAll: true, byteOrderMark: true).bytes([header] + rows)
        case .questionTexts:
            let texts = items.map(\.text) + questions.map(\.text)
            let header = texts.enumerated().map { index, text in Self.respelled(text, variant: index) }
            let rows = respondents.map { r in cells(r, answer: { "\($0)" }, option: { $0.options[$1] }) }
            return CSVLayout(lineEnd: "\n").bytes([header] + rows)
        case .googleFormsGrid:
            let header = ["Informazioni cronologiche", "Indirizzo email"]
                + items.map { "\($0.sectionTitle) [\($0.text)]" } + questions.map(\.text)
            let rows = respondents.map { r in
                ["01/03/2016 10.15.0\(r)", ""] + cells(r, answer: { labels[$0]! }, option: { $0.options[$1] })
            }
            return CSVLayout().bytes([header] + rows)
        case .qualtrics:
            let names = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
                         "RecordedDate", "ResponseId", "DistributionChannel", "UserLanguage"]
            let texts = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)", "Finished",
                         "Recorded Date", "Response ID", "Distribution Channel", "User Language"]
            let importIds = ["startDate", "endDate", "status", "ipAddress", "progress", "duration", "finished", "recordedDate",
                             "_recordId", "distributionChannel", "userLanguage"].map { "{\"ImportId\":\"\($0)\"}" }
            // Question names that match no code: the importer must read the text row.
            let itemNames = items.map { "QID\($0.sectionNumber)_\($0.position)" }
            let questionNames = questions.indices.map { "QID9\($0)" }
            let header1 = names + itemNames + questionNames
            let header2 = texts + items.map { "\($0.sectionTitle) - \($0.text)" } + questions.map(\.text)
            let header3 = importIds + (itemNames + questionNames).map { "{\"ImportId\":\"\($0)\"}" }
            let rows = respondents.map { r in
                ["2016-03-01 10:00:00", "2016-03-01 10:12:00", "0", "", "100", "720", "True", "2016-03-01 10:12:01",
                 "R_\(r + 1)aBcD", "anonymous", "IT"] + cells(r, answer: { "\($0)" }, option: { "\($1 + 1)" })
            }
            return CSVLayout(byteOrderMark: true).bytes([header1, header2, header3] + rows)
        case .microsoftForms:
            let header = ["ID", "Start time", "Completion time", "Email", "Name"] + items.map(\.text) + questions.map(\.text)
            let rows = respondents.map { r in
                ["\(r + 1)", "3/1/16 10:00:00", "3/1/16 10:12:00", "anonymous", ""]
                    + cells(r, answer: { labels[$0]!.replacingOccurrences(of: "'", with: "’") }, option: { $0.options[$1] })
            }
            return CSVLayout(encoding: .windows1252).bytes([header] + rows)
        }
    }

    /// The text as another tool would spell it: apostrophes swapped, and by turns upper case,
    /// doubled spaces with a trailing question mark, or padded lower case.
    static func respelled(_ text: String, variant: Int) -> String {
        let swapped = String(text.map { $0 == "’" ? "'" : $0 == "'" ? "’" : $0 })
        switch variant % 3 {
        case 0: return swapped.uppercased()
        case 1: return swapped.replacingOccurrences(of: " ", with: "  ") + " ?"
        default: return "  " + swapped.lowercased() + " "
        }
    }
}

/// An item as export headers need it.
struct ItemColumn {
    var code: String
    var text: String
    var section: String
    var sectionTitle: String
    /// 1-based section number in the questionnaire.
    var sectionNumber: Int
    /// 1-based position inside its section.
    var position: Int

    static func all(of codebook: Codebook) -> [ItemColumn] {
        var columns: [ItemColumn] = []
        var sectionNumber = 0
        for block in codebook.blocks {
            for section in block.sections {
                sectionNumber += 1
                for (index, item) in section.items.enumerated() {
                    columns.append(ItemColumn(code: item.code, text: item.text, section: section.code, sectionTitle: section.title,
                                              sectionNumber: sectionNumber, position: index + 1))
                }
            }
        }
        return columns
    }
}
