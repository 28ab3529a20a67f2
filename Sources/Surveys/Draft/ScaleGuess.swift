/// The scale a draft proposes for the answers seen in a column (or in the columns of one grid),
/// with what it had to guess.
package struct ScaleGuess: Sendable, Equatable {
    /// How the answers were read.
    package enum Kind: Sendable, Equatable {
        /// Whole numbers, possibly with labelled anchors (`6 - Del tutto d'accordo`, `Not at all - 1`).
        case numeric
        /// LimeSurvey answer codes `A1`…`An`, `AO01`…
        case answerCodes
        /// Faces: 3 or 5 points.
        case emoticons
        /// Words of a known scale (agreement, satisfaction, quality, frequency, yes/no).
        case knownLabels
        /// Words in an order the draft could not tell.
        case guessedLabels
    }

    /// The proposed scale.
    package var scale: Scale
    /// How the answers were read.
    package var kind: Kind
    /// What the user should check, one sentence each.
    package var notes: [String]
    /// Answers seen that mean "not applicable", as written.
    package var notApplicable: [String] = []
    /// Answers seen that mean "don't know" or a refusal, as written.
    package var noAnswer: [String] = []
    /// Whole numbers seen that look like answer codes (−1, 99…), with how often.
    package var numericCodes: [Int: Int] = [:]
    /// The lowest and highest points seen, for numeric answers.
    package var seen: ClosedRange<Int>?

    /// The scale that fits the answers of `column`, or `nil` when they are no scale (free text,
    /// options, identifiers). Words in an unknown order make a scale only when `guessOrder` is set
    /// (the columns of a grid), and the order is then flagged as a guess.
    package static func infer(_ column: ColumnProfile, guessOrder: Bool = false) -> ScaleGuess? {
        guard column.filled > 0, !column.overflows else { return nil }
        var notApplicable: [String] = []
        var noAnswer: [String] = []
        var rest: [String] = []
        for value in column.order {
            if KnownScales.isNotApplicable(value) {
                notApplicable.append(value)
            } else if KnownScales.isNoAnswer(value) {
                noAnswer.append(value)
            } else {
                rest.append(value)
            }
        }
        guard !rest.isEmpty else { return nil }
        var guess = numeric(rest, counts: column.counts) ?? anchoredNumbers(rest) ?? answerCodes(rest) ?? emoticons(rest) ?? known(rest) ?? spelledYesNo(rest)
        if guess == nil, guessOrder, rest.count >= 2, rest.count <= 11, rest.allSatisfy({ $0.contains(where: \.isLetter) }) {
            guess = guessed(rest)
        }
        guess?.notApplicable = notApplicable
        guess?.noAnswer = noAnswer
        return guess
    }

    // MARK: - Numbers

    private static func numeric(_ values: [String], counts: [String: Int]) -> ScaleGuess? {
        var points: [Int: Int] = [:]
        var labels: [Int: String] = [:]
        for value in values {
            if let number = wholeNumber(value) {
                points[number, default: 0] += counts[value] ?? 0
            } else if let (number, label) = AnswerParser.numberedLabel(value) {
                points[number, default: 0] += counts[value] ?? 0
                labels[number] = label
            } else if let number = trailingNumber(value) {
                points[number, default: 0] += counts[value] ?? 0
                labels[number] = value
            } else {
                return nil
            }
        }
        // Codes beside a short scale: negative numbers, or 90 and above next to points up to 11.
        let small = points.keys.filter { $0 >= 0 && $0 <= 11 }
        var codes: [Int: Int] = [:]
        for (value, count) in points where value < 0 || (value >= 90 && !small.isEmpty && labels[value] == nil) {
            codes[value] = count
        }
        for value in codes.keys { points[value] = nil }
        // Two points may not share a label: keep the first, the other reads by its number.
        var labelled: Set<String> = []
        for point in labels.keys.sorted() where !labelled.insert(TextKey.text(labels[point]!)).inserted { labels[point] = nil }
        guard let seenMin = points.keys.min(), let seenMax = points.keys.max(), seenMax <= 100 else { return nil }
        // One number alone says nothing of a scale unless it is a small point (everybody chose 5).
        guard points.count >= 2 || seenMax <= 10 else { return nil }
        // Scales start at 0 or 1: a higher lowest point means nobody chose the bottom ones, unless
        // the numbers go past 10 (recoded scales such as Qualtrics' 10–13).
        let low = seenMin <= 1 || seenMax > 10 ? seenMin : 1
        var high = seenMax
        if low <= 1, seenMax > 1, let top = commonTops.first(where: { $0 >= seenMax }) { high = top }
        if high == low { high = low + 1 }
        guard high - low <= 10 else { return nil }
        var notes: [String] = []
        if (low, high) == (seenMin, seenMax) {
            notes.append("numbers \(seenMin)–\(seenMax) seen")
        } else {
            notes.append("numbers \(seenMin)–\(seenMax) seen; proposed \(low)–\(high), a common scale: check both ends")
        }
        if high == seenMax, low <= 1, high > 1, high < 10 {
            notes.append("if nobody chose the top point, the real scale may go higher than \(high)")
        }
        if !labels.isEmpty { notes.append("labels taken from the numbered answers") }
        let scale = Scale(min: low, max: high, labels: labels)
        notes.append("positive from \(scale.positiveFrom), the first point above the middle")
        if !codes.isEmpty {
            let list = codes.keys.sorted().map { "\($0) (\(codes[$0]!)×)" }.joined(separator: ", ")
            notes.append("\(list) seen outside the scale: answer codes, not points")
        }
        return ScaleGuess(scale: scale, kind: .numeric, notes: notes, numericCodes: codes, seen: seenMin...seenMax)
    }

    /// Scale tops common enough to propose when the highest point seen is below one.
    private static let commonTops = [2, 3, 4, 5, 6, 7, 10]

    /// `5`, `5.0`, `5,00`; not `4.5`: read as the importer reads declared codes and cells.
    static func wholeNumber(_ text: String) -> Int? {
        SpecialAnswers.wholeNumber(text)
    }

    /// Numbers between two words that label only the ends (`Per nulla d'accordo`, `2`…`5`, `Del
    /// tutto d'accordo`), the ends told apart by the words; the low end is point 1 (0 when
    /// somebody answered 1), the high end the point above the highest number.
    private static func anchoredNumbers(_ values: [String]) -> ScaleGuess? {
        var numbers: Set<Int> = []
        var words: [String] = []
        for value in values {
            if let number = wholeNumber(value) { numbers.insert(number) } else { words.append(value) }
        }
        guard let low = numbers.min(), let high = numbers.max(), low >= 0, high <= 10, numbers.count >= 2,
              (1...2).contains(words.count), words.allSatisfy({ !$0.contains(where: \.isNumber) }) else { return nil }
        let ends = words.map(KnownScales.anchorEnd)
        guard !ends.contains(nil), Set(ends.compactMap { $0 }).count == words.count else { return nil }
        let bottom = low <= 1 ? low - 1 : 1
        let top = high + 1
        guard bottom >= 0 else { return nil }
        var labels: [Int: String] = [:]
        for (word, end) in zip(words, ends) { labels[end == .low ? bottom : top] = word }
        let scale = Scale(min: labels[bottom] == nil ? Swift.min(bottom, low) : bottom, max: labels[top] == nil ? high : top, labels: labels)
        return ScaleGuess(scale: scale, kind: .numeric, notes: [
            "numbers \(low)–\(high) between words that label the ends: \(labels.keys.sorted().map { "\($0) = \(labels[$0]!)" }.joined(separator: ", ")) (GUESSED from the words' meaning): check both ends",
            "positive from \(scale.positiveFrom), the first point above the middle",
        ], seen: low...high)
    }

    /// `Not at all - 1` → 1 (LimeSurvey long answers label only the anchors this way).
    static func trailingNumber(_ text: String) -> Int? {
        let digits = text.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let value = Int(String(digits.reversed())) else { return nil }
        let head = text.dropLast(digits.count)
        let trimmed = head.reversed().drop { $0 == " " }
        guard let separator = trimmed.first, "-–—=".contains(separator) else { return nil }
        return head.contains(where: \.isLetter) ? value : nil
    }

    // MARK: - Codes and faces

    private static func answerCodes(_ values: [String]) -> ScaleGuess? {
        var positions: [Int] = []
        for value in values {
            guard let position = answerCode(value) else { return nil }
            positions.append(position)
        }
        guard let top = positions.max() else { return nil }
        let high = max(top, 2)
        let scale = Scale(min: 1, max: high)
        return ScaleGuess(scale: scale, kind: .answerCodes, notes: [
            "LimeSurvey answer codes A1–A\(top) seen: point n is code A<n>; the texts of the points are not in the file",
            "if nobody chose the top point, the real scale may go higher than \(high)",
        ])
    }

    /// `A3` → 3, `AO05` → 5, read as the importer reads it.
    static func answerCode(_ value: String) -> Int? {
        AnswerParser.answerCodePosition(value)
    }

    private static func emoticons(_ values: [String]) -> ScaleGuess? {
        guard let five = EmoticonFaces.faces(count: 5) else { return nil }
        var points: Set<Int> = []
        for value in values {
            let key = TextKey.text(value)
            guard let point = five.firstIndex(where: { faces in faces.contains { TextKey.text($0) == key } }) else { return nil }
            points.insert(point + 1)
        }
        // Five faces only when the answers tell angry from sad, or happy from very happy.
        let count = points.isSuperset(of: [1, 2]) || points.isSuperset(of: [4, 5]) ? 5 : 3
        var scale = Scale(min: 1, max: count, positiveFrom: count == 3 ? 2 : 3, emoticons: count)
        if let faces = EmoticonFaces.faces(count: count) {
            for (offset, face) in faces.enumerated() { scale.labels[offset + 1] = face[0] }
        }
        return ScaleGuess(scale: scale, kind: .emoticons, notes: [
            "faces: \(count) points, saddest first; positive from the neutral face, as in the customer-satisfaction template",
        ])
    }

    // MARK: - Words

    private static func known(_ values: [String]) -> ScaleGuess? {
        let candidates = KnownScales.lists(containing: values)
        guard let list = candidates.first else { return nil }
        var labels: [Int: String] = [:]
        let seen = Dictionary(values.map { (TextKey.text($0), $0) }, uniquingKeysWith: { first, _ in first })
        for (offset, label) in list.labels.enumerated() { labels[offset + 1] = seen[TextKey.text(label)] ?? label }
        var notes = ["labels of a known \(list.name) scale, in its order"]
        let unseen = list.labels.filter { seen[TextKey.text($0)] == nil }
        if !unseen.isEmpty {
            notes.append("not seen in the file, added from that scale: \(unseen.joined(separator: ", "))")
        }
        let others = candidates.dropFirst().filter { $0.labels.count != list.labels.count }.map(\.name)
        if !others.isEmpty {
            notes.append("the answers also fit a longer scale (\(Set(others).sorted().joined(separator: ", "))): check how many points the question offered")
        }
        let scale = Scale(min: 1, max: list.labels.count, positiveFrom: list.positiveFrom, labels: labels)
        return ScaleGuess(scale: scale, kind: .knownLabels, notes: notes)
    }

    /// Yes/no answers typed freely (`Yesss`, `Yeah`, `Y`, `Nope`): each other spelling becomes a
    /// synonym of the label with its first letter, when both labels were also written as such.
    private static func spelledYesNo(_ values: [String]) -> ScaleGuess? {
        let keys = values.map(TextKey.text)
        for list in KnownScales.lists where list.labels.count == 2 {
            let labelKeys = list.labels.map(TextKey.text)
            guard labelKeys.allSatisfy(keys.contains), Set(labelKeys.compactMap(\.first)).count == 2 else { continue }
            var synonyms: [Int: [String]] = [:]
            var grouped = true
            for (value, key) in zip(values, keys) where !labelKeys.contains(key) {
                guard let point = labelKeys.firstIndex(where: { $0.first == key.first }) else {
                    grouped = false
                    break
                }
                if !(synonyms[point + 1] ?? []).contains(where: { TextKey.text($0) == key }) { synonyms[point + 1, default: []].append(value) }
            }
            guard grouped, !synonyms.isEmpty else { continue }
            let seen = Dictionary(zip(keys, values), uniquingKeysWith: { first, _ in first })
            var labels: [Int: String] = [:]
            for (offset, key) in labelKeys.enumerated() { labels[offset + 1] = seen[key] }
            let spelled = synonyms.keys.sorted().map { "\(synonyms[$0]!.joined(separator: ", ")) → \(labels[$0]!)" }.joined(separator: "; ")
            return ScaleGuess(scale: Scale(min: 1, max: 2, positiveFrom: list.positiveFrom, labels: labels, synonyms: synonyms),
                              kind: .knownLabels, notes: [
                                  "labels of a known \(list.name) scale; other spellings GUESSED as synonyms by their first letter (\(spelled)): check them",
                              ])
        }
        return nil
    }

    private static func guessed(_ values: [String]) -> ScaleGuess {
        var labels: [Int: String] = [:]
        var seen: Set<String> = []
        for value in values where seen.insert(TextKey.text(value)).inserted { labels[labels.count + 1] = value }
        let scale = Scale(min: 1, max: max(labels.count, 2), labels: labels)
        return ScaleGuess(scale: scale, kind: .guessedLabels, notes: [
            "ORDER GUESSED: words of no known scale, listed in the order first seen; put them in the scale's order, lowest first",
        ])
    }
}
