/// A first codebook for an export, inferred from its header and the answers seen, with a note on
/// everything the user should check (`polso codebook draft`).
///
/// Build it with ``init(profile:name:)``, render it with ``DraftYAML``; ``codebook`` is the
/// codebook that the rendered YAML decodes to.
package struct CodebookDraft: Sendable {
    /// An item and what was guessed about it.
    package struct DraftItem: Sendable {
        package var item: Item
        /// The column it was drafted from, 1-based, and its header.
        package var column: Int
        package var header: String
        package var notes: [String]
    }

    /// A section and what was guessed about it.
    package struct DraftSection: Sendable {
        package var code: String
        package var title: String
        package var items: [DraftItem]
        package var notes: [String]
        /// The scale every item of the section has.
        package var scale: Scale
    }

    /// A block: consecutive sections on one scale.
    package struct DraftBlock: Sendable {
        package var id: String
        package var title: String
        package var sections: [DraftSection]
        package var notes: [String]
    }

    /// A demographic question and what was guessed about it.
    package struct DraftDemographic: Sendable {
        package var question: DemographicQuestion
        package var column: Int
        package var notes: [String]
    }

    /// Columns the draft leaves out, by kind.
    package struct LeftOut: Sendable {
        package var kind: String
        package var columns: [String]
    }

    package var instrument: String
    package var version = "1"
    package var title: String
    /// The default scale: the one most items share.
    package var scale: Scale
    package var scaleNotes: [String]
    package var missingAnswers: [String]
    package var notApplicableAnswers: [String]
    package var dontKnowAnswers: [String]
    /// Notes on the answer words and codes (where they were seen, what could not be declared).
    package var answerNotes: [String]
    package var blocks: [DraftBlock]
    package var demographics: [DraftDemographic]
    package var satisfaction: SatisfactionSettings?
    package var satisfactionNotes: [String]
    /// The opening comment: source file, format, respondents.
    package var header: [String]
    package var leftOut: [LeftOut]

    /// The codebook the draft stands for.
    package var codebook: Codebook {
        Codebook(instrument: instrument, version: version, title: title, scale: scale, missingAnswers: missingAnswers,
                 blocks: blocks.map { block in
                     Block(id: block.id, title: block.title, sections: block.sections.map { section in
                         Section(code: section.code, title: section.title, items: section.items.map(\.item))
                     })
                 },
                 demographics: demographics.map(\.question), notApplicableAnswers: notApplicableAnswers,
                 satisfaction: satisfaction, dontKnowAnswers: dontKnowAnswers)
    }
}
