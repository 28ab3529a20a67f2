import PolsoYAML

/// A demographic question (gender, age band…) with its closed list of options.
public struct DemographicQuestion: Sendable, Equatable {
    /// Code used on the command line, e.g. `gender`, `age`, `tenure`, `contract`, `role`.
    public var code: String
    /// The question's text.
    public var text: String
    /// The options' display texts in the codebook's first language, in order.
    public var options: [String]
    /// Other codes or header texts that name this question in exports.
    public var aliases: [String]
    /// Per option (same order as ``options``): further answers accepted for it (synonyms, and
    /// its texts in every other language).
    public var synonyms: [[String]]
    /// Display texts of the options per language code (`it`, `en`), when the codebook gives them.
    public var localizedOptions: [String: [String]]

    /// A demographic question.
    package init(code: String, text: String, options: [String], aliases: [String] = [],
                synonyms: [[String]] = [], localizedOptions: [String: [String]] = [:]) {
        self.code = code
        self.text = text
        self.options = options
        self.aliases = aliases
        self.synonyms = synonyms.isEmpty ? options.map { _ in [] } : synonyms
        self.localizedOptions = localizedOptions
    }

    /// The display texts of the options in `language`, else in the first language.
    package func options(language: String?) -> [String] {
        language.flatMap { localizedOptions[$0] } ?? options
    }
}
