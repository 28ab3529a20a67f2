import PolsoYAML

/// One question answered on a scale.
public struct Item: Sendable, Equatable {
    /// Code, e.g. `A.04`.
    public var code: String
    /// The question's text as printed on the questionnaire.
    public var text: String
    /// Negatively worded: scored `min + max − x`.
    public var reversed: Bool
    /// Other codes or header texts that name this item in exports.
    public var aliases: [String]
    /// For importance items: the code of the section whose importance it asks.
    public var importanceOf: String?
    /// The item's own scale, when it differs from the codebook's.
    public var scale: Scale?
    /// Answers of this item alone that are no scale point (besides its scale's ``Scale/codes``).
    public var codes: SpecialAnswers

    /// An item.
    package init(code: String, text: String, reversed: Bool = false, aliases: [String] = [],
                importanceOf: String? = nil, scale: Scale? = nil, codes: SpecialAnswers = SpecialAnswers()) {
        self.code = code
        self.text = text
        self.reversed = reversed
        self.aliases = aliases
        self.importanceOf = importanceOf
        self.scale = scale
        self.codes = codes
    }
}
