import PolsoYAML

extension Codebook {
    /// Checks that everything averaged together is on one scale: the items of a section (its
    /// mean is the mean of their means) and the sections of a block (its MEDIA, and the synthesis
    /// ratios, average section means). Items on different scales need a ``Rescale``.
    func validateSharedScales(codingPath: [any CodingKey]) throws {
        let advice = "items averaged together must share one scale: declare how to put them on one with "
            + "rescale: {to: [0, 100]} on the section, its block or the codebook (see docs/codebooks.md, \"Scales and rescaling\")"
        var sectionRanges: [[ClosedRange<Double>]] = blocks.map { _ in [] }
        for (b, block) in blocks.enumerated() {
            for s in block.sections.indices {
                let indexes = itemIndexes(block: b, section: s)
                let groups = Self.grouped(indexes.map { (items[$0].code, scoreRange(ofItem: $0)) })
                if groups.count > 1 {
                    throw DecodingError.dataCorrupted(.init(
                        codingPath: codingPath + [CodingKeys.blocks, AnyCodingKey(intValue: b), AnyCodingKey(stringValue: "sections"), AnyCodingKey(intValue: s)],
                        debugDescription: "section '\(block.sections[s].code)' mixes scales: \(Self.describe(groups)); \(advice)"))
                }
                sectionRanges[b].append(groups[0].range)
            }
            let groups = Self.grouped(zip(block.sections.map(\.code), sectionRanges[b]).map { ($0, $1) })
            if groups.count > 1 {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: codingPath + [CodingKeys.blocks, AnyCodingKey(intValue: b)],
                    debugDescription: "block '\(block.id)' mixes scales: sections \(Self.describe(groups)); \(advice)"))
            }
        }
        // The importance gap subtracts a section's mean from its importance item's mean.
        for index in items.indices {
            guard let target = items[index].importanceOf,
                  let section = itemLocations.indices.first(where: { blocks[itemLocations[$0].block].sections[itemLocations[$0].section].code == target })
            else { continue }
            let importance = scoreRange(ofItem: index), agreement = scoreRange(ofItem: section)
            if importance != agreement {
                let (b, s) = itemLocations[index]
                throw DecodingError.dataCorrupted(.init(
                    codingPath: codingPath + [CodingKeys.blocks, AnyCodingKey(intValue: b), AnyCodingKey(stringValue: "sections"), AnyCodingKey(intValue: s)],
                    debugDescription: "item \(items[index].code), the importance of section '\(target)', is on \(Self.rangeText(importance)) and section '\(target)' on "
                        + "\(Self.rangeText(agreement)): their gap subtracts one from the other; put both on one scale (rescale the importance block the same way)"))
            }
        }
    }

    /// Checks every item's declared answers (the codebook-wide words, its scale's codes, its own
    /// codes): none is a point or a label of the item's scale, and none means two things.
    func validateSpecialAnswers(codingPath: [any CodingKey]) throws {
        for index in items.indices {
            let (b, s) = itemLocations[index]
            let position = blocks[b].sections[s].items.firstIndex { $0.code == items[index].code } ?? 0
            let path = codingPath + [CodingKeys.blocks, AnyCodingKey(intValue: b), AnyCodingKey(stringValue: "sections"), AnyCodingKey(intValue: s),
                                     AnyCodingKey(stringValue: "items"), AnyCodingKey(intValue: position)]
            func fail(_ message: String) -> DecodingError {
                .dataCorrupted(.init(codingPath: path, debugDescription: "item \(items[index].code): \(message)"))
            }
            let scale = self.scale(ofItem: index)
            var labels: [String: Int] = [:]
            for (point, list) in scale.acceptedLabels { for label in list { labels[TextKey.text(label)] = point } }
            let words = SpecialAnswers(missing: missingAnswers, notApplicable: notApplicableAnswers, dontKnow: dontKnowAnswers)
            let declared = words.entries.map { ($0.answer, $0.key + "_answers") }
                + scale.codes.entries.map { ($0.answer, "scale.codes." + $0.key) }
                + items[index].codes.entries.map { ($0.answer, "codes." + $0.key) }
            var meaning: [String: String] = [:]
            for (answer, key) in declared {
                let number = SpecialAnswers.wholeNumber(answer)
                if let number, scale.contains(number) {
                    throw fail("the code \(answer) under \(key) is a point of the scale \(scale.rangeText); a declared code must lie outside the scale")
                }
                if number == nil, let point = labels[TextKey.text(answer)] {
                    throw fail("the code \"\(answer)\" under \(key) is also the label of point \(point); a declared code must differ from every label")
                }
                let identity = number.map { "#\($0)" } ?? TextKey.text(answer)
                let kind = key.replacingOccurrences(of: "scale.codes.", with: "").replacingOccurrences(of: "codes.", with: "")
                    .replacingOccurrences(of: "_answers", with: "")
                if let earlier = meaning[identity], earlier != kind {
                    throw fail("\"\(answer)\" is declared both as \(earlier) and as \(kind); choose one")
                }
                meaning[identity] = kind
            }
        }
    }

    /// Names grouped by range, in order of first appearance.
    private static func grouped(_ entries: [(String, ClosedRange<Double>)]) -> [(range: ClosedRange<Double>, names: [String])] {
        var groups: [(range: ClosedRange<Double>, names: [String])] = []
        for (name, range) in entries {
            if let at = groups.firstIndex(where: { $0.range == range }) {
                groups[at].names.append(name)
            } else {
                groups.append((range, [name]))
            }
        }
        return groups
    }

    private static func describe(_ groups: [(range: ClosedRange<Double>, names: [String])]) -> String {
        groups.map { "\($0.names.joined(separator: ", ")) on \(rangeText($0.range))" }.joined(separator: "; ")
    }

    /// `1–4`, `0–100`, `0–2.5`.
    static func rangeText(_ range: ClosedRange<Double>) -> String {
        func number(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
        return "\(number(range.lowerBound))–\(number(range.upperBound))"
    }
}
