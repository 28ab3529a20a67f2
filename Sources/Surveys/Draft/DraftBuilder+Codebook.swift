extension DraftBuilder {
    // MARK: - Blocks and the default scale

    /// Recoded numeric scales (Qualtrics' 10–13: past 10, so kept as seen) widened to the widest
    /// recoded scale of the file that holds them: nobody chose 10 in one grid does not make it 11–13.
    mutating func widenRecodedScales() {
        func isRecoded(_ scale: Scale) -> Bool { scale.min > 1 && scale.labels.isEmpty && scale.emoticons == nil }
        for index in sections.indices where isRecoded(sections[index].scale) {
            let scale = sections[index].scale
            let wider = sections.filter { isRecoded($0.scale) && $0.scale.min <= scale.min && $0.scale.max >= scale.max && $0.scale != scale }
            guard let widest = wider.max(by: { ($0.scale.max - $0.scale.min, $0.items.count) < ($1.scale.max - $1.scale.min, $1.items.count) }) else {
                continue
            }
            sections[index].scale = Scale(min: widest.scale.min, max: widest.scale.max)
            sections[index].notes.append("widened from \(scale.min)–\(scale.max) to the \(widest.scale.min)–\(widest.scale.max) of section \(widest.code): the same recoded scale, with points nobody chose here")
        }
    }

    func blocks() -> (Scale, [CodebookDraft.DraftBlock]) {
        var usage: [(scale: Scale, items: Int)] = []
        for section in sections {
            if let index = usage.firstIndex(where: { $0.scale == section.scale }) {
                usage[index].items += section.items.count
            } else {
                usage.append((section.scale, section.items.count))
            }
        }
        let common = usage.max { $0.items < $1.items }!.scale
        var blocks: [CodebookDraft.DraftBlock] = []
        for var section in sections {
            for index in section.items.indices {
                if section.scale != common { section.items[index].item.scale = section.scale }
                declareCodes(&section.items[index])
            }
            if let last = blocks.last, last.sections.last?.scale == section.scale {
                blocks[blocks.count - 1].sections.append(section)
            } else {
                blocks.append(.init(id: "block\(blocks.count + 1)", title: section.title, sections: [section], notes: []))
            }
        }
        for index in blocks.indices {
            blocks[index].notes = [blocks[index].sections.count == 1 ? "title: taken from its only section"
                : "title: taken from its first section; a block groups consecutive sections on one scale"]
        }
        return (common, blocks)
    }

    /// The numbers seen beside the item's scale, declared as its codes: negative numbers as "not
    /// applicable" (Qualtrics' "no basis for evaluation"), 90 and above as "don't know".
    private func declareCodes(_ entry: inout CodebookDraft.DraftItem) {
        guard let codes = guesses[entry.item.code]?.numericCodes, !codes.isEmpty else { return }
        let notApplicable = codes.keys.filter { $0 < 0 }.sorted(by: >)
        let dontKnow = codes.keys.filter { $0 >= 0 }.sorted()
        entry.item.codes = SpecialAnswers(notApplicable: notApplicable.map(String.init), dontKnow: dontKnow.map(String.init))
        let seen = codes.keys.sorted().map { "\($0) (\(codes[$0]!)×)" }.joined(separator: ", ")
        entry.notes.append("codes: \(seen) seen outside the scale: GUESSED as "
            + [notApplicable.isEmpty ? nil : "not applicable (negative)", dontKnow.isEmpty ? nil : "don't know (90 and above)"]
                .compactMap { $0 }.joined(separator: " and ") + "; check what the survey meant by them")
    }

    // MARK: - Answer words

    func answerWords(codebookItems blocks: [CodebookDraft.DraftBlock]) -> ([String], [String], [String], [String]) {
        var labels: Set<String> = []
        for block in blocks {
            for section in block.sections { for label in section.scale.labels.values { labels.insert(TextKey.text(label)) } }
        }
        var missing: [String] = []
        var notApplicable: [String] = []
        var dontKnow: [String] = []
        var notes: [String] = []
        func add(_ word: String, to key: WritableKeyPath<(missing: [String], notApplicable: [String], dontKnow: [String]), [String]>) {
            guard !(missing + notApplicable + dontKnow).contains(where: { TextKey.text($0) == TextKey.text(word) }) else { return }
            if labels.contains(TextKey.text(word)) {
                notes.append("\"\(word)\" is a label of some scale and a no-answer word elsewhere: left as a label")
                return
            }
            var lists = (missing: missing, notApplicable: notApplicable, dontKnow: dontKnow)
            lists[keyPath: key].append(word)
            (missing, notApplicable, dontKnow) = lists
        }
        for block in blocks {
            for section in block.sections {
                for item in section.items {
                    guard let guess = guesses[item.item.code] else { continue }
                    for word in guess.noAnswer {
                        add(word, to: KnownScales.isDontKnow(word) ? \.dontKnow : \.missing)
                    }
                    for word in guess.notApplicable { add(word, to: \.notApplicable) }
                }
            }
        }
        if !missing.isEmpty { notes.append("missing_answers: words seen that refuse an answer; stored as no answer") }
        if !notApplicable.isEmpty { notes.append("not_applicable_answers: words seen that mean \"not applicable\"; counted apart, outside every denominator") }
        if !dontKnow.isEmpty { notes.append("dont_know_answers: words seen that mean \"don't know\"; counted apart, outside every denominator") }
        return (missing, notApplicable, dontKnow, notes)
    }

    // MARK: - Satisfaction

    func satisfaction(blocks: [CodebookDraft.DraftBlock]) -> (SatisfactionSettings?, [String]) {
        guard let service = demographics.first(where: { $0.question.code == "service" }) else { return (nil, []) }
        let column = profile.columns[service.column - 1]
        guard column.filled == profile.respondents else {
            return (nil, ["column #\(service.column) \"\(service.question.text)\" looks like a service question, but \(profile.respondents - column.filled) response(s) name no service: no satisfaction: keys drafted (every response must name its service)"])
        }
        let items = blocks.flatMap { $0.sections.flatMap { section in section.items.map { ($0, section.scale) } } }
        let overallWords = ["complessiv", "overall", "in generale", "nel complesso", "general"]
        let overall = items.map(\.0).first { item in overallWords.contains { TextKey.text(item.item.text).contains($0) } }
        var notes = ["the file looks like a customer-satisfaction survey: column #\(service.column) names the service"]
        notes.append(overall != nil ? "overall: the item that asks for an overall judgement"
            : "overall: GUESSED as the first item; name the item whose % positive is each service's headline figure")
        let nps = items.first { item, scale in scale.min == 0 && scale.max == 10 && Self.asksRecommendation(item.item.text) }
        if nps != nil { notes.append("nps: a 0–10 item asking whether the user would recommend the service") }
        return (SatisfactionSettings(service: service.question.code, overall: (overall ?? items[0].0).item.code, nps: nps?.0.item.code), notes)
    }
}
