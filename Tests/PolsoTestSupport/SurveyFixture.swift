import Foundation
import Surveys

/// A questionnaire and a fixed set of responses to it, from which every export shape is built.
///
/// The answers are the raw scale points as a respondent would tick them (reversed items are not
/// reversed here: that happens only at computation time); `nil` is no answer.
public struct SurveyFixture: Sendable, CustomStringConvertible {
    public let name: String
    /// The codebook's YAML text.
    public let codebookSource: String
    /// The codebook decoded from ``codebookSource``.
    public let codebook: Codebook
    /// Respondents × items (codebook order): raw points, `nil` for no answer.
    public let answers: [[Int?]]
    /// Respondents × demographic questions: 0-based option index, `nil` for no answer.
    public let demographics: [[Int?]]

    public var description: String { name }

    /// A fixture with the given responses to `codebook`.
    public init(name: String, codebookSource: String, codebook: Codebook, answers: [[Int?]], demographics: [[Int?]]) {
        self.name = name
        self.codebookSource = codebookSource
        self.codebook = codebook
        self.answers = answers
        self.demographics = demographics
    }

    /// The answer bytes an import must produce: the raw point, 255 for no answer.
    public var expectedAnswerRows: [[UInt8]] {
        answers.map { row in row.map { $0.map(UInt8.init) ?? 255 } }
    }

    /// The demographic bytes an import must produce: the 1-based option, 0 for no answer.
    public var expectedDemographicRows: [[UInt8]] {
        demographics.map { row in row.map { $0.map { UInt8($0 + 1) } ?? 0 } }
    }

    /// Writes the codebook into `folder` and returns its path.
    public func writeCodebook(in folder: TemporaryFolder) throws -> String {
        try folder.write("\(codebook.instrument).yaml", text: codebookSource)
    }

    /// A copy with another codebook text (same responses).
    public func with(codebookSource source: String) throws -> SurveyFixture {
        SurveyFixture(name: name, codebookSource: source, codebook: try Codebook.decode(yaml: source, file: "\(name).yaml"),
                      answers: answers, demographics: demographics)
    }

    /// Other respondents of the same questionnaire: the rows in reverse order and every answer
    /// mirrored on the scale (min + max − answer), so that neither a respondent id nor an answer
    /// row, in any order, matches the original's.
    public var otherRespondents: SurveyFixture {
        let scale = codebook.scale
        return SurveyFixture(name: "\(name), other respondents", codebookSource: codebookSource, codebook: codebook,
                             answers: answers.reversed().map { row in row.map { $0.map { scale.min + scale.max - $0 } } },
                             demographics: demographics.reversed())
    }

    /// The small test questionnaire (10 items, reversed A.04, B.07, H.05; two demographics) with
    /// six respondents, blanks included and one respondent who answered nothing.
    public static let small: SurveyFixture = {
        let codebook = try! Codebook.decode(yaml: smallCodebookYAML, file: "test-small.yaml")
        return SurveyFixture(
            name: "small codebook",
            codebookSource: smallCodebookYAML,
            codebook: codebook,
            answers: [
                //A.01 A.02 A.03 A.04 B.01 B.07 H.01 H.05 P.01 P.02
                [6, 5, 4, 1, 6, 2, 5, 1, 4, 5],
                [4, nil, 3, 2, 5, 1, 4, 3, nil, 2],
                [5, 5, 5, nil, 6, 6, nil, 2, 3, 3],
                [2, 3, 1, 6, 4, 3, 2, 6, 1, 1],
                [nil, nil, nil, nil, nil, nil, nil, nil, nil, nil],
                [3, 4, 6, 3, 1, 4, 6, nil, 6, 6],
            ],
            demographics: [
                // gender, age
                [0, 1], [1, nil], [nil, 0], [0, 0], [1, 1], [0, nil],
            ])
    }()

    /// The full ANAC 2013 codebook (82 items, 5 demographics) with six respondents: blanks
    /// spread over the items, respondent 5 stopped after section A.
    public static let anac: SurveyFixture = {
        let source = try! String(contentsOfFile: Repository.anacCodebook, encoding: .utf8)
        let codebook = try! Codebook.decode(yaml: source, file: Repository.anacCodebook)
        let itemCount = 82  // A 9, B 9, C–H 5 each, I 3, Q 9, L 4, M 4, N 5, O 5, P 4
        let optionCounts = [2, 2, 5, 4, 2]  // gender, contract, age, tenure, role
        let answers: [[Int?]] = (0..<6).map { r in
            (0..<itemCount).map { i -> Int? in
                if r == 4 && i >= 9 { return nil }
                if (i * 7 + r * 3) % 17 == 0 { return nil }
                return (i + 2 * r) % 6 + 1
            }
        }
        let demographics: [[Int?]] = (0..<6).map { r in
            optionCounts.indices.map { q -> Int? in (r * 2 + q) % 7 == 0 ? nil : (r + q) % optionCounts[q] }
        }
        return SurveyFixture(name: "ANAC 2013 codebook", codebookSource: source, codebook: codebook,
                             answers: answers, demographics: demographics)
    }()
}

/// The small test codebook; `reversed` items A.04, B.07, H.05; texts with typographic (’) and
/// straight (') apostrophes and accents.
public let smallCodebookYAML = """
    # A small questionnaire for the tests.
    instrument: test-small
    version: "1"
    title: "Questionario ridotto per le prove"
    scale:
      min: 1
      max: 6
      positive_from: 4
      labels:
        1: "Per nulla d'accordo"
        2: "Poco d'accordo"
        3: "Parzialmente d'accordo"
        4: "Abbastanza d'accordo"
        5: "Molto d'accordo"
        6: "Del tutto d'accordo"
    missing_answers: ["N/A", "Non so"]
    blocks:
      - id: benessere
        title: "Benessere organizzativo"
        sections:
          - code: A
            title: "Sicurezza e salute sul luogo di lavoro"
            items:
              - code: A.01
                text: "Il mio luogo di lavoro è sicuro"
              - code: A.02
                text: "Ho ricevuto un’informazione appropriata sui rischi"
              - code: A.03
                text: "Posso svolgere il mio lavoro con ritmi sostenibili"
              - code: A.04
                text: "Ho subito atti di mobbing"
                reversed: true
          - code: B
            title: "Le discriminazioni"
            items:
              - code: B.01
                text: "Sono trattato correttamente in relazione alla mia religione"
              - code: B.07
                text: "La mia età costituisce un ostacolo alla mia valorizzazione sul lavoro"
                reversed: true
          - code: H
            title: "Il senso di appartenenza"
            items:
              - code: H.01
                text: "Sono orgoglioso quando l'ente raggiunge un buon risultato"
              - code: H.05
                text: "Se potessi, comunque cambierei ente"
                reversed: true
      - id: superiore
        title: "Valutazione del superiore gerarchico"
        sections:
          - code: P
            title: "Il mio capo e l’equità"
            items:
              - code: P.01
                text: "Agisce con equità nell’assegnare i compiti"
              - code: P.02
                text: "Stimo il mio capo e lo considero una persona competente"
    demographics:
      - code: gender
        text: "Sesso"
        aliases: [R01]
        options: ["Donna", "Uomo"]
      - code: age
        text: "La mia età"
        aliases: [R02]
        options: ["Fino a 40 anni", "Più di 40 anni"]

    """

/// A sink that keeps copies of every response handed to it.
public struct CollectedResponses: ResponseSink {
    /// One response as received.
    public struct Response: Equatable, Sendable {
        public var line: Int
        public var answers: [UInt8]
        public var demographics: [UInt8]
    }

    package private(set) var layout: ResponseLayout?
    public private(set) var rows: [Response] = []

    public init() {}

    package mutating func begin(_ layout: ResponseLayout) throws {
        self.layout = layout
    }

    package mutating func add(_ response: ResponseRow) throws {
        rows.append(Response(line: response.line, answers: Array(response.answers), demographics: Array(response.demographics)))
    }
}
