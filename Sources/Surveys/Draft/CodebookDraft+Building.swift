import Foundation

extension CodebookDraft {
    /// Most distinct answers a column may have to be drafted as a demographic question.
    static let optionLimit = 12
    /// Most distinct answers of a demographic question whose answers each repeat many times (services, offices).
    static let manyOptionLimit = 50

    /// Drafts a codebook from an export's profile; `name` is the instrument id (default: from the
    /// file name).
    /// - Throws: ``CodebookDraftError`` when no column holds answers on a scale.
    package init(profile: ExportProfile, name: String? = nil) throws {
        var builder = DraftBuilder(profile: profile)
        builder.classify()
        builder.widenRecodedScales()
        guard !builder.sections.isEmpty else {
            throw CodebookDraftError(file: profile.file, message: """
                no column holds answers on a scale (numbers, answer codes, faces or the words of a known scale), \
                so there is no item to draft; write the codebook by hand (docs/codebooks.md)
                """)
        }
        let fileName = URL(fileURLWithPath: profile.file).lastPathComponent
        let instrument = name.map { DraftCodes.slug($0, words: 8) }.flatMap { $0.isEmpty ? nil : $0 }
            ?? DraftCodes.slug(URL(fileURLWithPath: profile.file).deletingPathExtension().lastPathComponent, words: 8)
        self.instrument = instrument.isEmpty ? "draft" : instrument.replacingOccurrences(of: "_", with: "-")
        title = name ?? "Draft from \(fileName)"
        let (scale, blocks) = builder.blocks()
        self.scale = scale
        scaleNotes = ["the scale most items share; items on another scale carry their own"]
        self.blocks = blocks
        var demographics = builder.demographics
        (missingAnswers, notApplicableAnswers, dontKnowAnswers, answerNotes) = builder.answerWords(codebookItems: blocks)
        let (satisfaction, satisfactionNotes) = builder.satisfaction(blocks: blocks)
        if let settings = satisfaction, let service = demographics.firstIndex(where: { $0.question.code == settings.service }) {
            demographics[service].notes.insert("the service question of the satisfaction keys", at: 0)
        }
        self.demographics = demographics
        self.satisfaction = satisfaction
        self.satisfactionNotes = satisfactionNotes
        let itemCount = blocks.reduce(0) { $0 + $1.sections.reduce(0) { $0 + $1.items.count } }
        let rows = "\(profile.headerRowCount) header row\(profile.headerRowCount == 1 ? "" : "s")"
        let layout = profile.layout.contains("header row") ? profile.layout : "\(profile.layout); \(rows)"
        header = [
            "Codebook drafted by `polso codebook draft` from \(fileName)",
            "format detected: \(profile.sheet.map { "Excel workbook, sheet '\($0)': " } ?? "")\(profile.format.rawValue), \(layout); \(profile.respondents) respondent\(profile.respondents == 1 ? "" : "s"); \(profile.columns.count) columns",
            "drafted: \(itemCount) item\(itemCount == 1 ? "" : "s"), \(demographics.count) demographic question\(demographics.count == 1 ? "" : "s")",
            "Every comment marks a guess: check it against the questionnaire, then import with --survey THIS-FILE.",
            "Raise `version` whenever you change a codebook that the store already holds.",
        ] + profile.notices.map { "reader: \($0)" }
        leftOut = builder.leftOut.filter { !$0.columns.isEmpty }
    }
}
