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
        let named = Self.itemList(codes)
        let yamlValue = SpecialAnswers.wholeNumber(value) != nil ? value
            : "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        var lines = ["Most rejected answers (\(count) of \(total)) are \(TextExcerpt.quoted(value)), given to \(named). If it is a code of the survey tool "
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

extension UndeclaredCodeAdvice {
    /// Item codes for an advice: all of them up to six, else the first five and how many more.
    static func itemList(_ codes: [String]) -> String {
        codes.count <= 6 ? codes.joined(separator: ", ") : codes.prefix(5).joined(separator: ", ") + " and \(codes.count - 5) more"
    }
}
