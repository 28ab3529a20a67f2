import Foundation
import PolsoTestSupport
import PolsoYAML
import Surveys
import Testing

@Suite("Codebook draft: scales inferred from the answers seen")
struct ScaleGuessTests {
    func guess(_ values: [String], grid: Bool = false) -> ScaleGuess? {
        ScaleGuess.infer(ColumnProfile(header: "Q", values: values), guessOrder: grid)
    }

    @Test("numbers: the range seen, widened to a common scale, with a note when the top may be missing")
    func numbers() throws {
        let four = try #require(guess(["1", "2", "4", "3", "2", ""]))
        #expect(four.kind == .numeric)
        #expect((four.scale.min, four.scale.max, four.scale.positiveFrom) == (1, 4, 3))
        #expect(four.notes.contains("if nobody chose the top point, the real scale may go higher than 4"))
        // Nobody chose 1 or 10: the common 1–10 scale is proposed, and said so.
        let narrow = try #require(guess(["3", "9", "7", "5,0"]))
        #expect((narrow.scale.min, narrow.scale.max) == (1, 10))
        #expect(narrow.notes.first == "numbers 3–9 seen; proposed 1–10, a common scale: check both ends")
        // Recoded Qualtrics matrices (10–13) keep their range.
        let recoded = try #require(guess(["10", "13", "11"]))
        #expect((recoded.scale.min, recoded.scale.max) == (10, 13))
        #expect(guess(["1", "2.5"]) == nil)
        #expect(guess(["1", "25"]) == nil)
    }

    @Test("numeric codes beside a scale (−1, 99) are set apart and flagged, not taken as points")
    func numericCodes() throws {
        let scale = try #require(guess(["1", "5", "-1", "3", "99", "-1"]))
        #expect((scale.scale.min, scale.scale.max) == (1, 5))
        #expect(scale.numericCodes == [-1: 2, 99: 1])
        #expect(scale.notes.last == "-1 (2×), 99 (1×) seen outside the scale: answer codes, not points")
    }

    @Test("labels with a leading or trailing number give the points and their labels")
    func numberedLabels() throws {
        let leading = try #require(guess(["1 - Per nulla d'accordo", "3", "6 - Del tutto d'accordo", "4"]))
        #expect((leading.scale.min, leading.scale.max) == (1, 6))
        #expect(leading.scale.labels == [1: "Per nulla d'accordo", 6: "Del tutto d'accordo"])
        let trailing = try #require(guess(["Not at all - 1", "4", "Completely - 7"]))
        #expect((trailing.scale.min, trailing.scale.max) == (1, 7))
        #expect(trailing.scale.labels == [1: "Not at all - 1", 7: "Completely - 7"])
    }

    @Test("numbers between words that label only the ends (ANAC long answers): the words' meaning places them")
    func anchoredNumbers() throws {
        let anac = try #require(guess(["Del tutto d'accordo", "3", "2", "Per nulla d'accordo", "5", "4"]))
        #expect((anac.scale.min, anac.scale.max, anac.scale.positiveFrom) == (1, 6, 4))
        #expect(anac.scale.labels == [1: "Per nulla d'accordo", 6: "Del tutto d'accordo"])
        #expect(anac.notes.first?.contains("GUESSED from the words' meaning") == true)
        // Nobody chose the top: the low word alone.
        let low = try #require(guess(["Not at all", "2", "4", "3"]))
        #expect((low.scale.min, low.scale.max) == (1, 4))
        #expect(low.scale.labels == [1: "Not at all"])
        // Words that say no end are no scale.
        #expect(guess(["Rosso", "2", "3"]) == nil)
    }

    @Test("agreement and satisfaction words in Italian and English take their known order")
    func knownWords() throws {
        let english = try #require(guess(["Agree", "Strongly agree", "disagree", "Neither agree nor disagree", "Agree"]))
        #expect(english.kind == .knownLabels)
        #expect(english.scale.labels == [1: "Strongly disagree", 2: "disagree", 3: "Neither agree nor disagree", 4: "Agree", 5: "Strongly agree"])
        #expect(english.scale.positiveFrom == 4)
        #expect(english.notes.contains("not seen in the file, added from that scale: Strongly disagree"))
        // Without the middle point, the shortest scale that holds the answers, and a note on the longer ones.
        let four = try #require(guess(["Agree", "Strongly agree", "disagree"]))
        #expect(four.scale.labels == [1: "Strongly disagree", 2: "disagree", 3: "Agree", 4: "Strongly agree"])
        #expect(four.notes.last == "the answers also fit a longer scale (agreement (English, 5 points), agreement (English, 7 points)): check how many points the question offered")
        let italian = try #require(guess(["D’accordo", "In disaccordo", "Fortemente d'accordo", "Né d'accordo né in disaccordo"]))
        #expect(italian.scale.labels[1] == "Fortemente in disaccordo")
        #expect(italian.scale.labels[4] == "D’accordo")
        let satisfaction = try #require(guess(["Molto soddisfatto", "Poco soddisfatto", "Abbastanza soddisfatto"]))
        #expect(satisfaction.scale.labels == [1: "Per niente soddisfatto", 2: "Poco soddisfatto", 3: "Abbastanza soddisfatto", 4: "Molto soddisfatto"])
        #expect(satisfaction.scale.positiveFrom == 3)
        let yesNo = try #require(guess(["Yes", "No", "yes"]))
        #expect(yesNo.scale.labels == [1: "No", 2: "Yes"])
    }

    @Test("yes/no typed freely: other spellings become synonyms by their first letter, flagged; a stray word keeps it no scale")
    func spelledYesNo() throws {
        let spelled = try #require(guess(["No", "Yesss", "NO", "Yes", "Nope", "Y"]))
        #expect(spelled.scale.labels == [1: "No", 2: "Yes"])
        #expect(spelled.scale.synonyms == [1: ["Nope"], 2: ["Yesss", "Y"]])
        #expect(spelled.notes.first?.contains("GUESSED as synonyms by their first letter (Nope → No; Yesss, Y → Yes)") == true)
        #expect(guess(["No", "Yes", "Maybe"]) == nil)
        #expect(guess(["Yesss", "Nope"]) == nil)  // neither label written as such
    }

    @Test("words of no known scale: no scale for a lone column; in a grid, a scale whose order is flagged")
    func unknownWords() throws {
        #expect(guess(["Rosso", "Verde", "Blu"]) == nil)
        let grid = try #require(guess(["Rosso", "Verde", "Blu"], grid: true))
        #expect(grid.kind == .guessedLabels)
        #expect(grid.scale.labels == [1: "Rosso", 2: "Verde", 3: "Blu"])
        #expect(grid.notes.first?.hasPrefix("ORDER GUESSED") == true)
    }

    @Test("faces: three points unless the answers tell five apart; LimeSurvey codes")
    func facesAndCodes() throws {
        let three = try #require(guess(["🙂", "😐", "☹️", ":)"]))
        #expect(three.scale.emoticons == 3)
        #expect(three.scale.positiveFrom == 2)
        let five = try #require(guess(["😀", "🙂", "😐"]))
        #expect(five.scale.emoticons == 5)
        let codes = try #require(guess(["A1", "A6", "A3", "AO02"]))
        #expect(codes.kind == .answerCodes)
        #expect((codes.scale.min, codes.scale.max) == (1, 6))
    }

    @Test("not-applicable and don't-know words are set apart")
    func answerWords() throws {
        let scale = try #require(guess(["4", "Non applicabile", "2", "Non so", "N/A", "Non ho usato il servizio", "Preferisco non rispondere"]))
        #expect(scale.notApplicable == ["Non applicabile", "N/A", "Non ho usato il servizio"])
        #expect(scale.noAnswer == ["Non so", "Preferisco non rispondere"])
        #expect((scale.scale.min, scale.scale.max) == (1, 4))
    }
}

@Suite("Codebook draft: whole exports and the YAML written")
struct CodebookDraftTests {
    func draft(_ name: String, _ text: String) throws -> (CodebookDraft, String) {
        try withTemporaryFolder { folder in
            let path = try folder.write(name, text: text)
            let draft = try CodebookDraft(profile: ExportProfile(path: path))
            return (draft, DraftYAML.render(draft))
        }
    }

    @Test("awkward texts survive the YAML: quotes, colons, #, a leading -, line breaks, backslashes, No/Yes")
    func quoting() throws {
        let headers = ["\"He said \"\"yes\"\": ok?\"", "# not a comment", "- leading dash", "\"Line one\nLine two\"",
                       "Back\\slash\tand tab", "Sì: o no? [riga]", "null", "Colour", "Line\u{2028}separator"]
        var rows = [headers.joined(separator: ",")]
        for index in 0..<8 {
            rows.append(["1", "2", "\(index % 5 + 1)", "No", "Yes", "Sì", "\(index % 3 + 1)", index % 2 == 0 ? "\"Red: #1\"" : "- Blue", "4"].joined(separator: ","))
        }
        let (draft, yaml) = try draft("awkward.csv", rows.joined(separator: "\r\n") + "\r\n")
        let decoded = try Codebook.decode(yaml: yaml, file: "draft.yaml")
        #expect(decoded == draft.codebook)
        let texts = decoded.items.map(\.text)
        #expect(texts == ["He said \"yes\": ok?", "# not a comment", "- leading dash", "Line one\nLine two", "Back\\slash\tand tab", "riga", "null", "Line\u{2028}separator"])
        #expect(decoded.demographics.map(\.options) == [["- Blue", "Red: #1"]])
        #expect(YAMLText.quoted("a\"b\\c\nd\u{7}\u{2028}") == "\"a\\\"b\\\\c\\nd\\u0007\\L\"")
    }

    @Test("Qualtrics: codes from row 1, texts from row 2, a matrix Q2_1…Q2_3 as one section; metadata left out")
    func qualtrics() throws {
        let text = """
            StartDate,EndDate,Status,ResponseId,Q1,Q2_1,Q2_2,Q2_3,Q3
            Start Date,End Date,Response Type,Response ID,How satisfied are you overall?,Rate the staff - Courtesy,Rate the staff - Competence,Rate the staff - Speed,Any comments?
            "{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""status""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_1""}","{""ImportId"":""QID2_2""}","{""ImportId"":""QID2_3""}","{""ImportId"":""QID3_TEXT""}"
            2024-01-01,2024-01-01,0,R_1,Very satisfied,5,4,3,Great service overall
            2024-01-02,2024-01-02,0,R_2,Satisfied,4,4,2,Slow on the phone
            2024-01-03,2024-01-03,0,R_3,Dissatisfied,2,1,-1,Nothing special to say here
            2024-01-04,2024-01-04,0,R_4,Satisfied,5,4,3,Friendly people at the desk
            """
        let (draft, yaml) = try draft("qualtrics.csv", text + "\n")
        #expect(draft.header[1] == "format detected: Qualtrics, current (tags, question texts, {\"ImportId\": …}); 3 header rows; 4 respondents; 9 columns")
        let codebook = try Codebook.decode(yaml: yaml, file: "draft.yaml")
        #expect(codebook.items.map(\.code) == ["Q1", "Q2_1", "Q2_2", "Q2_3"])
        #expect(codebook.items[1].text == "Rate the staff - Courtesy")
        let matrix = codebook.blocks.flatMap(\.sections).first { $0.code == "Q2" }
        #expect(matrix?.title == "Rate the staff")
        #expect(codebook.scale(ofItem: 0).labels[5] == "Very satisfied")
        #expect((codebook.scale(ofItem: 1).min, codebook.scale(ofItem: 1).max) == (1, 5))
        // -1 only in Q2_3: declared there alone, as "not applicable", and flagged.
        #expect(codebook.items[3].codes.notApplicable == ["-1"])
        #expect(codebook.items[1].codes.notApplicable.isEmpty)
        #expect(yaml.contains("codes: -1 (1×) seen outside the scale: GUESSED as not applicable (negative)"))
        #expect(yaml.contains("# metadata: #1 StartDate, #2 EndDate, #3 Status, #4 ResponseId"))
        #expect(yaml.contains("# free text: #9 Q3"))
    }

    @Test("a column with answers but no header is left out: no codebook entry could name it")
    func unnamedColumn() throws {
        let (draft, _) = try draft("unnamed.csv", "Q1,,Q3\n1,4,2\n2,5,3\n3,1,1\n")
        #expect(draft.codebook.items.map(\.code) == ["Q1", "Q3"])
        #expect(draft.leftOut.first { $0.kind.hasPrefix("other") }?.columns == ["#2 (no header)"])
    }

    @Test("Google Forms grid `Question [Row]` becomes a section; demographics ordered by their numbers")
    func googleForms() throws {
        var rows = ["Timestamp,Giudizi [Cortesia],Giudizi [Competenza],Età,Reparto"]
        let ages = ["Fino a 30 anni", "31-50 anni", "Oltre 50 anni"]
        let units = ["Segreteria", "Anagrafe", "Tributi"]
        for index in 0..<9 {
            rows.append("1/15/2025 21:53:0\(index),\(index % 4 + 1),\(index % 3 + 2),\(ages[(index * 2) % 3]),\(units[index % 3])")
        }
        rows.append("1/16/2025 10:00:00,Non so,Preferisco non rispondere,Fino a 30 anni,Tributi")
        let (draft, yaml) = try draft("forms.csv", rows.joined(separator: "\n") + "\n")
        let codebook = try Codebook.decode(yaml: yaml, file: "draft.yaml")
        #expect(codebook.dontKnowAnswers == ["Non so"])
        #expect(codebook.missingAnswers == ["Preferisco non rispondere"])
        #expect(codebook.blocks[0].sections[0].title == "Giudizi")
        #expect(codebook.items.map(\.text) == ["Cortesia", "Competenza"])
        #expect(codebook.demographics.map(\.options) == [ages, ["Anagrafe", "Segreteria", "Tributi"]])
        #expect(draft.demographics[1].notes.contains("options in alphabetical order: put them in the order reports should show"))
        #expect(codebook.satisfaction == nil)
    }
}

@Suite("Codebook draft: the real exports of ../shared/real-exports")
struct RealExportDraftTests {
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("shared/real-exports").path
    }()

    @Test("every draft that can be made decodes to the codebook it stands for (long, multi-line, tabbed, accented texts)")
    func everyExport() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder + "/files").filter { $0.hasSuffix(".csv") }.sorted()
        try #require(files.count == 15, "../shared/real-exports/files beside the repository")
        var drafted: [String] = []
        for file in files + ["../mistakes/M3_limesurvey_semicolon_decimalcomma.csv", "../mistakes/M4_googleforms_duplicate_column.csv"] {
            let path = Self.folder + "/files/" + file
            let draft: CodebookDraft
            do {
                draft = try CodebookDraft(profile: ExportProfile(path: path))
            } catch let error as CodebookDraftError {
                #expect(error.message.hasPrefix("no column holds answers on a scale"), "\(file): \(error)")
                continue
            }
            let yaml = DraftYAML.render(draft)
            let decoded = try Codebook.decode(yaml: yaml, file: file)
            #expect(decoded == draft.codebook, "\(file)")
            drafted.append(String(URL(fileURLWithPath: file).lastPathComponent.prefix(3)))
        }
        // F13 (ODK Central, a botanical field form) holds no answer on a scale.
        #expect(drafted == ["F01", "F02", "F03", "F04", "F05", "F06", "F07", "F08", "F09", "F10", "F11", "F12", "F14", "F15", "M3_", "M4_"])
    }

    @Test("a repeated header is drafted once and listed as left out")
    func repeatedHeader() throws {
        let draft = try CodebookDraft(profile: ExportProfile(path: Self.folder + "/mistakes/M4_googleforms_duplicate_column.csv"))
        let repeated = draft.leftOut.first { $0.kind.hasPrefix("repeated headers") }
        #expect(repeated?.columns.count == 1)
        #expect(draft.codebook.items.filter { $0.text == "Is a hotdog a sandwich?" }.count == 1)
    }
}

extension RealExportDraftTests {
    @Test("F01: recoded 10–13 matrices share one scale even where nobody chose 10 or 13; the 1–4 matrices keep theirs")
    func recodedScales() throws {
        let draft = try CodebookDraft(profile: ExportProfile(path: Self.folder + "/files/F01_qualtrics2016_insights_single_answer_matrix.csv"))
        let codebook = draft.codebook
        #expect((codebook.scale.min, codebook.scale.max) == (10, 13))
        let ranges = Set(codebook.items.indices.map { "\(codebook.scale(ofItem: $0).min)–\(codebook.scale(ofItem: $0).max)" })
        #expect(ranges == ["10–13", "1–4"])
        #expect(draft.blocks.flatMap(\.sections).contains { $0.notes.contains { $0.hasPrefix("widened from 12–13 to the 10–13") } })
    }
}
