/// How an export lays out its header rows: the tool, the layout, how many rows are headers, and
/// one effective name and text per column.
///
/// Both the importer and `polso codebook draft` read a file's header through this one type, so
/// that a layout recognised once is recognised everywhere. Recognition looks at the file's
/// structure (export tags that tools never translate, the shape of metadata values, extra header
/// rows), never at the language of its question texts.
public struct ExportLayout: Sendable, Equatable {
    /// What a column holds, as far as the layout alone can tell (item matching comes first).
    public enum Kind: String, Sendable, Equatable {
        /// Anything that may be a question.
        case answer
        /// Response metadata of the survey tool (ids, dates, contact data, timings).
        case metadata
        /// Free text: open answers, "other, please specify", comments.
        case freeText = "free text"
        /// No header and no value in the rows looked at (a trailing separator).
        case empty
    }

    /// One column of the export.
    public struct Column: Sendable, Equatable {
        /// The heading as in the first row.
        public var header: String
        /// The name the tool gives the column: an export tag, a LimeSurvey code of a
        /// `code. text` heading, a canonical metadata name (`id`, `submitdate`, `timestamp`…), or
        /// the header when there is no other.
        public var name: String
        /// The question text, when the layout gives one apart from the name.
        public var text: String?
        /// What the column holds, as far as the layout can tell.
        public var kind: Kind

        /// A column named `name` under `header`.
        package init(header: String, name: String? = nil, text: String? = nil, kind: Kind = .answer) {
            self.header = header
            self.name = name ?? header
            self.text = text
            self.kind = kind
        }
    }

    /// The tool the export comes from.
    public var format: ExportFormat
    /// The layout within the tool's exports, for the import summary.
    public var layout: String
    /// Rows before the first response.
    public var headerRowCount: Int
    /// One entry per column of the first row.
    public var columns: [Column]

    /// The first row, as in the file.
    public var headers: [String] { columns.map(\.header) }

    /// Rows that ``recognise(_:atEnd:)`` looks at before it decides (header rows and a sample of responses).
    package static let rowsNeeded = 24

    /// Recognises the layout from the first rows of a file, or returns `nil` while more rows are
    /// needed to tell (fewer than ``rowsNeeded`` rows and `atEnd` false). `nil` with `atEnd`
    /// means the file has no rows.
    package static func recognise(_ rows: [[String]], atEnd: Bool = false) -> ExportLayout? {
        guard !rows.isEmpty, rows.count >= rowsNeeded || atEnd else { return nil }
        var layout = qualtrics(rows) ?? surveyMonkey(rows) ?? kobo(rows) ?? odk(rows) ?? limeSurvey(rows)
            ?? microsoftForms(rows) ?? googleForms(rows) ?? plain(rows)
        layout.classifyRemainingColumns(sample: Array(rows.dropFirst(layout.headerRowCount)))
        return layout
    }

    /// The columns of a one-row header, as they are.
    private static func columns(_ header: [String]) -> [Column] { header.map { Column(header: $0) } }

    private static func cell(_ row: [String], _ index: Int) -> String { row.indices.contains(index) ? row[index] : "" }

    // MARK: Qualtrics

    /// Current (`{"ImportId":…}` third row), 2016 (tags repeated in row 2, `{'ImportId': …}`),
    /// legacy (`V1…V10`, then tags and texts) and two-row exports, in any language.
    private static func qualtrics(_ rows: [[String]]) -> ExportLayout? {
        let first = rows[0]
        let legacyTags = (1...10).map { "V\($0)" }
        if first.count > 10, Array(first.prefix(10)) == legacyTags {
            let second = rows.count > 1 ? rows[1] : []
            let columns = first.indices.map { index -> Column in
                let tag = cell(second, index)
                if index < 10 { return Column(header: first[index], name: tag.isEmpty ? first[index] : tag, kind: .metadata) }
                return Column(header: first[index], text: tag == first[index] ? nil : tag)
            }
            var headerRows = min(2, rows.count)
            if rows.count > 2, hasImportIds(rows[2]) { headerRows = 3 }
            return ExportLayout(format: .qualtrics, layout: "legacy (V1…V10, then tags and question texts)",
                                headerRowCount: headerRows, columns: columns)
        }
        let keys = first.map(TextKey.text)
        guard let idColumn = keys.firstIndex(of: "responseid") ?? (keys.contains("startdate") && keys.contains("recordeddate") ? -1 : nil)
        else { return nil }
        // Row 2 is a header row when it or row 3 holds ImportIds, or when its response id is not
        // shaped like the `R_…` ids of the responses below it.
        var headerRows = 1
        if rows.count > 1 {
            let textRow = idColumn >= 0 && !isQualtricsResponseId(cell(rows[1], idColumn))
                && rows.dropFirst(2).contains { isQualtricsResponseId(cell($0, idColumn)) }
            if hasImportIds(rows[1]) || (rows.count > 2 && hasImportIds(rows[2])) || textRow { headerRows = 2 }
        }
        if headerRows == 2, rows.count > 2, hasImportIds(rows[2]) { headerRows = 3 }
        let questionTexts = headerRows >= 2 && !hasImportIds(rows[1]) ? rows[1] : nil
        let columns = first.indices.map { index -> Column in
            let text = questionTexts.map { cell($0, index) }.flatMap { $0.isEmpty || $0 == first[index] ? nil : $0 }
            return Column(header: first[index], text: text)
        }
        let name: String
        switch headerRows {
        case 3:
            let singleQuoted = rows[2].contains { $0.contains("{'ImportId'") }
            name = singleQuoted ? "2016 (tags, question texts, {'ImportId': …})" : "current (tags, question texts, {\"ImportId\": …})"
        case 2: name = "two header rows (tags, question texts)"
        default: name = "one header row"
        }
        return ExportLayout(format: .qualtrics, layout: name, headerRowCount: headerRows, columns: columns)
    }

    private static func hasImportIds(_ row: [String]) -> Bool {
        row.contains { $0.hasPrefix("{") && $0.contains("ImportId") }
    }

    /// `R_` followed by letters and digits: a Qualtrics response id.
    private static func isQualtricsResponseId(_ value: String) -> Bool {
        value.hasPrefix("R_") && value.count > 2 && value.dropFirst(2).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    // MARK: SurveyMonkey

    /// Two header rows: question texts above the first of their columns, and `Response`,
    /// `Open-Ended Response` or the sub-item under each column; metadata columns have an empty
    /// second-row cell.
    private static func surveyMonkey(_ rows: [[String]]) -> ExportLayout? {
        guard rows.count > 1 else { return nil }
        let first = rows[0], second = rows[1]
        let keys = Set(first.map(TextKey.text))
        let tagged = keys.contains("respondent id") && keys.contains("collector id")
        let responseCells = second.map(TextKey.text).filter { singleResponseWords.contains($0) || openResponseWords.contains($0) }.count
        // Structure alone: the second row is empty under the leading metadata and filled under
        // every column whose first-row cell is empty.
        let structural = cell(second, 0).isEmpty && responseCells > 0
            && first.indices.allSatisfy { !first[$0].isEmpty || !cell(second, $0).isEmpty || $0 == first.count - 1 }
        guard tagged || structural else { return nil }
        var question = ""
        // Metadata: the leading columns with an empty second-row cell, or, in a "condensed"
        // export whose second row is empty throughout, the tool's tags.
        let condensed = second.allSatisfy(\.isEmpty)
        var inMetadata = true
        let columns = first.indices.map { index -> Column in
            let top = first[index], sub = cell(second, index)
            if !sub.isEmpty { inMetadata = false }
            if condensed ? ExportFormat.isMetadata(top, format: .surveyMonkey) : inMetadata {
                return Column(header: top, kind: .metadata)
            }
            if !top.isEmpty { question = top }
            let subKey = TextKey.text(sub)
            if sub.isEmpty || singleResponseWords.contains(subKey) { return Column(header: top, name: top.isEmpty ? question : top) }
            if openResponseWords.contains(subKey) { return Column(header: top, name: top.isEmpty ? question : top, kind: .freeText) }
            return Column(header: top, name: "\(question) [\(sub)]", text: sub)
        }
        return ExportLayout(format: .surveyMonkey, layout: "two header rows (questions, sub-items)", headerRowCount: 2, columns: columns)
    }

    /// SurveyMonkey's second-row cell under a one-column question (compared with `TextKey.text`).
    private static let singleResponseWords: Set<String> = ["response"]
    /// SurveyMonkey's second-row cell under an open-ended question (`Open-Ended Response`, `Open-ended response`).
    private static let openResponseWords: Set<String> = ["open-ended response"]

    // MARK: KoboToolbox and ODK

    private static func kobo(_ rows: [[String]]) -> ExportLayout? {
        let keys = Set(rows[0].map(TextKey.text))
        guard keys.contains("_uuid") || keys.contains("_submission_time") || (keys.contains("_id") && keys.contains("_index"))
        else { return nil }
        var columns = columns(rows[0])
        for index in columns.indices where ExportFormat.isMetadata(columns[index].header, format: .koboToolbox) {
            columns[index].kind = .metadata
        }
        let hashtags = rows.count > 1 && {
            let cells = rows[1].filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy { $0.hasPrefix("#") }
        }()
        return ExportLayout(format: .koboToolbox, layout: hashtags ? "HXL hashtag row" : "one header row",
                            headerRowCount: hashtags ? 2 : 1, columns: columns)
    }

    private static func odk(_ rows: [[String]]) -> ExportLayout? {
        let keys = rows[0].map(TextKey.text)
        // Central writes the submitter columns after KEY; without them (older Central versions,
        // Briefcase) the two cannot be told apart: both write SubmissionDate first, the group
        // paths joined with `-`, and meta-instanceID and KEY.
        let central = keys.contains("submitterid")
        let either = keys.contains("meta-instanceid") || keys.contains("meta:instanceid") || keys.contains("meta/instanceid")
            || (keys.first == "submissiondate" && keys.contains("key"))
        guard central || either else { return nil }
        var columns = columns(rows[0])
        for index in columns.indices where ExportFormat.isMetadata(columns[index].header, format: .odk) {
            columns[index].kind = .metadata
        }
        return ExportLayout(format: .odk, layout: central ? "ODK Central" : "ODK Central or Briefcase", headerRowCount: 1, columns: columns)
    }

    // MARK: LimeSurvey

    /// The metadata LimeSurvey writes before the questions, in its order, with the shape of their values.
    private static let limeMetadata: [(name: String, shape: ValueShape)] = [
        ("submitdate", .dateTime), ("lastpage", .integer), ("startlanguage", .language), ("seed", .integer),
        ("startdate", .dateTime), ("datestamp", .dateTime), ("ipaddr", .ipAddress), ("refurl", .url),
    ]

    private static let limeCodeNames: Set<String> = [
        "id", "submitdate", "lastpage", "startlanguage", "seed", "token", "startdate", "datestamp", "ipaddr", "refurl",
    ]

    private static func limeSurvey(_ rows: [[String]]) -> ExportLayout? {
        let first = rows[0]
        let sample = Array(rows.dropFirst())
        // Code + text headings: `id. Response ID`, `A01. text` (metadata in the survey's language).
        let split = first.map(splitCodeText)
        if let id = split.first ?? nil, id.code == "id", split.compactMap({ $0 }).count * 2 >= first.filter({ !$0.isEmpty }).count {
            let columns = first.indices.map { index -> Column in
                guard let (code, text) = split[index] else { return Column(header: first[index]) }
                let metadata = limeCodeNames.contains(code) || isTokenAttribute(code) || isTiming(code)
                return Column(header: first[index], name: code, text: text, kind: metadata ? .metadata : .answer)
            }
            return ExportLayout(format: .limeSurvey, layout: "question code & question text headings", headerRowCount: 1, columns: columns)
        }
        let keys = first.map(TextKey.text)
        if keys.first == "id" && (keys.contains("submitdate") || keys.contains("lastpage") || keys.contains("startlanguage")) {
            let columns = first.map { header -> Column in
                let key = TextKey.text(header)
                let metadata = limeCodeNames.contains(key) || isTokenAttribute(key) || isTiming(key)
                return Column(header: header, kind: metadata ? .metadata : .answer)
            }
            return ExportLayout(format: .limeSurvey, layout: "question code headings", headerRowCount: 1, columns: columns)
        }
        // Text headings (full, abbreviated, or the R data file) in any language: told by the
        // values of the metadata columns LimeSurvey always writes first.
        guard !sample.isEmpty, first.count > 4, columnShape(0, of: sample) == .integer else { return nil }
        var columns = columns(first)
        columns[0].name = "id"
        columns[0].kind = .metadata
        var next = 1
        var found: [String] = []
        for (name, shape) in limeMetadata where next < first.count {
            let seen = columnShape(next, of: sample)
            // Incomplete responses leave the submission date and last page empty.
            let fits = seen == shape || (seen == .empty && (name == "submitdate" || name == "lastpage"))
            guard fits else {
                if name == "submitdate" || name == "lastpage" || name == "startlanguage" { return nil }
                continue
            }
            columns[next].name = name
            columns[next].text = first[next]
            columns[next].kind = .metadata
            found.append(name)
            next += 1
        }
        guard found.contains("startlanguage") else { return nil }
        let layout = first.contains { $0.count > 1000 } ? "question text headings (R data file)" : "question text headings"
        return ExportLayout(format: .limeSurvey, layout: layout, headerRowCount: 1, columns: columns)
    }

    /// `A01. text` → (`A01`, `text`); codes may carry LimeSurvey brackets (`E0[SQ001_SQ001]`, `E06[other]`).
    private static func splitCodeText(_ header: String) -> (code: String, text: String)? {
        guard let separator = header.range(of: ". ") else { return nil }
        let code = header[..<separator.lowerBound]
        guard let initial = code.first, initial.isASCII, initial.isLetter,
              code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_[]#".contains($0)) }) else { return nil }
        return (String(code), String(header[separator.upperBound...]))
    }

    private static func isTokenAttribute(_ code: String) -> Bool {
        ["firstname", "lastname", "email", "emailstatus", "language", "usesleft", "tid", "participant_id"].contains(code.lowercased())
            || code.lowercased().hasPrefix("attribute_")
    }

    private static func isTiming(_ code: String) -> Bool {
        let lower = code.lowercased()
        return lower == "interviewtime" || lower.hasPrefix("grouptime") || lower.hasPrefix("questiontime")
    }

    // MARK: Forms

    /// `Id, Start time, Completion time, Email, Name`: told by an id and two timestamps in any language.
    private static func microsoftForms(_ rows: [[String]]) -> ExportLayout? {
        let first = rows[0]
        let sample = Array(rows.dropFirst())
        let keys = first.map(TextKey.text)
        let tagged = keys.count > 2 && keys[0] == "id" && (keys.contains("completion time") || keys.contains("start time")
            || keys.contains("ora di completamento"))
        let shaped = !sample.isEmpty && first.count > 4 && columnShape(0, of: sample) == .integer
            && columnShape(1, of: sample) == .dateTime && columnShape(2, of: sample) == .dateTime
        guard tagged || shaped else { return nil }
        var columns = columns(first)
        for (index, name) in ["id", "start time", "completion time", "email", "name"].enumerated() where index < columns.count {
            columns[index].name = name
            columns[index].text = first[index] == name ? nil : first[index]
            columns[index].kind = .metadata
        }
        if columns.count > 5, TextKey.text(first[5]).contains("modif") || columnShape(5, of: sample) == .dateTime {
            columns[5].kind = .metadata
        }
        return ExportLayout(format: .microsoftForms, layout: "one header row", headerRowCount: 1, columns: columns)
    }

    /// A first column of timestamps in any locale (`Timestamp`, `Informazioni cronologiche`,
    /// `Marca temporal`…), then optionally the respondents' e-mail addresses.
    private static func googleForms(_ rows: [[String]]) -> ExportLayout? {
        let sample = Array(rows.dropFirst())
        let keys = rows[0].map(TextKey.text)
        let named = keys.first == "timestamp" || keys.first == "informazioni cronologiche"
        guard named || (!sample.isEmpty && columnShape(0, of: sample) == .dateTime) else { return nil }
        var columns = columns(rows[0])
        columns[0].name = "timestamp"
        columns[0].text = rows[0][0] == "timestamp" ? nil : rows[0][0]
        columns[0].kind = .metadata
        if columns.count > 1, columnShape(1, of: sample) == .email || ["email address", "indirizzo email"].contains(keys[1]) {
            columns[1].kind = .metadata
        }
        return ExportLayout(format: .googleForms, layout: "one header row", headerRowCount: 1, columns: columns)
    }

    private static func plain(_ rows: [[String]]) -> ExportLayout {
        ExportLayout(format: .plain, layout: "one header row", headerRowCount: 1, columns: columns(rows[0]))
    }

    // MARK: Remaining columns

    /// Marks metadata by the tool's known tags, free text and empty columns by the values seen.
    private mutating func classifyRemainingColumns(sample: [[String]]) {
        for index in columns.indices where columns[index].kind == .answer {
            let column = columns[index]
            let values = sample.map { Self.cell($0, index) }.filter { !$0.trimmingWhitespace().isEmpty }
            if column.header.trimmingWhitespace().isEmpty && values.isEmpty {
                columns[index].kind = .empty
            } else if ExportFormat.isMetadata(column.name, format: format) || ExportFormat.isMetadata(column.header, format: format) {
                columns[index].kind = .metadata
            } else if Self.isFreeTextColumn(column, values: values) {
                columns[index].kind = .freeText
            }
        }
    }

    private static func isFreeTextColumn(_ column: Column, values: [String]) -> Bool {
        let name = column.name.lowercased()
        if name.hasSuffix("_text") || name.hasSuffix("[other]") || name.hasSuffix("[comment]") || name.hasSuffix("_other") {
            return true
        }
        let words = values.filter { Double($0.replacingOccurrences(of: ",", with: ".")) == nil }
        guard !words.isEmpty else { return false }
        if words.contains(where: { $0.count >= 40 && $0.contains(" ") }) { return true }
        guard words.count >= 2, Set(words).count == words.count else { return false }
        return words.count >= 3 ? words.contains { $0.contains(" ") } : words.allSatisfy { $0.contains(" ") }
    }
}

extension ExportLayout {
    /// The shape shared by every non-empty value of a column in the sample (`.empty` when all are
    /// empty, `.other` when they differ).
    static func columnShape(_ index: Int, of sample: [[String]]) -> ValueShape {
        var shape = ValueShape.empty
        for row in sample {
            let seen = ValueShape.of(cell(row, index))
            if seen == .empty { continue }
            if shape == .empty { shape = seen } else if shape != seen { return .other }
        }
        return shape
    }
}
