import PolsoYAML

/// The advice shown when most rejected answers are words that are no label of a labelled scale:
/// free spellings (`Yesss`, `Nope`, `Y`) belong in the codebook as synonyms of their point, not
/// in a CSV edit or `--skip-invalid-rows`.
struct LabelSpellingAdvice {
    /// The rejected words, most frequent first, with their counts.
    let words: [(value: String, count: Int)]
    /// How many answers were rejected in all.
    let total: Int
    /// The items the words were given to.
    let items: [Int]
    let codebook: Codebook

    /// The advice, or `nil` when the rejected words are fewer than three or not most of the rejected
    /// answers, or the items they were given to have no labels to attach synonyms to.
    init?(invalid: [(value: String, count: Int, items: Set<Int>)], total: Int, codebook: Codebook) {
        let words = invalid.filter { !$0.value.isEmpty && SpecialAnswers.wholeNumber($0.value) == nil
            && Double($0.value.replacingOccurrences(of: ",", with: ".")) == nil }
        let count = words.reduce(0) { $0 + $1.count }
        let items = Set(words.flatMap(\.items)).sorted()
        // As for an undeclared code, one or two stray words keep the usual advice (a typo is fixed in the file).
        guard count >= 3, count * 2 > total, let first = items.first, !codebook.scale(ofItem: first).labels.isEmpty else { return nil }
        self.words = words.sorted { $0.count > $1.count || ($0.count == $1.count && $0.value < $1.value) }.map { ($0.value, $0.count) }
        self.total = total
        self.items = items
        self.codebook = codebook
    }

    var text: String {
        let codes = items.map { codebook.items[$0].code }
        let named = UndeclaredCodeAdvice.itemList(codes)
        let shown = words.prefix(8).map { "\(TextExcerpt.quoted($0.value)) ×\($0.count)" }.joined(separator: ", ")
            + (words.count > 8 ? " and \(words.count - 8) more" : "")
        let count = words.reduce(0) { $0 + $1.count }
        var lines = ["Most rejected answers (\(count) of \(total)) are words that are no label of the scale of \(named): \(shown).",
                     "If they are other spellings of the labels, list each under its point as a synonym in the codebook"
                     + " (key labels of the scale), rather than editing the file or skipping rows; for example:"]
        let scale = codebook.scale(ofItem: items[0])
        let onCodebookScale = items.allSatisfy { codebook.items[$0].scale == nil }
        lines.append(onCodebookScale ? "  scale:" : "  - code: \(codes[0])\n    scale:")
        let indent = onCodebookScale ? "    " : "      "
        lines.append(indent + "min: \(scale.min)")
        lines.append(indent + "max: \(scale.max)")
        lines.append(indent + "labels:")
        for point in scale.points {
            guard let label = scale.labels[point] else { continue }
            lines.append(indent + "  \(point): [\(YAMLText.quoted(label)), …other spellings]")
        }
        lines.append("Words that mean no answer, not applicable or don't know are declared as codes instead (scale.codes.missing, .not_applicable, .dont_know).")
        return lines.joined(separator: "\n")
    }
}
