/// What an item's cells may hold, as an error message lists it: the scale's numbers and labels,
/// the declared codes and the empty cell.
struct AcceptedAnswers: CustomStringConvertible {
    let scale: Scale
    let special: SpecialAnswers

    var description: String {
        var parts = [scale.rangeText]
        let labelled = scale.points.compactMap { point in scale.labels[point].map { "\"\($0)\" (\(point))" } }
        if let first = labelled.first, let last = labelled.last {
            parts.append((labelled.count == 1 ? "the label " : "the labels ") + (labelled.count <= 2 ? labelled.joined(separator: ", ") : "\(first) … \(last)"))
        }
        parts.append("A1–A\(scale.pointCount)")
        for code in [AnswerCode.notApplicable, AnswerCode.dontKnow, AnswerCode.missing] {
            let answers = special.entries.filter { $0.code == code }.map(\.answer)
            guard !answers.isEmpty else { continue }
            let shown = answers.prefix(4).map { SpecialAnswers.wholeNumber($0) != nil ? $0 : "\"\($0)\"" }
            parts.append(Self.meaning(code) + " " + shown.joined(separator: ", ") + (answers.count > 4 ? "…" : ""))
        }
        return parts.joined(separator: ", ") + ", or an empty cell"
    }

    static func meaning(_ code: UInt8) -> String {
        switch code {
        case AnswerCode.notApplicable: return "not applicable"
        case AnswerCode.dontKnow: return "don't know"
        default: return "missing"
        }
    }
}

/// The advice given when most rejected answers of an import are one value: declare it as a code
/// of the codebook (with the key and a YAML snippet) rather than drop every respondent who gave it.
struct UndeclaredCodeAdvice {
    let value: String
    let count: Int
    let total: Int
    let items: [Int]
    let codebook: Codebook

    var text: String {
        let codes = items.map { codebook.items[$0].code }
        let named = codes.count <= 6 ? codes.joined(separator: ", ") : codes.prefix(5).joined(separator: ", ") + " and \(codes.count - 5) more"
        let yamlValue = SpecialAnswers.wholeNumber(value) != nil ? value
            : "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        var lines = ["Most rejected answers (\(count) of \(total)) are \"\(value)\", given to \(named). If it is a code of the survey tool "
                     + "(not applicable, don't know, no answer), declare it in the codebook rather than skipping rows: "
                     + "--skip-invalid-rows would drop every respondent who ever gave it."]
        if items.allSatisfy({ codebook.items[$0].scale == nil }) {
            lines.append("Declare it under the codebook's scale (key scale.codes.not_applicable, or .dont_know / .missing):")
            lines += ["  scale:", "    codes:", "      not_applicable: [\(yamlValue)]"]
        } else {
            lines.append("Declare it on each of these items (key codes.not_applicable, or .dont_know / .missing), or under their scale: as scale.codes:")
            lines += ["  - code: \(codes[0])", "    codes:", "      not_applicable: [\(yamlValue)]"]
        }
        if SpecialAnswers.wholeNumber(value) == nil {
            lines.append("If instead it means a point of the scale, add it to that point's labels as a synonym: 4: [\"Abbastanza d'accordo\", \(yamlValue)].")
        }
        return lines.joined(separator: "\n")
    }
}
