import PolsoYAML

/// A questionnaire: its scale, its blocks of sections of items, and its demographic questions.
///
/// Codebooks are YAML files (see docs/codebooks.md); ANAC 2013 ships built in.
/// Items keep their declared order; ``items`` lists them flat, and every answer matrix in Polso
/// has one column per item in that order.
public struct Codebook: Sendable, Equatable {
    /// Short identifier, e.g. `anac-2013`.
    public var instrument: String
    /// Version of the codebook, recorded with every import.
    public var version: String
    /// Human title.
    public var title: String
    /// The default answer scale of the items.
    public var scale: Scale
    /// Answers that mean "no answer" besides an empty cell (`N/A`, `Non so`…), compared ignoring case.
    public var missingAnswers: [String]
    /// The blocks, in questionnaire order.
    public var blocks: [Block]
    /// The demographic questions.
    public var demographics: [DemographicQuestion]
    /// Answers that mean "not applicable" (`Non applicabile`, `Non ho usato il servizio`…),
    /// compared ignoring case: stored as ``AnswerCode/notApplicable``, kept out of denominators.
    public var notApplicableAnswers: [String]
    /// For a customer-satisfaction questionnaire: its service question, headline item and NPS item.
    public var satisfaction: SatisfactionSettings?
    /// Answers that mean "don't know" for every item, compared ignoring case: stored as
    /// ``AnswerCode/dontKnow``, kept out of denominators.
    public var dontKnowAnswers: [String]
    /// How every item is put on one scale before averaging, unless a block or section says otherwise.
    public var rescale: Rescale?

    /// Every item, in questionnaire order.
    public private(set) var items: [Item] = []
    /// For each item (same order as ``items``): its block and section indexes.
    public private(set) var itemLocations: [(block: Int, section: Int)] = []
    /// For each item: how its raw answers are scored (reversal, then rescaling).
    private var scoring: [ItemScoring] = []

    /// A codebook from its parts; item codes must be unique.
    public init(instrument: String, version: String, title: String, scale: Scale, missingAnswers: [String],
                blocks: [Block], demographics: [DemographicQuestion], notApplicableAnswers: [String] = [],
                satisfaction: SatisfactionSettings? = nil, dontKnowAnswers: [String] = [], rescale: Rescale? = nil) {
        self.instrument = instrument
        self.version = version
        self.title = title
        self.scale = scale
        self.missingAnswers = missingAnswers
        self.blocks = blocks
        self.demographics = demographics
        self.notApplicableAnswers = notApplicableAnswers
        self.satisfaction = satisfaction
        self.dontKnowAnswers = dontKnowAnswers
        self.rescale = rescale
        index()
    }

    private mutating func index() {
        items = []
        itemLocations = []
        scoring = []
        for (b, block) in blocks.enumerated() {
            for (s, section) in block.sections.enumerated() {
                for item in section.items {
                    items.append(item)
                    itemLocations.append((b, s))
                    scoring.append(ItemScoring(scale: item.scale ?? scale, reversed: item.reversed,
                                               rescale: section.rescale ?? block.rescale ?? rescale))
                }
            }
        }
    }

    /// The position of the item with `code` in ``items``.
    public func itemIndex(code: String) -> Int? {
        items.firstIndex { $0.code == code }
    }

    /// The scale of item `index`.
    public func scale(ofItem index: Int) -> Scale {
        items[index].scale ?? scale
    }

    /// The score of a raw answer to item `index`: reverse-scored for negatively worded items,
    /// then put on the common scale when the codebook, block or section declares a ``Rescale``.
    ///
    /// This is the one place where reverse scoring and rescaling happen; stored answers stay raw.
    @inline(__always)
    public func score(raw value: Int, item index: Int) -> Double {
        scoring[index].score(value)
    }

    /// The point of item `index`'s own scale that a raw answer counts as once reverse-scored
    /// (for distributions and % positive, which stay on the item's scale).
    @inline(__always)
    public func scoredPoint(raw value: Int, item index: Int) -> Int {
        scoring[index].point(value)
    }

    /// The scale that item `index`'s scores are on: its own, or the range it is rescaled to.
    public func scoreRange(ofItem index: Int) -> ClosedRange<Double> {
        scoring[index].range
    }

    /// The scale shared by the items at `indexes` (same points and positive threshold), if any.
    public func sharedScale(of indexes: [Int]) -> Scale? {
        guard let first = indexes.first else { return nil }
        let scale = self.scale(ofItem: first)
        return indexes.allSatisfy {
            let other = self.scale(ofItem: $0)
            return other.min == scale.min && other.max == scale.max && other.positiveFrom == scale.positiveFrom
        } ? scale : nil
    }

    /// The answers of item `index` that are no scale point: the codebook-wide words, then the
    /// codes of the item's scale, then the item's own codes.
    public func specialAnswers(ofItem index: Int) -> SpecialAnswers {
        SpecialAnswers(missing: missingAnswers, notApplicable: notApplicableAnswers, dontKnow: dontKnowAnswers)
            .adding(scale(ofItem: index).codes)
            .adding(items[index].codes)
    }

    /// The flat item indexes of section `section` of block `block`.
    public func itemIndexes(block: Int, section: Int) -> [Int] {
        itemLocations.indices.filter { itemLocations[$0].block == block && itemLocations[$0].section == section }
    }

    public static func == (lhs: Codebook, rhs: Codebook) -> Bool {
        lhs.instrument == rhs.instrument && lhs.version == rhs.version && lhs.title == rhs.title
            && lhs.scale == rhs.scale && lhs.missingAnswers == rhs.missingAnswers && lhs.blocks == rhs.blocks
            && lhs.demographics == rhs.demographics && lhs.notApplicableAnswers == rhs.notApplicableAnswers
            && lhs.satisfaction == rhs.satisfaction && lhs.dontKnowAnswers == rhs.dontKnowAnswers && lhs.rescale == rhs.rescale
    }
}

/// A group of sections reported together, with its own "MEDIA" (e.g. *Benessere organizzativo*).
public struct Block: Sendable, Equatable {
    /// Identifier, e.g. `benessere_organizzativo`.
    public var id: String
    /// Human title.
    public var title: String
    /// Whether the block enters synthesis scores; the ANAC importance block does not.
    public var inSynthesis: Bool
    /// The sections, in order.
    public var sections: [Section]
    /// How the block's items are put on one scale, unless a section says otherwise.
    public var rescale: Rescale?

    /// A block.
    public init(id: String, title: String, inSynthesis: Bool = true, sections: [Section], rescale: Rescale? = nil) {
        self.id = id
        self.title = title
        self.inSynthesis = inSynthesis
        self.sections = sections
        self.rescale = rescale
    }
}

/// A section (*ambito*) of items, e.g. `A` *Sicurezza e salute sul luogo di lavoro…*.
public struct Section: Sendable, Equatable {
    /// Code, e.g. `A`.
    public var code: String
    /// Human title.
    public var title: String
    /// The items, in order.
    public var items: [Item]
    /// How the section's items are put on one scale.
    public var rescale: Rescale?

    /// A section.
    public init(code: String, title: String, items: [Item], rescale: Rescale? = nil) {
        self.code = code
        self.title = title
        self.items = items
        self.rescale = rescale
    }
}

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
    public init(code: String, text: String, reversed: Bool = false, aliases: [String] = [],
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
    public init(code: String, text: String, options: [String], aliases: [String] = [],
                synonyms: [[String]] = [], localizedOptions: [String: [String]] = [:]) {
        self.code = code
        self.text = text
        self.options = options
        self.aliases = aliases
        self.synonyms = synonyms.isEmpty ? options.map { _ in [] } : synonyms
        self.localizedOptions = localizedOptions
    }

    /// The display texts of the options in `language`, else in the first language.
    public func options(language: String?) -> [String] {
        language.flatMap { localizedOptions[$0] } ?? options
    }
}
