import PolsoTestSupport
import PolsoYAML
@testable import Surveys
import Testing

/// A 1–4 scale labelled in two languages with synonyms, and a yes/no question with free spellings.
let labelledYAML = """
    instrument: labelled
    version: "1"
    title: "Etichette"
    scale:
      min: 1
      max: 4
      labels:
        it: {1: "Per niente", 2: "Poco", 3: ["Abbastanza d'accordo", "Abbastanza"], 4: "Molto"}
        en: [["Not at all", "Never"], "A little", "Fairly", "Very much"]
    blocks:
      - id: b
        title: "Blocco"
        sections:
          - code: S
            title: "Sezione"
            items:
              - {code: Q1, text: "Uno"}
    demographics:
      - code: student
        text: "Studente?"
        options:
          en: [["Yes", "Y", "Yesss"], ["No", "N", "Nope"]]
          it: ["Sì", "No"]

    """

@Suite("Labels: synonyms and languages")
struct LabelTests {
    static let codebook = try! Codebook.decode(yaml: labelledYAML, file: "labelled.yaml")

    static func decodeError(_ old: String, _ new: String) -> YAMLFileError? {
        #expect(labelledYAML.contains(old))
        return #expect(throws: YAMLFileError.self) {
            _ = try Codebook.decode(yaml: labelledYAML.replacingOccurrences(of: old, with: new), file: "labelled.yaml")
        }
    }

    @Test("the first language gives the display labels; each language's first label is its display label")
    func display() {
        let scale = Self.codebook.scale
        #expect(scale.labels == [1: "Per niente", 2: "Poco", 3: "Abbastanza d'accordo", 4: "Molto"])
        #expect(scale.label(3, language: "en") == "Fairly")
        #expect(scale.label(3, language: "de") == "Abbastanza d'accordo")
        let question = Self.codebook.demographics[0]
        #expect(question.options == ["Yes", "No"])
        #expect(question.options(language: "it") == ["Sì", "No"])
    }

    @Test("every synonym in every language reads as its point or option", arguments: [
        ("Abbastanza", 3), ("abbastanza d’accordo", 3), ("Fairly", 3), ("never", 1), ("Very much", 4), ("Molto", 4),
    ] as [(String, UInt8)])
    func synonyms(text: String, point: UInt8) {
        #expect(AnswerParser(scale: Self.codebook.scale).parse(text) == point)
    }

    @Test("free spellings of an option read as that option", arguments: [
        ("Yesss", 1), ("y", 1), ("YES ", 1), ("Sì", 1), ("Nope", 2), ("n", 2), ("no", 2),
    ] as [(String, UInt8)])
    func options(text: String, option: UInt8) {
        #expect(Self.codebook.demographics[0].optionCode(for: text) == option)
    }

    @Test("a label naming two points is refused, also across languages")
    func collisions() {
        let same = Self.decodeError("\"A little\"", "\"Molto\"")
        #expect(same?.keyPath == "scale.labels")
        #expect(same?.message == "points 2 and 4 have the same label \"Molto\"; an answer could not tell them apart")
        let synonym = Self.decodeError("[\"Not at all\", \"Never\"]", "[\"Not at all\", \"poco\"]")
        #expect(synonym?.message == "points 1 and 2 have the same label \"poco\" / \"Poco\"; an answer could not tell them apart")
        let option = Self.decodeError("[\"No\", \"N\", \"Nope\"]", "[\"No\", \"Y\"]")
        #expect(option?.keyPath == "demographics[0].options")
        #expect(option?.message == "options 1 and 2 share the answer \"Y\"; an answer could not tell them apart")
        let number = Self.decodeError("\"A little\"", "[\"A little\", \"3\"]")
        #expect(number?.message == "the label \"3\" of point 2 would read as the number 3; give it a label with words")
        let position = Self.decodeError("[\"No\", \"N\", \"Nope\"]", "[\"No\", \"1\"]")
        #expect(position?.message == "option 2's answer \"1\" would read as option 1; numbers name options by position")
        let count = Self.decodeError("it: [\"Sì\", \"No\"]", "it: [\"Sì\", \"No\", \"Forse\"]")
        #expect(count?.message == "'en' lists 2 options and 'it' 3; every language lists the same options in the same order")
    }

    @Test("the built-in codebooks read, with Italian first and English labels")
    func builtIn() throws {
        let anac = try Codebook.load(path: Repository.anacCodebook)
        #expect(anac.scale.labels[4] == "Abbastanza d'accordo")
        #expect(anac.scale.label(4, language: "en") == "Slightly agree")
        #expect(anac.demographics[0].options(language: "en") == ["Woman", "Man"])
        let satisfaction = try Codebook.load(path: Repository.root + "/surveys/customer-satisfaction/codebook.yaml")
        #expect(satisfaction.scale(ofItem: 0).label(4, language: "en") == "Very satisfied")
    }
}

extension LabelTests {
    /// The ANAC fixture's responses written with every answer as a label and every demographic
    /// answer as an option text, chosen by `label` and `option`.
    static func labelledExport(label: (Scale, Int) -> String, option: (DemographicQuestion, Int) -> String) -> [UInt8] {
        let fixture = SurveyFixture.anac
        let codebook = fixture.codebook
        let header = codebook.items.map(\.code) + codebook.demographics.map(\.code)
        let rows = fixture.answers.indices.map { r in
            fixture.answers[r].enumerated().map { i, point in point.map { label(codebook.scale(ofItem: i), $0) } ?? "" }
                + fixture.demographics[r].enumerated().map { q, index in index.map { option(codebook.demographics[q], $0) } ?? "" }
        }
        return Array(([header] + rows).map { $0.map { "\"\($0)\"" }.joined(separator: ",") + "\r\n" }.joined().utf8)
    }

    @Test("the ANAC export answered in English, in Italian, or with the last synonym of each point stores the same bytes",
          arguments: ["en", "it", "synonyms"])
    func sameStoredAnswers(variant: String) throws {
        let bytes = Self.labelledExport(
            label: { scale, point in variant == "synonyms" ? scale.acceptedLabels[point]!.last! : scale.label(point, language: variant)! },
            option: { question, index in
                variant == "synonyms" ? ([question.options[index]] + question.synonyms[index]).last! : question.options(language: variant)[index]
            })
        try withTemporaryFolder { folder in
            let (summary, sink) = try importExport(bytes, codebook: SurveyFixture.anac.codebook, in: folder)
            #expect(summary.respondents == 6)
            #expect(sink.rows.map(\.answers) == SurveyFixture.anac.expectedAnswerRows)
            #expect(sink.rows.map(\.demographics) == SurveyFixture.anac.expectedDemographicRows)
        }
    }
}
