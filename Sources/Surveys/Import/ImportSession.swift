import Foundation
import PolsoCSV

/// The state of one import while records stream by: header recognition, then row validation.
struct ImportSession {
    let codebook: Codebook
    let options: ImportOptions
    let file: String
    let byteCount: Int

    private var held: [HeldRow] = []
    private var map: ColumnMap?
    /// The header's field count and first field, read per row without copying the map.
    private var expectedFields = 0
    /// Whether the header is settled (`map` is set); tested per row without copying the map.
    private var begun = false
    private var firstHeader: [UInt8] = []
    /// The codes of one-byte item cells, looked up by the reader as it parses (installed with the columns).
    let fieldCodes = FieldCodes()
    private var itemColumns: [(column: Int, item: Int, parser: AnswerParser)] = []
    private var demographicColumns: [(column: Int, question: Int, parser: DemographicParser)] = []
    /// The row's codes and the item columns, in memory that rows reach without reference counting.
    private var buffers: RowBuffers
    /// Per demographic question, the option given for every row (0: none).
    private var presetCodes: [UInt8]
    /// The satisfaction service question, or -1.
    private let serviceQuestion: Int
    private var problems: [ImportProblem] = []
    private var problemCount = 0
    private var respondents = 0
    private var emptyResponses = 0
    /// Invalid answer cells by trimmed value (a bounded number of distinct values), with the
    /// items they were given to: when one value dominates, it is likely an undeclared code.
    /// Keyed like declared answers are compared (ignoring case and spacing), with the first spelling seen.
    private var invalidValues: [String: (value: String, count: Int, items: Set<Int>)] = [:]
    private var invalidAnswerCount = 0
    private var rejectedRows = 0
    private var rejects: RejectsFile?
    private var absentItems: [String] = []
    private var sawDataRow = false
    private var responseIds: ResponseIdTally?
    private var submissionDates: SubmissionDateTally?
    private var identityNotices: [String] = []
    /// The valid entries of ``ImportOptions/presetDemographics``.
    private let presets: [Int: UInt8]

    init(codebook: Codebook, options: ImportOptions, file: String, byteCount: Int) {
        self.codebook = codebook
        self.options = options
        self.file = file
        self.byteCount = byteCount
        buffers = RowBuffers(items: codebook.items.count, demographics: codebook.demographics.count)
        presets = options.presetDemographics.filter { question, code in
            codebook.demographics.indices.contains(question) && code >= 1 && Int(code) <= codebook.demographics[question].options.count
        }
        presetCodes = [UInt8](repeating: 0, count: codebook.demographics.count)
        for (question, code) in presets {
            buffers.demographics[question] = code
            presetCodes[question] = code
        }
        serviceQuestion = codebook.serviceQuestionIndex ?? -1
    }

    /// Whether the header is settled and rows are being read.
    var isBegun: Bool { begun }

    /// The layout rows are read with, once the header is settled.
    var layout: ResponseLayout? { map.map { ResponseLayout(codebook: codebook, columns: $0) } }

    /// A session for a later part of the file read in parts: the same header, columns and
    /// checks, nothing counted yet, no rejects file (a part that would reject a row is not
    /// merged: the whole file's reading meets the row instead).
    func part() -> ImportSession {
        precondition(begun && held.isEmpty, "a part starts once the header is settled")
        var part = self
        part.buffers = buffers.copy()
        part.demographicColumns = demographicColumns.map { ($0.column, $0.question, $0.parser.detached()) }
        part.problems = []
        part.problemCount = 0
        part.respondents = 0
        part.emptyResponses = 0
        part.invalidValues = [:]
        part.invalidAnswerCount = 0
        part.rejectedRows = 0
        part.rejects = nil
        part.sawDataRow = true
        part.responseIds = responseIds.map { ResponseIdTally(column: $0.column, file: file, stored: options.storedResponseIds, problemLimit: options.problemLimit) }
        part.submissionDates = submissionDates.map { SubmissionDateTally(column: $0.column, year: options.surveyYear) }
        return part
    }

    /// Whether the rows so far met no problem of any kind, so that a part's counts can be added
    /// to another's without losing a message, a rejected row or its advice.
    var isClean: Bool {
        begun && sawDataRow && problemCount == 0 && rejectedRows == 0 && invalidAnswerCount == 0
            && (responseIds?.problemCount ?? 0) == 0
    }

    /// Whether a respondent id of `later` (a part after this session's rows) is one of this
    /// session's: a repeat that only the whole file's reading can report, with both lines.
    func sharesResponseIds(with later: ImportSession) -> Bool {
        guard let ids = responseIds, let laterIds = later.responseIds else { return false }
        return ids.overlaps(laterIds)
    }

    /// Adds the counts of `part`, the clean session of the rows that follow this session's, whose
    /// lines are counted from 1 within it: `lineOffset` is the lines before it.
    mutating func append(_ part: ImportSession, lineOffset: Int) {
        precondition(isClean && part.isClean)
        respondents += part.respondents
        emptyResponses += part.emptyResponses
        buffers.addCounts(part.buffers)
        if let ids = part.responseIds { responseIds?.append(ids, lineOffset: lineOffset) }
        if let dates = part.submissionDates { submissionDates?.append(dates, lineOffset: lineOffset) }
    }

    mutating func consume<Sink: ResponseSink>(_ record: CSVRecord, sink: inout Sink) throws {
        if begun {
            try processRow(record, sink: &sink)
            return
        }
        held.append(HeldRow(record))
        guard held.count >= ExportLayout.rowsNeeded, let layout = ExportLayout.recognise(held.map(\.strings)) else { return }
        try begin(layout, sink: &sink)
    }

    /// Settles the header once the last record has been read (a file shorter than its layout's test).
    mutating func endOfRecords<Sink: ResponseSink>(sink: inout Sink) throws {
        guard map == nil, !held.isEmpty, let layout = ExportLayout.recognise(held.map(\.strings), atEnd: true),
              layout.headerRowCount < held.count else { return }
        try begin(layout, sink: &sink)
    }

    private mutating func begin<Sink: ResponseSink>(_ recognised: ExportLayout, sink: inout Sink) throws {
        var layout = recognised
        if let headerRows = options.headerRows {
            layout.headerRowCount = headerRows
            layout.layout += ", \(headerRows) header row\(headerRows == 1 ? "" : "s") as given"
        }
        try beginColumns(layout, sink: &sink)
        let dataRows = held.dropFirst(layout.headerRowCount)
        held = []
        for row in dataRows { try processRow(row.record, sink: &sink) }
    }

    private mutating func beginColumns<Sink: ResponseSink>(_ layout: ExportLayout, sink: inout Sink) throws {
        let headers = layout.headers
        // Problems beyond the limit are counted, not shown: no nearest columns are searched for them.
        let check = ColumnCheck(layout: layout, codebook: codebook, mapping: options.mapping, adviceLimit: options.problemLimit)
        let map = check.map
        try checkInstrument(check)
        var headerProblems = check.problems.map {
            ImportProblem(file: file, line: 1, column: $0.column, header: $0.header, value: nil, message: $0.reason)
        }
        absentItems = check.absentItems.map { codebook.items[$0].code }
        if !options.allowMissingItems {
            for item in check.absentItems {
                headerProblems.append(ImportProblem(file: file, line: 1, column: nil, header: nil, value: nil,
                    message: check.absentItemMessage(item)))
            }
            // The service question has a message of its own below.
            for question in check.absentDemographics where presets[question] == nil && question != codebook.serviceQuestionIndex {
                headerProblems.append(ImportProblem(file: file, line: 1, column: nil, header: nil, value: nil,
                    message: check.absentDemographicMessage(question)))
            }
        }
        if let service = codebook.serviceQuestionIndex, presets[service] == nil,
           !map.roles.contains(.demographic(service)) {
            let question = codebook.demographics[service]
            headerProblems.append(ImportProblem(file: file, line: 1, column: nil, header: nil, value: nil,
                message: "no column names the service ('\(question.code)', \"\(question.text)\"): every response must name one; for a file that holds one service give it with --service NAME"))
        }
        if !headerProblems.isEmpty {
            var advice = "Column problems: assign the columns with a mapping file (--map, see docs/codebooks.md; polso map writes a draft)."
            if !check.absentItems.isEmpty || !check.absentDemographics.isEmpty {
                advice += " If the questionnaire left some items or questions out, use --allow-missing-items."
            }
            throw ImportFailure(file: file, problems: Array(headerProblems.prefix(options.problemLimit)), total: headerProblems.count,
                                advice: advice, draftMapping: ColumnMappingDraft(check: check, file: file).yaml)
        }
        // Items share a few scales: each table of one-byte codes is computed once.
        var tables: [(scale: Scale, special: SpecialAnswers, codes: [UInt8])] = []
        var columnTables = [[UInt8]?](repeating: nil, count: map.roles.count)
        for (column, role) in map.roles.enumerated() {
            switch role {
            case let .item(index):
                let scale = codebook.scale(ofItem: index)
                let special = codebook.specialAnswers(ofItem: index)
                let parser = AnswerParser(scale: scale, special: special)
                itemColumns.append((column, index, parser))
                if let known = tables.first(where: { $0.scale == scale && $0.special == special }) {
                    columnTables[column] = known.codes
                } else {
                    let codes = parser.singleByteCodes
                    tables.append((scale, special, codes))
                    columnTables[column] = codes
                }
            case let .demographic(index):
                demographicColumns.append((column, index, DemographicParser(question: codebook.demographics[index], missingWords: codebook.missingAnswers)))
            default: continue
            }
        }
        buffers.setColumns(itemColumns.map { ($0.column, $0.item) })
        fieldCodes.install(tables: columnTables, emptyCodes: [UInt8](repeating: AnswerParser.missing, count: columnTables.count))
        self.map = map
        begun = true
        expectedFields = map.headers.count
        firstHeader = Array((map.headers.first ?? "").utf8)
        let answerColumns = map.roles.indices.filter {
            switch map.roles[$0] {
            case .item, .demographic: true
            default: false
            }
        }
        let identity = ResponseIdentity(headerRows: held.prefix(layout.headerRowCount).map(\.strings), excluded: Set(answerColumns))
        responseIds = identity.id.map { ResponseIdTally(column: $0, file: file, stored: options.storedResponseIds, problemLimit: options.problemLimit) }
        submissionDates = identity.date.map { SubmissionDateTally(column: $0, year: options.surveyYear) }
        identityNotices = identity.notices
        if options.skipInvalidRows && options.writesRejects {
            rejects = RejectsFile(path: options.rejectsPath ?? RejectsFile.defaultPath(for: file), headers: headers)
        }
        try sink.begin(ResponseLayout(codebook: codebook, columns: map))
    }

    private mutating func processRow<Sink: ResponseSink>(_ row: CSVRecord, sink: inout Sink) throws {
        // The map is read through `self` on the rare paths only: a copy would retain its arrays per row.
        guard begun else { return }
        var rowProblems: [ImportProblem] = []
        let expected = expectedFields
        if row.count < expected, map!.holdsAnswers(from: row.count) {
            // Short rows are accepted when the fields they lack are skipped columns (ODK Central
            // leaves out the trailing Status); otherwise the problem is located at the first one.
            rowProblems.append(ImportProblem(file: file, line: row.line, column: row.count + 1, header: map!.headers[row.count], value: nil,
                message: "the row has \(row.count) fields, the header \(expected): a field is missing or a delimiter was lost"))
        } else if row.count > expected {
            for extra in expected..<row.count where !row.bytes(extra).isEmpty {
                rowProblems.append(ImportProblem(file: file, line: row.line, column: extra + 1, header: nil, value: row.string(extra),
                    message: "is beyond the last column: the row has \(row.count) fields, the header \(expected)"))
                break
            }
        }
        // The header row again (two exports joined, or one pasted after another): its item cells
        // would otherwise read as answers (`A01` is answer code 1).
        if rowProblems.isEmpty, row.count == expected, row.bytes(0).count == firstHeader.count, isHeaderRow(row) {
            rowProblems.append(ImportProblem(file: file, line: row.line, column: nil, header: nil, value: nil,
                message: "repeats the header row: two exports joined into one file? Remove the repeated header (and check that no response is there twice)"))
        }
        let buffers = self.buffers
        if rowProblems.isEmpty {
            var answered = 0
            var special = 0
            var invalid: [Int] = []
            let columns = buffers.columns, items = buffers.items, answers = buffers.answers
            let decoded = row.codes
            let undecided = AnswerParser.needsFullParse
            for entry in 0..<buffers.entryCount {
                let column = columns[entry]
                // Decoded by the reader as it parsed the cell (a held row, or a workbook's, from its bytes).
                var code = decoded?[column] ?? cellCode(row, column: column)
                if code == undecided {
                    guard let parsed = itemColumns[entry].parser.parse(row.bytes(column)) else {
                        invalid.append(entry)
                        continue
                    }
                    code = parsed
                }
                answers[items[entry]] = code
                if AnswerCode.isPoint(code) { answered &+= 1 } else { special &+= 1 }
            }
            if !sawDataRow {
                sawDataRow = true
                try checkFirstDataRow(row, invalid: invalid, answered: answered, layout: map!.layout)
            }
            for entry in invalid {
                let column = itemColumns[entry].column
                let value = row.string(column)
                noteInvalid(value, item: itemColumns[entry].item)
                rowProblems.append(ImportProblem(file: file, line: row.line, column: column + 1,
                    header: map!.headers[column], value: value,
                    message: explainInvalidAnswer(value, item: itemColumns[entry].item)))
            }
            for index in demographicColumns.indices {
                let column = demographicColumns[index].column
                if let code = demographicColumns[index].parser.parse(row.bytes(column)) {
                    let question = demographicColumns[index].question
                    let preset = presetCodes[question]
                    if preset == 0 && (code != 0 || question != serviceQuestion) {
                        buffers.demographics[question] = code
                    } else if let problem = checkDemographic(code, question: question, row: row, column: column) {
                        rowProblems.append(problem)
                    } else {
                        buffers.demographics[question] = code == 0 ? preset : code
                    }
                } else {
                    let entry = demographicColumns[index]
                    let text = row.string(entry.column)
                    let options = entry.parser.question.options.joined(separator: " | ")
                    rowProblems.append(ImportProblem(file: file, line: row.line, column: entry.column + 1,
                        header: map!.headers[entry.column], value: text,
                        message: "is not an option of '\(entry.parser.question.code)'; expected one of: \(options)"))
                }
            }
            if rowProblems.isEmpty {
                if answered == 0 { emptyResponses += 1 }
                if special > 0 { buffers.countSpecialAnswers() }
            }
        }
        if rowProblems.isEmpty {
            respondents += 1
            submissionDates?.add(row)
            let responseId = responseIds?.add(row) ?? UnsafeRawBufferPointer(start: nil, count: 0)
            // Once the file is known to be refused, rows are only checked, not stored.
            guard problemCount == 0 || options.skipInvalidRows else { return }
            try sink.add(ResponseRow(line: row.line, answers: UnsafeBufferPointer(start: buffers.answers, count: buffers.itemCount),
                                     demographics: UnsafeBufferPointer(start: buffers.demographics, count: buffers.demographicCount),
                                     responseId: responseId))
            return
        }
        problemCount += rowProblems.count
        for problem in rowProblems where problems.count < options.problemLimit { problems.append(problem) }
        if options.skipInvalidRows {
            rejectedRows += 1
            try rejects?.append(fields: (0..<row.count).map(row.string), line: row.line,
                                reason: rowProblems.map { problem in
                                    (problem.header.map { "\($0): " } ?? "") + (problem.value.map { TextExcerpt.quoted($0) + " " } ?? "") + problem.message
                                }.joined(separator: "; "))
        }
    }

    /// The code of an item cell of a row read without codes, from the one-byte table the reader
    /// would have used; ``AnswerParser/needsFullParse`` for a cell the table does not decide.
    private func cellCode(_ row: CSVRecord, column: Int) -> UInt8 {
        let bytes = row.bytes(column)
        if bytes.isEmpty { return AnswerParser.missing }
        return bytes.count == 1 ? fieldCodes.code(ofByte: bytes[0], column: column) : AnswerParser.needsFullParse
    }

    /// Whether every field of `row` (as many as the header's) is the header's own text.
    private func isHeaderRow(_ row: CSVRecord) -> Bool {
        row.bytes(0).elementsEqual(firstHeader) && (1..<expectedFields).allSatisfy { row.bytes($0).elementsEqual(map!.headers[$0].utf8) }
    }

    /// A first "response" that answers no item and holds text in at least half of the item
    /// columns is a header row the layout did not account for: one clear message instead of a
    /// value problem per cell.
    private func checkFirstDataRow(_ row: CSVRecord, invalid: [Int], answered: Int, layout: ExportLayout) throws {
        let texts = invalid.filter { entry in
            let value = row.string(itemColumns[entry].column).trimmingWhitespace()
            return Double(value.replacingOccurrences(of: ",", with: ".")) == nil
        }
        guard answered == 0, !texts.isEmpty, texts.count * 2 >= itemColumns.count else { return }
        // Header cells differ from column to column; a respondent's unknown labels repeat.
        let values = texts.map { TextKey.text(row.string(itemColumns[$0].column)) }
        guard Set(values).count == values.count, values.count >= 2 || values.contains(where: { $0.count >= 20 }) else { return }
        let samples = texts.prefix(2).map { entry in
            let column = itemColumns[entry].column
            return "\"\(ColumnCheck.shorten(row.string(column), to: 40))\" under \"\(ColumnCheck.shorten(layout.columns[column].header, to: 30))\""
        }
        let rows = layout.headerRowCount
        throw ImportFailure(file: file, problems: [ImportProblem(file: file, line: row.line, column: nil, header: nil, value: nil,
            message: "header rows not recognised: this line holds text in \(texts.count) of \(itemColumns.count) answer columns (\(samples.joined(separator: ", "))) and answers none, so it looks like one more header row; the file was read as \(layout.format.rawValue), \(layout.layout), \(rows) header row\(rows == 1 ? "" : "s")")],
            total: 1, advice: "If the file has more header rows, give their number with --header-rows N.")
    }

    /// Refuses a file where fewer than half of the codebook's items have a column (any item with
    /// `--allow-missing-items`): it is most likely another questionnaire, so the error says so and
    /// names the known codebooks that fit it better instead of listing every column.
    private func checkInstrument(_ check: ColumnCheck) throws {
        let matched = Set(check.map.matchedItems).count
        guard check.looksLikeAnotherInstrument, !options.allowMissingItems || matched == 0 else { return }
        let better = BetterCodebooks.find(for: check.map.layout, than: check)
        var message = "the file does not look like \(codebook.instrument): only \(matched) of its \(codebook.items.count) items have a column"
        message += better.isEmpty ? "; no other known codebook fits it better" : "; codebooks that fit it better: " + better.joined(separator: ", ")
        throw ImportFailure(file: file, problems: [ImportProblem(file: file, line: 1, column: nil, header: nil, value: nil, message: message)],
                            total: 1,
                            advice: "Check --survey. If this is the right questionnaire, assign its columns with a mapping file (--map; polso map writes a draft).",
                            draftMapping: ColumnMappingDraft(check: check, file: file).yaml)
    }

    /// A problem with a valid option: one that contradicts the option given for every row
    /// (`--service`), or a blank where every response must name its service.
    private func checkDemographic(_ code: UInt8, question: Int, row: CSVRecord, column: Int) -> ImportProblem? {
        let asked = codebook.demographics[question]
        if let preset = presets[question] {
            guard code != 0, code != preset else { return nil }
            return ImportProblem(file: file, line: row.line, column: column + 1, header: map?.headers[column], value: row.string(column),
                message: "names another '\(asked.code)' than the one given for every row of the file, \"\(asked.options[Int(preset) - 1])\"")
        }
        guard code == 0, question == codebook.serviceQuestionIndex else { return nil }
        return ImportProblem(file: file, line: row.line, column: column + 1, header: map?.headers[column], value: nil,
            message: "is empty: every response must name its service, one of: \(asked.options.joined(separator: " | "))")
    }

    private mutating func noteInvalid(_ value: String, item: Int) {
        invalidAnswerCount += 1
        let trimmed = value.trimmingWhitespace()
        let key = SpecialAnswers.wholeNumber(trimmed).map { "#\($0)" } ?? TextKey.text(trimmed)
        if var entry = invalidValues[key] {
            entry.count += 1
            entry.items.insert(item)
            invalidValues[key] = entry
        } else if invalidValues.count < 1000 {
            invalidValues[key] = (trimmed, 1, [item])
        }
    }

    private func explainInvalidAnswer(_ value: String, item: Int) -> String {
        let scale = codebook.scale(ofItem: item)
        let accepted = AcceptedAnswers(scale: scale, special: codebook.specialAnswers(ofItem: item)).description
        let trimmed = value.trimmingWhitespace()
        if let number = Double(trimmed.replacingOccurrences(of: ",", with: ".")), number.isFinite {
            if number != number.rounded() { return "is not a whole point of the scale \(scale.rangeText); accepted: \(accepted)" }
            return "is outside the scale \(scale.rangeText) and no declared code; accepted: \(accepted)"
        }
        return "is not an answer of the scale \(scale.rangeText); accepted: \(accepted)"
    }

    /// When most rejected answers are one value, the advice to declare it as a code. A value
    /// shaped like a tool's code (`-1`, `0`, `9`, `99`…) needs no repeat; another value (a typo
    /// such as `7`) needs at least three.
    private func declareAdvice() -> String? {
        guard let entry = invalidValues.values.max(by: { $0.count < $1.count || ($0.count == $1.count && $0.value > $1.value) }),
              entry.count * 2 > invalidAnswerCount, !entry.value.isEmpty else { return nil }
        let codeShaped = SpecialAnswers.wholeNumber(entry.value).map { $0 <= 0 || String($0).allSatisfy { $0 == "9" } } ?? false
        guard codeShaped || entry.count >= 3 else { return nil }
        return UndeclaredCodeAdvice(value: entry.value, count: entry.count, total: invalidAnswerCount,
                                    items: entry.items.sorted(), codebook: codebook).text
    }

    /// When most rejected answers are words that are no label (free spellings such as `Yesss`,
    /// `Nope`), the advice to list them as synonyms of their points.
    private func spellingAdvice() -> String? {
        LabelSpellingAdvice(invalid: Array(invalidValues.values), total: invalidAnswerCount, codebook: codebook)?.text
    }

    mutating func finish(sha256: String, dialect: CSVDialect, notices: [String]) throws -> ImportSummary {
        if map == nil {
            if held.isEmpty {
                throw ImportFailure(file: file, problems: [ImportProblem(file: file, line: 1, column: nil, header: nil, value: nil,
                    message: "the file is empty: expected a header row and one row per respondent")], total: 1, advice: nil)
            }
            throw ImportFailure(file: file, problems: [ImportProblem(file: file, line: held[0].line, column: nil, header: nil, value: nil,
                message: "the file has header rows but no responses")], total: 1, advice: nil)
        }
        try rejects?.close()
        let declare = declareAdvice() ?? spellingAdvice()
        if problemCount > 0 && !options.skipInvalidRows {
            throw ImportFailure(file: file, problems: problems, total: problemCount,
                advice: declare ?? "Fix the file, or import the valid rows with --skip-invalid-rows (the others go to a rejects file).")
        }
        if respondents == 0 {
            throw ImportFailure(file: file, problems: [ImportProblem(file: file, line: 1, column: nil, header: nil, value: nil,
                message: rejectedRows > 0 ? "every row was rejected: nothing to import" : "the file has a header but no responses")],
                total: 1, advice: nil)
        }
        if let failure = responseIds?.failure { throw failure }
        let dates = submissionDates?.summary
        if !options.acceptsDatesOutsideYear, let failure = submissionDates?.refusal(dates, file: file) { throw failure }
        var missing: [Int: Int] = [:]
        for entry in itemColumns { missing[entry.item] = buffers.count(of: AnswerCode.missing, item: entry.item) }
        let notApplicable = (0..<codebook.items.count).reduce(0) { $0 + buffers.count(of: AnswerCode.notApplicable, item: $1) }
        let dontKnow = (0..<codebook.items.count).reduce(0) { $0 + buffers.count(of: AnswerCode.dontKnow, item: $1) }
        return ImportSummary(file: file, sha256: sha256, byteCount: byteCount, dialect: dialect, columns: map!,
                             notices: notices + identityNotices,
                             respondents: respondents, emptyResponses: emptyResponses, missingAnswers: missing,
                             absentItems: absentItems, rejectedRows: rejectedRows,
                             rejectsPath: rejectedRows > 0 ? rejects?.path : nil,
                             pendingRejects: rejectedRows > 0 ? rejects?.pending : nil,
                             responseIds: responseIds?.summary, submissionDates: dates,
                             notApplicableAnswers: notApplicable, dontKnowAnswers: dontKnow,
                             undeclaredCodeAdvice: rejectedRows > 0 ? declare : nil)
    }

    /// Removes the rejects file written so far (the import failed).
    func discardRejects() {
        rejects?.pending.discard()
    }
}
