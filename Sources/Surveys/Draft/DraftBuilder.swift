import Foundation

/// The steps of a draft: classify the columns, group them into sections and blocks, settle the
/// answer words and the satisfaction keys.
struct DraftBuilder {
    let profile: ExportProfile
    var codes = DraftCodes()
    var sectionCodes = DraftCodes()
    var sections: [CodebookDraft.DraftSection] = []
    var demographics: [CodebookDraft.DraftDemographic] = []
    var guesses: [String: ScaleGuess] = [:]  // by item code
    /// Why a column is left out; the closing comment lists them in this order.
    enum Omission: Int, CaseIterable {
        case metadata, freeText, other, repeated

        var title: String {
            switch self {
            case .metadata: return "metadata"
            case .freeText: return "free text"
            case .other: return "other (identifiers, dates, numbers off any scale, equations, empty, constant or unnamed columns: an unnamed one can only be mapped by position)"
            case .repeated: return "repeated headers (the import cannot tell the columns apart)"
            }
        }
    }

    var leftOut = Omission.allCases.map { CodebookDraft.LeftOut(kind: $0.title, columns: []) }

    private mutating func leave(_ column: ColumnProfile, _ why: Omission) {
        leftOut[why.rawValue].columns.append(label(column))
    }

    /// For each normalised name or text the importer may match a column by, the columns that carry it.
    let candidateColumns: [String: Set<Int>]

    init(profile: ExportProfile) {
        self.profile = profile
        var candidates: [String: Set<Int>] = [:]
        for column in profile.columns {
            var texts = [column.name, column.questionText].compactMap { $0 }
            // A grid row `Question [Row]` also matches an item by its row text.
            if column.name.hasSuffix("]"), let open = column.name.lastIndex(of: "[") {
                texts.append(String(column.name[column.name.index(after: open)...].dropLast()))
            }
            for text in texts where !TextKey.text(text).isEmpty {
                candidates[TextKey.text(text), default: []].insert(column.position)
            }
        }
        candidateColumns = candidates
    }

    /// The names the importer matches `column` by that the codebook entry does not already carry.
    private func aliases(_ column: ColumnProfile, code: String, text: String) -> [String] {
        let name = column.name.trimmingWhitespace()
        return name.isEmpty || name == code || TextKey.text(name) == TextKey.text(text) ? [] : [name]
    }

    /// `text`, made distinct when another column carries the same text: the importer would match
    /// that column to this item too (Qualtrics' `Q4_2` and `Q4_2_TEXT` share their question text).
    private func distinctText(_ text: String, code: String, column: ColumnProfile, notes: inout [String]) -> String {
        // A repeated header cannot be told apart by any text: it is left out and listed instead.
        let others = (candidateColumns[TextKey.text(text)] ?? []).subtracting([column.position])
            .filter { TextKey.text(profile.columns[$0].name) != TextKey.text(column.name) }
        guard !others.isEmpty else { return text }
        notes.append("the question text is also the text of column\(others.count == 1 ? "" : "s") \(others.sorted().map { "#\($0 + 1)" }.joined(separator: ", ")): the code added to tell them apart")
        return "\(text) (\(code))"
    }

    /// A LimeSurvey equation heading (`{if(age > 65, 1, 0)}`): a computed value, not an answer.
    static func isEquation(_ header: String) -> Bool {
        let trimmed = header.trimmingWhitespace()
        return trimmed.hasPrefix("{") && trimmed.hasSuffix("}")
    }

    private func label(_ column: ColumnProfile) -> String {
        let header = column.source.trimmingWhitespace()
        let shown = header.isEmpty ? "(no header)" : header.count > 60 ? String(header.prefix(57)) + "..." : header
        return "#\(column.position + 1) \(shown)"
    }

    mutating func classify() {
        var shapes: [HeaderShape?] = []
        var seenHeaders: Set<String> = []
        for column in profile.columns {
            let source = column.source
            let key = TextKey.text(source)
            switch column.kind {
            case .metadata:
                leave(column, .metadata)
                shapes.append(nil)
                continue
            case .freeText:
                // A grid row (`Q1[SQ001]`) judged free text from a few distinct answers is still a
                // row of its grid: the grid's shared scale decides, as for its other rows.
                guard HeaderShape(header: source, questionText: column.questionText, format: profile.format).grid != nil else {
                    leave(column, .freeText)
                    shapes.append(nil)
                    continue
                }
            case .empty:
                leave(column, .other)
                shapes.append(nil)
                continue
            case .answer:
                break
            }
            if !key.isEmpty, !seenHeaders.insert(key).inserted {
                leave(column, .repeated)
                shapes.append(nil)
            } else if column.filled == 0 || Self.isEquation(source) || key.isEmpty {
                // A column with no header cannot be matched by a codebook entry (only by a mapping).
                leave(column, .other)
                shapes.append(nil)
            } else {
                shapes.append(HeaderShape(header: source, questionText: column.questionText, format: profile.format))
            }
        }
        var position = 0
        var pendingRun: [(ColumnProfile, HeaderShape, ScaleGuess)] = []
        while position < profile.columns.count {
            guard let shape = shapes[position] else {
                position += 1
                continue
            }
            if let grid = shape.grid {
                var end = position + 1
                while end < profile.columns.count, shapes[end]?.grid == grid { end += 1 }
                let columns = Array(profile.columns[position..<end])
                let merged = ColumnProfile.merged(columns)
                if let guess = ScaleGuess.infer(merged, guessOrder: columns.count >= 2), !merged.overflows {
                    flush(&pendingRun)
                    addGrid(columns: columns, shapes: (position..<end).map { shapes[$0]! }, guess: guess)
                    position = end
                    continue
                }
            }
            let column = profile.columns[position]
            if var guess = ScaleGuess.infer(column), guess.kind != .answerCodes {
                if guess.kind == .numeric, guess.scale.max == 10, guess.scale.min <= 1, Self.asksRecommendation(shape.text) {
                    guess.scale = Scale(min: 0, max: 10, labels: guess.scale.labels)
                    let seen = guess.seen.map { "numbers \($0.lowerBound)–\($0.upperBound) seen; " } ?? ""
                    guess.notes = guess.notes.filter { !$0.hasPrefix("positive from") && !$0.hasPrefix("if nobody") && !$0.hasPrefix("numbers") }
                        + [seen + "proposed 0–10: a question on recommending (Net Promoter Score) is answered 0–10",
                           "positive from \(guess.scale.positiveFrom), the first point above the middle"]
                }
                if let last = pendingRun.last, last.2.scale != guess.scale { flush(&pendingRun) }
                pendingRun.append((column, shape, guess))
            } else {
                flush(&pendingRun)
                addOther(column: column, shape: shape)
            }
            position += 1
        }
        flush(&pendingRun)
    }

    private mutating func addGrid(columns: [ColumnProfile], shapes: [HeaderShape], guess: ScaleGuess) {
        let first = shapes[0]
        let code = sectionCodes.claim(first.gridCode ?? "S\(sections.count + 1)", fallback: "S\(sections.count + 1)")
        var notes: [String] = []
        let title: String
        if let gridTitle = first.gridTitle {
            title = gridTitle
        } else {
            title = first.grid ?? code
            notes.append("title: the export gives only the code \(title); write the question's text")
        }
        notes.append((columns.count == 1 ? "one row of a grid: " : "a grid of \(columns.count) rows sharing one scale: ") + guess.notes.joined(separator: "; "))
        var items: [CodebookDraft.DraftItem] = []
        for (column, shape) in zip(columns, shapes) {
            items.append(makeItem(column: column, shape: shape, notes: []))
            // The grid's scale, with the answer words and codes of this column only.
            var own = guess
            own.numericCodes = guess.numericCodes.filter { code, _ in column.counts.keys.contains { ScaleGuess.wholeNumber($0) == code } }
            own.notApplicable = guess.notApplicable.filter { column.counts[$0] != nil }
            own.noAnswer = guess.noAnswer.filter { column.counts[$0] != nil }
            guesses[items.last!.item.code] = own
        }
        sections.append(.init(code: code, title: title, items: items, notes: notes, scale: guess.scale))
    }

    private mutating func flush(_ run: inout [(ColumnProfile, HeaderShape, ScaleGuess)]) {
        guard let first = run.first else { return }
        var items: [CodebookDraft.DraftItem] = []
        for (column, shape, guess) in run {
            items.append(makeItem(column: column, shape: shape, notes: guess.notes))
            guesses[items.last!.item.code] = guess
        }
        let code = sectionCodes.claim("S\(sections.count + 1)", fallback: "S")
        let title = items.count == 1 ? items[0].item.text : "Questions \(items[0].item.code)–\(items.last!.item.code)"
        let note = items.count == 1 ? "one question on its own scale; rename the section if you like"
            : "consecutive questions on one scale; title: write the section's name"
        sections.append(.init(code: code, title: title, items: items, notes: [note], scale: first.2.scale))
        run = []
    }

    private mutating func makeItem(column: ColumnProfile, shape: HeaderShape, notes: [String]) -> CodebookDraft.DraftItem {
        let code = codes.claim(shape.code ?? "Q\(column.position + 1)", fallback: "Q\(column.position + 1)")
        var notes = notes
        if shape.textIsCode { notes.insert("text: the export gives only the code; write the question", at: 0) }
        let text = distinctText(shape.text, code: code, column: column, notes: &notes)
        return .init(item: Item(code: code, text: text, aliases: aliases(column, code: code, text: text)), column: column.position + 1,
                     header: column.header, notes: notes)
    }

    /// A column with no scale: a demographic question when it has a few options, else left out.
    private mutating func addOther(column: ColumnProfile, shape: HeaderShape) {
        var groups: [String: [String]] = [:]
        var keyOrder: [String] = []
        for value in column.order {
            let key = TextKey.text(value)
            if groups[key] == nil { keyOrder.append(key) }
            groups[key, default: []].append(value)
        }
        let codesOnly = keyOrder.allSatisfy { ScaleGuess.answerCode($0) != nil }
        // A few options each chosen at least twice, or more options each chosen many times.
        let repeated = keyOrder.count <= CodebookDraft.optionLimit ? column.filled >= 2 * keyOrder.count
            : keyOrder.count <= CodebookDraft.manyOptionLimit && column.filled >= 10 * keyOrder.count
        let fewOptions = keyOrder.count >= 2 && repeated && column.longest <= 80 && !column.multiline
        guard !column.overflows, codesOnly || fewOptions else {
            let hasWords = column.order.contains { value in value.contains(where: \.isLetter) && ScaleGuess.wholeNumber(value) == nil }
            leave(column, hasWords ? .freeText : .other)
            return
        }
        var notes: [String] = []
        var options: [String]
        if codesOnly {
            let top = max(keyOrder.compactMap(ScaleGuess.answerCode).max() ?? 2, 2)
            options = (1...top).map { "A\($0)" }
            notes.append("LimeSurvey answer codes A1–A\(top) seen: write each option's text in place of its code, in the same order")
        } else {
            // Each option spelt as most respondents spelt it.
            options = keyOrder.map { key in groups[key]!.max { column.counts[$0]! < column.counts[$1]! }! }
            let numbers = options.map(Self.firstNumber)
            if numbers.allSatisfy({ $0 != nil }), Set(numbers.map { $0! }).count == options.count {
                options.sort { Self.firstNumber($0)! < Self.firstNumber($1)! }
                notes.append("options ordered by the number in each")
            } else {
                options.sort { $0.localizedStandardCompare($1) == .orderedAscending }
                notes.append("options in alphabetical order: put them in the order reports should show")
            }
            notes.append("options: the \(options.count) distinct answers seen; add any that nobody chose")
            if options.contains(where: { option in options.contains { $0 != option && TextKey.text($0).hasPrefix(TextKey.text(option)) } }) {
                notes.append("some options look like spellings of one answer: merge them")
            }
        }
        let service = Self.namesService(shape.text) || Self.namesService(column.header)
        let preferred = service ? "service" : shape.code ?? DraftCodes.slug(shape.text)
        let code = codes.claim(preferred, fallback: "D\(column.position + 1)")
        if shape.textIsCode { notes.insert("text: the export gives only the code; write the question", at: 0) }
        let text = distinctText(shape.text, code: code, column: column, notes: &notes)
        demographics.append(.init(question: DemographicQuestion(code: code, text: text, options: options,
                                                                aliases: aliases(column, code: code, text: text)),
                                  column: column.position + 1, notes: notes))
    }

    private static func firstNumber(_ text: String) -> Int? {
        let digits = text.drop { !($0.isASCII && $0.isNumber) }.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int(digits.prefix(9))
    }

    static func asksRecommendation(_ text: String) -> Bool {
        let key = TextKey.text(text)
        return ["consigli", "raccomand", "recommend"].contains { key.contains($0) }
    }

    static func namesService(_ text: String) -> Bool {
        let key = TextKey.text(text)
        return ["servizi", "service", "ufficio", "uffici", "office", "sportell", "desk"].contains { key.contains($0) }
    }
}
