/// What a column's header says about the question: its code, its text, and the grid it belongs to.
struct HeaderShape: Equatable {
    /// The code the export gives the question, if any (`A01`, `SOD`, `Q2_1`, `A[SQ001]` → `A_SQ001`).
    var code: String?
    /// The question's text; the header itself when the export has no text.
    var text: String
    /// Whether the text is only the header repeated (code-only exports).
    var textIsCode: Bool
    /// The grid (matrix, array) the column belongs to: columns with the same key share a scale.
    var grid: String?
    /// The grid's own code, if the export gives one (LimeSurvey `A` in `A[SQ001]`).
    var gridCode: String?
    /// The grid's title, when the header holds it (`Question [Row]`).
    var gridTitle: String?

    init(header: String, questionText: String?, format: ExportFormat) {
        let trimmed = header.trimmingWhitespace()
        let question = questionText?.trimmingWhitespace()
        grid = nil
        gridCode = nil
        gridTitle = nil
        // Qualtrics: row 1 the code (`Q2_1`), row 2 the text (`Question - Row`).
        if format == .qualtrics, let question, !question.isEmpty, !question.hasPrefix("{") {
            code = trimmed
            text = question
            textIsCode = false
            if let underscore = trimmed.lastIndex(of: "_"), !trimmed[trimmed.index(after: underscore)...].isEmpty,
               trimmed[trimmed.index(after: underscore)...].allSatisfy({ $0.isASCII && $0.isNumber }) {
                grid = String(trimmed[..<underscore])
                gridCode = grid
                if let dash = question.range(of: " - ", options: .backwards) {
                    gridTitle = String(question[..<dash.lowerBound])
                }
            }
            return
        }
        // KoboToolbox select-multiple: one 0/1 column per option, `Question/Option`.
        if format == .koboToolbox, let slash = trimmed.lastIndex(of: "/"), slash > trimmed.startIndex,
           trimmed.index(after: slash) < trimmed.endIndex {
            code = nil
            text = String(trimmed[trimmed.index(after: slash)...])
            textIsCode = false
            grid = String(trimmed[..<slash])
            gridTitle = grid
            return
        }
        // LimeSurvey "question code & question text": `A01. text`, and for arrays `A[SQ001]. text [row]`.
        if let dot = trimmed.range(of: ". "), format == .limeSurvey || trimmed[..<dot.lowerBound].contains(where: \.isNumber) {
            let head = String(trimmed[..<dot.lowerBound])
            var rest = String(trimmed[dot.upperBound...]).trimmingWhitespace()
            // LimeSurvey closes multiple-text headings with an empty `[]`.
            if rest.hasSuffix("][]") { rest.removeLast(2) }
            if !rest.isEmpty, let (outer, inner) = Self.codeGrid(head) ?? (Self.isCode(head) ? (head, nil) : nil) {
                code = inner.map { outer + "_" + $0 } ?? outer
                text = rest
                textIsCode = false
                if let inner, !Self.isFreeTextSubquestion(inner) {
                    grid = outer
                    gridCode = outer
                    if rest.hasSuffix("]"), let open = rest.range(of: " [", options: .backwards) {
                        gridTitle = String(rest[..<open.lowerBound])
                        text = String(rest[open.upperBound..<rest.index(before: rest.endIndex)])
                    }
                }
                return
            }
        }
        // `Outer [Inner]`: LimeSurvey codes (`A[SQ001]`) or a full-text grid (`Question [Row]`).
        if trimmed.hasSuffix("]"), let open = trimmed.lastIndex(of: "["), open > trimmed.startIndex {
            let outer = String(trimmed[..<open]).trimmingWhitespace()
            let inner = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]).trimmingWhitespace()
            if !outer.isEmpty, !inner.isEmpty {
                grid = Self.isFreeTextSubquestion(inner) ? nil : outer
                // LimeSurvey code headings have no space before the bracket; full-text grids do.
                if Self.isCode(outer) && Self.isCode(inner) && !trimmed.contains(where: \.isWhitespace) {
                    code = outer + "_" + inner
                    text = trimmed
                    textIsCode = true
                    gridCode = outer
                } else {
                    code = nil
                    text = inner
                    textIsCode = false
                    gridTitle = outer
                }
                return
            }
        }
        if Self.isCode(trimmed) {
            code = trimmed
            text = trimmed
            textIsCode = true
            return
        }
        code = nil
        text = trimmed
        textIsCode = false
    }

    /// LimeSurvey's "other" and "comment" columns of a question: text beside the question, not a row of it.
    static func isFreeTextSubquestion(_ code: String) -> Bool {
        ["other", "comment"].contains(code.lowercased())
    }

    /// `A[SQ001]` → (`A`, `SQ001`): a LimeSurvey array code.
    static func codeGrid(_ text: String) -> (String, String)? {
        guard text.hasSuffix("]"), let open = text.firstIndex(of: "[") else { return nil }
        let outer = String(text[..<open])
        let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        return isCode(outer) && isCode(inner) ? (outer, inner) : nil
    }

    /// A short word with no spaces, shaped like a code: `A01`, `SOD`, `Q2_1`, `SQ001`.
    static func isCode(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 16, let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
    }
}
