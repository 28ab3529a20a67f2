import Foundation
import PolsoYAML

extension Codebook: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case instrument, version, title, scale, missingAnswers = "missing_answers", blocks, demographics
        case notApplicableAnswers = "not_applicable_answers", satisfaction, dontKnowAnswers = "dont_know_answers", rescale
    }

    /// Decodes a codebook and checks it: unique codes, known importance targets, items in every section.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let blocks = try container.decode([Block].self, forKey: .blocks)
        guard !blocks.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .blocks, in: container, debugDescription: "a codebook needs at least one block")
        }
        self.init(
            instrument: try container.decode(String.self, forKey: .instrument),
            version: try container.decode(String.self, forKey: .version),
            title: try container.decodeIfPresent(String.self, forKey: .title) ?? "",
            scale: try container.decode(Scale.self, forKey: .scale),
            missingAnswers: try container.decodeIfPresent([String].self, forKey: .missingAnswers) ?? [],
            blocks: blocks,
            demographics: try container.decodeIfPresent([DemographicQuestion].self, forKey: .demographics) ?? [],
            notApplicableAnswers: try container.decodeIfPresent([String].self, forKey: .notApplicableAnswers) ?? [],
            satisfaction: try container.decodeIfPresent(SatisfactionSettings.self, forKey: .satisfaction),
            dontKnowAnswers: try container.decodeIfPresent([String].self, forKey: .dontKnowAnswers) ?? [],
            rescale: try container.decodeIfPresent(Rescale.self, forKey: .rescale))
        try validate(codingPath: container.codingPath)
        try validateAnswerWords(codingPath: container.codingPath)
        try validateSpecialAnswers(codingPath: container.codingPath)
        try validateSharedScales(codingPath: container.codingPath)
        try validateSatisfaction(codingPath: container.codingPath + [CodingKeys.satisfaction])
    }

    private func validate(codingPath: [any CodingKey]) throws {
        func fail(_ path: [any CodingKey], _ message: String) -> DecodingError {
            .dataCorrupted(.init(codingPath: codingPath + path, debugDescription: message))
        }
        var itemCodes: Set<String> = []
        var sectionCodes: Set<String> = []
        for (b, block) in blocks.enumerated() {
            let blockPath: [any CodingKey] = [CodingKeys.blocks, AnyCodingKey(intValue: b)]
            for (s, section) in block.sections.enumerated() {
                let sectionPath = blockPath + [AnyCodingKey(stringValue: "sections"), AnyCodingKey(intValue: s)]
                guard sectionCodes.insert(section.code).inserted else {
                    throw fail(sectionPath + [AnyCodingKey(stringValue: "code")], "section code '\(section.code)' is used twice")
                }
                guard !section.items.isEmpty else {
                    throw fail(sectionPath, "section '\(section.code)' has no items")
                }
                for (i, item) in section.items.enumerated() where !itemCodes.insert(item.code).inserted {
                    throw fail(sectionPath + [AnyCodingKey(stringValue: "items"), AnyCodingKey(intValue: i), AnyCodingKey(stringValue: "code")],
                               "item code '\(item.code)' is used twice")
                }
            }
        }
        for (b, block) in blocks.enumerated() {
            for (s, section) in block.sections.enumerated() {
                for (i, item) in section.items.enumerated() {
                    if let target = item.importanceOf, !sectionCodes.contains(target) {
                        throw fail([CodingKeys.blocks, AnyCodingKey(intValue: b), AnyCodingKey(stringValue: "sections"), AnyCodingKey(intValue: s),
                                    AnyCodingKey(stringValue: "items"), AnyCodingKey(intValue: i), AnyCodingKey(stringValue: "importance_of")],
                                   "importance_of names section '\(target)', which the codebook does not have")
                    }
                }
            }
        }
        var demographicCodes: Set<String> = []
        for (d, question) in demographics.enumerated() where !demographicCodes.insert(question.code).inserted {
            throw fail([CodingKeys.demographics, AnyCodingKey(intValue: d), AnyCodingKey(stringValue: "code")],
                       "demographic code '\(question.code)' is used twice")
        }
    }

    /// Loads the codebook at `path`; errors name the file, line and key.
    package static func load(path: String) throws -> Codebook {
        try YAMLFile.load(Codebook.self, path: path)
    }

    /// Decodes a codebook from YAML text; `file` names it in errors.
    package static func decode(yaml: String, file: String) throws -> Codebook {
        try YAMLFile.decode(Codebook.self, from: yaml, file: file)
    }
}

extension Block: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case id, title, synthesis, sections, rescale }

    /// Decodes a block; `synthesis` defaults to true.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.decode(String.self, forKey: .id),
                  title: try container.decode(String.self, forKey: .title),
                  inSynthesis: try container.decodeIfPresent(Bool.self, forKey: .synthesis) ?? true,
                  sections: try container.decode([Section].self, forKey: .sections),
                  rescale: try container.decodeIfPresent(Rescale.self, forKey: .rescale))
    }
}

extension Section: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case code, title, items, rescale }

    /// Decodes a section.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try container.decode(String.self, forKey: .code),
                  title: try container.decode(String.self, forKey: .title),
                  items: try container.decode([Item].self, forKey: .items),
                  rescale: try container.decodeIfPresent(Rescale.self, forKey: .rescale))
    }
}

extension Item: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, text, reversed, aliases, importanceOf = "importance_of", scale, codes
    }

    /// Decodes an item; `reversed` defaults to false.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try container.decode(String.self, forKey: .code),
                  text: try container.decode(String.self, forKey: .text),
                  reversed: try container.decodeIfPresent(Bool.self, forKey: .reversed) ?? false,
                  aliases: try container.decodeIfPresent([String].self, forKey: .aliases) ?? [],
                  importanceOf: try container.decodeIfPresent(String.self, forKey: .importanceOf),
                  scale: try container.decodeIfPresent(Scale.self, forKey: .scale),
                  codes: try container.decodeIfPresent(SpecialAnswers.self, forKey: .codes) ?? SpecialAnswers())
    }
}

extension DemographicQuestion: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case code, text, options, aliases }

    /// Decodes a demographic question; it needs at least two options.
    ///
    /// `options` is a list in order, each entry one text or a list of synonyms (the first is
    /// displayed), or a mapping from language codes to such lists (`{it: [...], en: [...]}`).
    /// Every synonym in every language is accepted as an answer; one answer may not name two options.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var lists: [(language: String?, options: [[String]])] = []
        for (language, table) in try LabelTable.decodeLanguages(container, key: .options) {
            guard case let .list(list) = table else {
                throw DecodingError.dataCorruptedError(forKey: .options, in: container,
                    debugDescription: "options are a list in order (one text or a list of synonyms per option), or such lists per language")
            }
            guard list.count >= 2, list.count <= 250 else {
                throw DecodingError.dataCorruptedError(forKey: .options, in: container,
                                                       debugDescription: "a demographic question needs 2 to 250 options")
            }
            if let first = lists.first, first.options.count != list.count {
                throw DecodingError.dataCorruptedError(forKey: .options, in: container,
                    debugDescription: "'\(first.language ?? "")' lists \(first.options.count) options and '\(language ?? "")' \(list.count); every language lists the same options in the same order")
            }
            lists.append((language, list))
        }
        var seen: [String: (option: Int, text: String)] = [:]
        for (_, list) in lists {
            for (option, texts) in list.enumerated() {
                for text in texts {
                    // An answer `2` names the second option: a numeric text must be its own position.
                    if let number = SpecialAnswers.wholeNumber(text), number != option + 1 {
                        throw DecodingError.dataCorruptedError(forKey: .options, in: container,
                            debugDescription: "option \(option + 1)'s answer \"\(text)\" would read as option \(number); numbers name options by position")
                    }
                    let key = TextKey.text(text)
                    if let earlier = seen[key], earlier.option != option {
                        throw DecodingError.dataCorruptedError(forKey: .options, in: container,
                            debugDescription: "options \(earlier.option + 1) and \(option + 1) share the answer \"\(earlier.text)\"\(earlier.text == text ? "" : " / \"\(text)\"")"
                                + "; an answer could not tell them apart")
                    }
                    seen[key] = (option, text)
                }
            }
        }
        let display = lists[0].options.map { $0[0] }
        var synonyms = lists[0].options.map { Array($0.dropFirst()) }
        var localized: [String: [String]] = [:]
        for (offset, entry) in lists.enumerated() {
            if let language = entry.language { localized[language] = entry.options.map { $0[0] } }
            if offset > 0 { for (option, texts) in entry.options.enumerated() { synonyms[option] += texts } }
        }
        self.init(code: try container.decode(String.self, forKey: .code),
                  text: try container.decode(String.self, forKey: .text),
                  options: display,
                  aliases: try container.decodeIfPresent([String].self, forKey: .aliases) ?? [],
                  synonyms: synonyms, localizedOptions: localized)
    }
}
