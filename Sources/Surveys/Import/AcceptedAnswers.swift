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
