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
    package init(instrument: String, version: String, title: String, scale: Scale, missingAnswers: [String],
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
    package func itemIndex(code: String) -> Int? {
        items.firstIndex { $0.code == code }
    }

    /// The scale of item `index`.
    package func scale(ofItem index: Int) -> Scale {
        items[index].scale ?? scale
    }

    /// The score of a raw answer to item `index`: reverse-scored for negatively worded items,
    /// then put on the common scale when the codebook, block or section declares a ``Rescale``.
    ///
    /// This is the one place where reverse scoring and rescaling happen; stored answers stay raw.
    @inline(__always)
    package func score(raw value: Int, item index: Int) -> Double {
        scoring[index].score(value)
    }

    /// The point of item `index`'s own scale that a raw answer counts as once reverse-scored
    /// (for distributions and % positive, which stay on the item's scale).
    @inline(__always)
    package func scoredPoint(raw value: Int, item index: Int) -> Int {
        scoring[index].point(value)
    }

    /// The scale that item `index`'s scores are on: its own, or the range it is rescaled to.
    package func scoreRange(ofItem index: Int) -> ClosedRange<Double> {
        scoring[index].range
    }

    /// The scale shared by the items at `indexes` (same points and positive threshold), if any.
    package func sharedScale(of indexes: [Int]) -> Scale? {
        guard let first = indexes.first else { return nil }
        let scale = self.scale(ofItem: first)
        return indexes.allSatisfy {
            let other = self.scale(ofItem: $0)
            return other.min == scale.min && other.max == scale.max && other.positiveFrom == scale.positiveFrom
        } ? scale : nil
    }

    /// The answers of item `index` that are no scale point: the codebook-wide words, then the
    /// codes of the item's scale, then the item's own codes.
    package func specialAnswers(ofItem index: Int) -> SpecialAnswers {
        SpecialAnswers(missing: missingAnswers, notApplicable: notApplicableAnswers, dontKnow: dontKnowAnswers)
            .adding(scale(ofItem: index).codes)
            .adding(items[index].codes)
    }

    /// The flat item indexes of section `section` of block `block`.
    package func itemIndexes(block: Int, section: Int) -> [Int] {
        itemLocations.indices.filter { itemLocations[$0].block == block && itemLocations[$0].section == section }
    }

    public static func == (lhs: Codebook, rhs: Codebook) -> Bool {
        lhs.instrument == rhs.instrument && lhs.version == rhs.version && lhs.title == rhs.title
            && lhs.scale == rhs.scale && lhs.missingAnswers == rhs.missingAnswers && lhs.blocks == rhs.blocks
            && lhs.demographics == rhs.demographics && lhs.notApplicableAnswers == rhs.notApplicableAnswers
            && lhs.satisfaction == rhs.satisfaction && lhs.dontKnowAnswers == rhs.dontKnowAnswers && lhs.rescale == rhs.rescale
    }
}
