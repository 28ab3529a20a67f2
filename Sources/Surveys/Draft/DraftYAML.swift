import PolsoYAML

/// Writes a ``CodebookDraft`` as codebook YAML with a comment on every guess.
///
/// Every string is written double-quoted with YAML escapes, so texts with quotes, colons, `#`,
/// a leading `-`, line breaks or words YAML would read as booleans (`No`, `Yes`) stay strings.
package enum DraftYAML {
    /// The YAML text of `draft`.
    package static func render(_ draft: CodebookDraft) -> String {
        var out = Writer()
        for line in draft.header { out.comment(line, indent: 0) }
        out.blank()
        out.line("instrument: \(YAMLText.quoted(draft.instrument))", indent: 0)
        out.line("version: \(YAMLText.quoted(draft.version))", indent: 0)
        out.line("title: \(YAMLText.quoted(draft.title))", indent: 0)
        for note in draft.scaleNotes { out.comment(note, indent: 0) }
        out.line("scale:", indent: 0)
        scale(draft.scale, into: &out, indent: 2)
        for note in draft.answerNotes { out.comment(note, indent: 0) }
        if !draft.missingAnswers.isEmpty { out.line("missing_answers: \(list(draft.missingAnswers))", indent: 0) }
        if !draft.notApplicableAnswers.isEmpty { out.line("not_applicable_answers: \(list(draft.notApplicableAnswers))", indent: 0) }
        if !draft.dontKnowAnswers.isEmpty { out.line("dont_know_answers: \(list(draft.dontKnowAnswers))", indent: 0) }
        for note in draft.satisfactionNotes { out.comment(note, indent: 0) }
        if let settings = draft.satisfaction {
            out.line("satisfaction:", indent: 0)
            out.line("service: \(YAMLText.quoted(settings.service))", indent: 2)
            out.line("overall: \(YAMLText.quoted(settings.overall))", indent: 2)
            if let nps = settings.nps { out.line("nps: \(YAMLText.quoted(nps))", indent: 2) }
        }
        out.line("blocks:", indent: 0)
        for block in draft.blocks {
            out.line("- id: \(YAMLText.quoted(block.id))", indent: 2)
            for note in block.notes { out.comment(note, indent: 4) }
            out.line("title: \(YAMLText.quoted(block.title))", indent: 4)
            out.line("sections:", indent: 4)
            for section in block.sections {
                out.line("- code: \(YAMLText.quoted(section.code))", indent: 6)
                for note in section.notes { out.comment(note, indent: 8) }
                out.line("title: \(YAMLText.quoted(section.title))", indent: 8)
                out.line("items:", indent: 8)
                for item in section.items {
                    out.line("- code: \(YAMLText.quoted(item.item.code))", indent: 10)
                    out.comment("column #\(item.column)" + (item.notes.isEmpty ? "" : ": " + item.notes.joined(separator: "; ")), indent: 12)
                    out.line("text: \(YAMLText.quoted(item.item.text))", indent: 12)
                    if !item.item.aliases.isEmpty { out.line("aliases: \(list(item.item.aliases))", indent: 12) }
                    if !item.item.codes.entries.isEmpty { codes(item.item.codes, into: &out, indent: 12) }
                    if let own = item.item.scale {
                        out.line("scale:", indent: 12)
                        scale(own, into: &out, indent: 14)
                    }
                }
            }
        }
        if !draft.demographics.isEmpty {
            out.line("demographics:", indent: 0)
            for demographic in draft.demographics {
                let question = demographic.question
                out.line("- code: \(YAMLText.quoted(question.code))", indent: 2)
                out.comment("column #\(demographic.column)" + (demographic.notes.isEmpty ? "" : ": " + demographic.notes.joined(separator: "; ")), indent: 4)
                out.line("text: \(YAMLText.quoted(question.text))", indent: 4)
                if !question.aliases.isEmpty { out.line("aliases: \(list(question.aliases))", indent: 4) }
                out.line("options:", indent: 4)
                for option in question.options { out.line("- \(YAMLText.quoted(option))", indent: 6) }
            }
        }
        if !draft.leftOut.isEmpty {
            out.blank()
            out.comment("Columns left out of the codebook (the import lists them as ignored):", indent: 0)
            for group in draft.leftOut {
                out.comment("\(group.kind): \(group.columns.joined(separator: ", "))", indent: 2)
            }
        }
        return out.text
    }

    private static func scale(_ scale: Scale, into out: inout Writer, indent: Int) {
        if let faces = scale.emoticons {
            out.line("emoticons: \(faces)", indent: indent)
            out.line("positive_from: \(scale.positiveFrom)", indent: indent)
            return
        }
        out.line("min: \(scale.min)", indent: indent)
        out.line("max: \(scale.max)", indent: indent)
        out.line("positive_from: \(scale.positiveFrom)", indent: indent)
        if !scale.labels.isEmpty {
            out.line("labels:", indent: indent)
            for point in scale.labels.keys.sorted() {
                let synonyms = scale.synonyms[point] ?? []
                let written = synonyms.isEmpty ? YAMLText.quoted(scale.labels[point]!) : list([scale.labels[point]!] + synonyms)
                out.line("\(point): \(written)", indent: indent + 2)
            }
        }
    }

    /// `codes:` with its lists; numbers are written as numbers.
    private static func codes(_ codes: SpecialAnswers, into out: inout Writer, indent: Int) {
        out.line("codes:", indent: indent)
        for (key, answers) in [("missing", codes.missing), ("not_applicable", codes.notApplicable), ("dont_know", codes.dontKnow)] where !answers.isEmpty {
            let written = answers.map { SpecialAnswers.wholeNumber($0).map(String.init) ?? YAMLText.quoted($0) }
            out.line("\(key): [\(written.joined(separator: ", "))]", indent: indent + 2)
        }
    }

    /// A flow list of double-quoted strings.
    static func list(_ values: [String]) -> String {
        "[" + values.map(YAMLText.quoted).joined(separator: ", ") + "]"
    }

    private struct Writer {
        var text = ""

        mutating func line(_ content: String, indent: Int) {
            text += String(repeating: " ", count: indent) + content + "\n"
        }

        /// A comment on one line: line breaks in the text (headers spanning lines) become spaces.
        mutating func comment(_ content: String, indent: Int) {
            line("# " + YAMLText.comment(content), indent: indent)
        }

        mutating func blank() { text += "\n" }
    }
}
