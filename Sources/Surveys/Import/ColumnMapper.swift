/// Decides the role of every column of an export from its header row(s).
///
/// Items are recognised by code in any common spelling (`A01`, `A.01`, `A_01`, `A[A01]`,
/// `A[SQ001]` by position in section `A`, `A01. text`), by their text (normalised with
/// ``TextKey``), by grid headers `Section title [item text]`, by an abbreviated text ending in
/// `...`, or through a mapping file. Metadata columns of known tools are skipped.
struct ColumnMapper {
    let codebook: Codebook
    let mapping: ColumnMapping?

    private var codeIndex: [String: [Target]] = [:]
    private var textIndex: [String: [Target]] = [:]
    /// Each item's text key, in item order (for abbreviated headings).
    private var itemTextKeys: [String] = []
    private var sectionByCode: [String: Int] = [:]
    private var sectionByTitle: [String: [Int]] = [:]
    private var sectionItems: [[Int]] = []
    /// Sections whose items carry `Q[SQnnn]` codes or aliases of their own: matched by name, never by position.
    private var sectionsNamingSubquestions: Set<Int> = []

    enum Target: Hashable {
        case item(Int)
        case demographic(Int)

        var role: ColumnMap.Role {
            switch self {
            case let .item(index): return .item(index)
            case let .demographic(index): return .demographic(index)
            }
        }
    }

    init(codebook: Codebook, mapping: ColumnMapping?) {
        self.codebook = codebook
        self.mapping = mapping
        for (index, item) in codebook.items.enumerated() {
            for code in [item.code] + item.aliases {
                if let key = TextKey.code(code) { codeIndex[key, default: []].append(.item(index)) }
                textIndex[TextKey.text(code), default: []].append(.item(index))
            }
            textIndex[TextKey.text(item.text), default: []].append(.item(index))
            itemTextKeys.append(TextKey.text(item.text))
        }
        for (index, question) in codebook.demographics.enumerated() {
            for code in [question.code] + question.aliases {
                if let key = TextKey.code(code) { codeIndex[key, default: []].append(.demographic(index)) }
                textIndex[TextKey.text(code), default: []].append(.demographic(index))
            }
            textIndex[TextKey.text(question.text), default: []].append(.demographic(index))
        }
        var flat = 0
        for block in codebook.blocks {
            for section in block.sections {
                let position = sectionItems.count
                if let key = TextKey.code(section.code) { sectionByCode[key] = position }
                sectionByTitle[TextKey.text(section.title), default: []].append(position)
                sectionItems.append(Array(flat..<(flat + section.items.count)))
                let namesSubquestions = section.items.contains { item in
                    ([item.code] + item.aliases).contains { name in
                        guard let (outer, _) = splitBracket(name) else { return false }
                        return TextKey.code(outer) != nil && TextKey.code(outer) == TextKey.code(section.code)
                    }
                }
                if namesSubquestions { sectionsNamingSubquestions.insert(position) }
                flat += section.items.count
            }
        }
        for key in codeIndex.keys { codeIndex[key] = Array(Set(codeIndex[key]!)) }
        for key in textIndex.keys { textIndex[key] = Array(Set(textIndex[key]!)) }
    }

    /// Maps the columns of an export's layout: a mapping file's entry first, then items and
    /// demographic questions by name or text, then the layout's kind (metadata, free text, empty).
    /// Only mapping-file mistakes, ambiguous columns and two columns for one item are problems;
    /// other columns are ignored.
    func map(_ layout: ExportLayout) -> (ColumnMap, [ColumnProblem]) {
        let headers = layout.headers
        var roles: [ColumnMap.Role] = []
        var matches: [ColumnMap.Match?] = []
        var problems: [ColumnProblem] = []
        for (column, entry) in layout.columns.enumerated() {
            switch resolve(column: column, entry, questionName: Self.questionName(of: entry.name, in: layout)) {
            case let .success(role, match):
                roles.append(role)
                matches.append(match)
            case let .failure(reason, candidates):
                roles.append(.ignored)
                matches.append(nil)
                problems.append(ColumnProblem(column: column + 1, header: entry.header, reason: reason, candidates: candidates))
            }
        }
        // Two columns for one item or question.
        var firstColumn: [ColumnMap.Role: Int] = [:]
        for (column, role) in roles.enumerated() {
            switch role {
            case .item, .demographic:
                if let earlier = firstColumn[role] {
                    problems.append(ColumnProblem(column: column + 1, header: headers[column],
                        reason: "\(describe(role)) already comes from column \(earlier + 1) \(TextExcerpt.quoted(headers[earlier])); keep one of them with --map (e.g. \"#\(column + 1)\": ignore)",
                        candidates: ["ignore"]))
                } else {
                    firstColumn[role] = column
                }
            default: continue
            }
        }
        let map = ColumnMap(headers: headers, roles: roles, matches: matches, layout: layout)
        return (map, problems)
    }

    /// The code of an item or demographic question.
    private func code(_ target: Target) -> String {
        switch target {
        case let .item(index): return codebook.items[index].code
        case let .demographic(index): return codebook.demographics[index].code
        }
    }

    func describe(_ role: ColumnMap.Role) -> String {
        switch role {
        case let .item(index): return "item \(codebook.items[index].code)"
        case let .demographic(index): return "demographic question '\(codebook.demographics[index].code)'"
        case .metadata: return "metadata"
        case .ignored: return "ignored"
        }
    }

    private enum Resolution {
        case success(ColumnMap.Role, ColumnMap.Match?)
        case failure(String, candidates: [String] = [])
    }

    /// The question name inside a group path: ODK Central and Briefcase join groups with `-`
    /// (`valutazione-q1`), KoboToolbox with `/` (`valutazione/q1`). A KoboToolbox `question/option`
    /// column of a select-multiple (its prefix is a column of its own) is no group path.
    static func questionName(of name: String, in layout: ExportLayout) -> String? {
        let separator: Character
        switch layout.format {
        case .odk: separator = "-"
        case .koboToolbox: separator = "/"
        default: return nil
        }
        guard let cut = name.lastIndex(of: separator), name.index(after: cut) < name.endIndex else { return nil }
        let prefix = String(name[..<cut])
        if layout.format == .koboToolbox, layout.columns.contains(where: { $0.name == prefix }) { return nil }
        return String(name[name.index(after: cut)...])
    }

    private func resolve(column index: Int, _ column: ExportLayout.Column, questionName: String?) -> Resolution {
        switch mapping?.entry(forColumn: index, column) {
        case let .found(.code(code), key):
            let candidates = targets(forCode: code)
            guard candidates.count == 1 else {
                return .failure("the mapping file maps it (\"\(key)\") to '\(code)', which is no item or demographic code of \(codebook.instrument)")
            }
            return .success(candidates[0].role, .mappingFile)
        case .found(.ignore, _): return .success(.ignored, .mappingFile)
        case .found(.metadata, _): return .success(.metadata, .mappingFile)
        case let .conflict(keys):
            return .failure("the mapping file's patterns \(keys.map { "\"\($0)\"" }.joined(separator: ", ")) give it different codes; address it by position (\"#\(index + 1)\")")
        case nil: break
        }
        let candidates = [column.name, column.text, questionName].compactMap { $0 }
        var ambiguous: [Target] = []
        for candidate in candidates where !TextKey.text(candidate).isEmpty {
            switch match(candidate) {
            case let .found(target, how): return .success(target.role, target.isItem ? how : nil)
            case let .ambiguous(targets): ambiguous = targets
            case .none: continue
            }
        }
        if !ambiguous.isEmpty {
            let sorted = ambiguous.sorted { describe($0.role) < describe($1.role) }
            let names = sorted.map { describe($0.role) }
            return .failure("ambiguous: it could be \(names.joined(separator: " or ")); settle it with --map (\"#\(index + 1)\": CODE)",
                            candidates: sorted.map(code))
        }
        return .success(column.kind == .metadata ? .metadata : .ignored, nil)
    }

    private enum Outcome {
        case found(Target, ColumnMap.Match)
        case ambiguous([Target])
        case none
    }

    private func match(_ header: String) -> Outcome {
        let trimmed = header.trimmingWhitespace()
        // 1. A code on its own.
        let byCode = targets(forCode: trimmed)
        if byCode.count == 1 { return .found(byCode[0], .code) }
        // 2. LimeSurvey `Q[SQ]`, or grid `Title [Row]`.
        if let (outer, inner) = splitBracket(trimmed) {
            let innerByCode = targets(forCode: inner)
            if innerByCode.count == 1 { return .found(innerByCode[0], .code) }
            // A code or alias naming `Q[SQ002]` itself wins over its position in the section; and a
            // section whose items name their subquestions so is never matched by position, since it
            // need not list every subquestion from SQ001 on.
            if let named = textIndex[TextKey.text(trimmed)], named.count == 1 { return .found(named[0], .code) }
            if let outerKey = TextKey.code(outer), let section = sectionByCode[outerKey], !sectionsNamingSubquestions.contains(section),
               let position = subquestionPosition(inner), position >= 1, position <= sectionItems[section].count {
                return .found(.item(sectionItems[section][position - 1]), .position)
            }
            let innerText = TextKey.text(inner)
            let sections = sectionByTitle[TextKey.text(outer)] ?? []
            let inSection = (textIndex[innerText] ?? []).filter { target in
                guard case let .item(index) = target, !sections.isEmpty else { return true }
                return sections.contains { sectionItems[$0].contains(index) }
            }
            if inSection.count == 1 { return .found(inSection[0], .grid) }
            if inSection.count > 1 { return .ambiguous(inSection) }
        }
        // 3. The text itself.
        let key = TextKey.text(trimmed)
        if let found = textIndex[key] {
            if found.count == 1 { return .found(found[0], .text) }
            return .ambiguous(found)
        }
        // 4. `A01. text`, `A01 - text`, `[A01] text`.
        if let code = leadingCode(trimmed) {
            let byLeadingCode = targets(forCode: code)
            if byLeadingCode.count == 1 { return .found(byLeadingCode[0], .code) }
        }
        // 5. Qualtrics question text `Block text - item text`.
        if let dash = trimmed.range(of: " - ", options: .backwards) {
            let tail = TextKey.text(String(trimmed[dash.upperBound...]))
            if let found = textIndex[tail] {
                if found.count == 1 { return .found(found[0], .text) }
                return .ambiguous(found)
            }
        }
        // 6. An abbreviated text: `Il mio luogo di lavoro è sicuro (impianti...`, or LimeSurvey's
        // abbreviated headings cut to about 15 characters: `Il personale è..`.
        if trimmed.hasSuffix("..") || trimmed.hasSuffix("…") {
            let prefix = key
            if prefix.count >= 10 {
                let found = itemTextKeys.indices.filter { itemTextKeys[$0].hasPrefix(prefix) }
                if found.count == 1 { return .found(.item(found[0]), .text) }
                if found.count > 1 { return .ambiguous(found.map(Target.item)) }
            }
        }
        return .none
    }

    private func targets(forCode text: String) -> [Target] {
        guard let key = TextKey.code(text) else { return [] }
        return codeIndex[key] ?? []
    }

    /// `Outer [inner]`, and LimeSurvey's ExpressionScript form `A_SQ001` as (`A`, `SQ001`).
    private func splitBracket(_ header: String) -> (String, String)? {
        if !header.hasSuffix("]"), let marker = header.range(of: "_SQ", options: [.backwards, .caseInsensitive]),
           marker.lowerBound > header.startIndex, !header[marker.upperBound...].isEmpty,
           header[marker.upperBound...].allSatisfy({ $0.isASCII && $0.isNumber }) {
            return (String(header[..<marker.lowerBound]), String(header[header.index(after: marker.lowerBound)...]))
        }
        guard header.hasSuffix("]"), let open = header.lastIndex(of: "[") else { return nil }
        let outer = String(header[..<open]).trimmingWhitespace()
        let inner = String(header[header.index(after: open)..<header.index(before: header.endIndex)]).trimmingWhitespace()
        guard !outer.isEmpty, !inner.isEmpty else { return nil }
        return (outer, inner)
    }

    /// `SQ001` → 1, `1` → 1: LimeSurvey subquestion codes by position.
    private func subquestionPosition(_ inner: String) -> Int? {
        let upper = inner.uppercased()
        if upper.hasPrefix("SQ") { return Int(upper.dropFirst(2)) }
        return Int(upper)
    }

    /// The code before the text of `A01. text`, `A01 - text`, `[A01] text`.
    private func leadingCode(_ header: String) -> String? {
        if header.hasPrefix("["), let close = header.firstIndex(of: "]") {
            return String(header[header.index(after: header.startIndex)..<close])
        }
        guard let end = header.firstIndex(where: { $0 == " " || $0 == ")" }) else { return nil }
        var code = header[..<end]
        while let last = code.last, ".:-)".contains(last) { code = code.dropLast() }
        return String(code)
    }
}

private extension ColumnMapper.Target {
    var isItem: Bool { if case .item = self { return true } else { return false } }
}
