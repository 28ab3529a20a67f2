import Foundation
import Testing
import Reports
import Surveys
@testable import Statistics

/// n = 2, a constant section, a constant item and an item nobody answered give the documented
/// reasons instead of figures, in the statistics, the rendered tables and the JSON.
@Suite("Small-n guards and their reasons")
struct InferenceGuardTests {
    let codebook = Codebook(instrument: "t", version: "1", title: "", scale: Scale(min: 1, max: 6), missingAnswers: [],
                            blocks: [Block(id: "b", title: "B", sections: [
                                Section(code: "S", title: "S", items: [Item(code: "S.01", text: "1"), Item(code: "S.02", text: "2")]),
                                Section(code: "T", title: "T", items: [Item(code: "T.01", text: "1"), Item(code: "T.02", text: "2")]),
                            ])], demographics: [])

    func accumulator(_ rows: [[UInt8]]) -> WellbeingAccumulator {
        var result = WellbeingAccumulator(codebook: codebook)
        for row in rows { result.add(answers: row) }
        return result
    }

    /// 2020: two respondents. 2021: twenty, section T all 4. 2022: twenty, nobody answers T.02.
    var table: YearOverYear {
        let m = AnswerCode.missing
        let y2020: [[UInt8]] = [[2, 3, 4, 5], [6, 6, 1, 2]]
        let y2021: [[UInt8]] = (0..<20).map { (r: Int) -> [UInt8] in
            let first = UInt8(1 + r % 6)
            let second = UInt8(1 + (r + 1) % 6)
            return [first, second, 4, 4]
        }
        let y2022: [[UInt8]] = (0..<20).map { (r: Int) -> [UInt8] in
            let first = UInt8(1 + r % 5)
            let second = UInt8(2 + r % 4)
            let third = UInt8(1 + r % 6)
            return [first, second, third, m]
        }
        return YearOverYear(codebook: codebook, accumulators: [2020: accumulator(y2020), 2021: accumulator(y2021), 2022: accumulator(y2022)])
            .adjustingForMultiplicity(.holm)
    }

    @Test("n = 2: no interval, no test of the next year's Δ, each saying n < 10")
    func fewRespondents() throws {
        let table = self.table
        let s = table.blocks[0].sections[0].values
        #expect(s[0].n == 2 && s[0].mean != nil)
        #expect(s[0].confidenceInterval == nil && s[0].intervalOmitted == .fewRespondents)
        #expect(table.blocks[0].items[0].values[0].intervalOmitted == .fewRespondents)
        #expect(table.blocks[0].items[0].values[0].answers?.confidenceInterval == nil)
        #expect(s[1].delta != nil && s[1].comparison == nil && s[1].comparisonOmitted == .fewRespondents)
        #expect(table.blocks[0].values[1].comparisonOmitted == .fewRespondents)
        #expect(s[1].confidenceInterval != nil && s[1].intervalOmitted == nil)
    }

    @Test("a constant section and a constant item: no variance; an item unanswered: items changed")
    func constantAndChanged() throws {
        let table = self.table
        let t = table.blocks[0].sections[1].values
        #expect(t[1].mean == 4 && t[1].intervalOmitted == .noVariance && t[1].confidenceInterval == nil)
        #expect(table.blocks[0].items[2].values[1].intervalOmitted == .noVariance)
        // 2022's T is the mean of T.01 alone: not the same quantity as 2021's two-item mean.
        #expect(t[2].delta != nil && t[2].comparison == nil && t[2].comparisonOmitted == .itemsChanged)
        #expect(table.blocks[0].values[2].comparisonOmitted == .itemsChanged)
        // S is comparable and tested; it is the only test of 2022's family.
        let s = table.blocks[0].sections[0].values[2]
        #expect(s.comparison != nil && s.comparisonOmitted == nil)
        #expect(table.multiplicity?.family(year: 2022)?.tests == 1)
        #expect(s.comparison?.adjustedP == s.comparison?.p)
    }

    @Test("the reasons reach the tables and the JSON")
    func rendered() throws {
        let document = WellbeingDocument(instrument: "t", codebookVersion: "1", unit: nil, table: table)
        let tables = WellbeingTables(document: document, locale: .english)
        let text = tables.renderText()
        #expect(text.contains("Δ not tested: 2021 S (n < 10), 2021 T (n < 10), 2021 MEAN (n < 10), 2022 T (items changed), 2022 MEAN (items changed)."))
        #expect(text.contains("p adjusted by Holm's method among the tests of the same year; tests per year: 2022: 1"))
        let sections = WellbeingDetailTables(base: tables).renderText(.sections)
        #expect(sections.contains("n < 10") && sections.contains("no variance") && sections.contains("items changed"))
        let json = try JSONSerialization.jsonObject(with: Data(try document.json().utf8)) as! [String: Any]
        let block = ((json["table"] as! [String: Any])["blocks"] as! [[String: Any]])[0]
        let t = ((block["sections"] as! [[String: Any]])[1])["values"] as! [[String: Any]]
        #expect(t[1]["intervalOmitted"] as? String == "no_variance")
        #expect(t[2]["comparisonOmitted"] as? String == "items_changed")
    }
}

@Suite("Comparability notes")
struct ComparabilityTests {
    let guards = InferenceGuardTests()

    /// 2020 answers both sections; 2022 (2021 missing) nobody answers section T.
    var table: YearOverYear {
        let m = AnswerCode.missing
        let y2020: [[UInt8]] = (0..<12).map { (r: Int) -> [UInt8] in [UInt8(1 + r % 6), UInt8(1 + r % 5), UInt8(1 + r % 4), 4] }
        let y2022: [[UInt8]] = (0..<12).map { (r: Int) -> [UInt8] in [UInt8(1 + r % 3), UInt8(2 + r % 4), m, m] }
        return YearOverYear(codebook: guards.codebook, accumulators: [2020: guards.accumulator(y2020), 2022: guards.accumulator(y2022)])
    }

    @Test("a Δ bridging a missing year and a MEDIA over fewer sections are marked, in the table and the JSON")
    func notes() throws {
        let table = self.table
        #expect(table.blocks[0].sections[0].values[1].comparability == [.bridgesMissingYear])
        // MEDIA 2022 is section S alone, 2020's the mean of S and T: another quantity, not tested.
        #expect(table.blocks[0].values[1].comparability == [.bridgesMissingYear, .sectionsChanged])
        #expect(table.blocks[0].values[1].comparisonOmitted == .itemsChanged)
        let document = WellbeingDocument(instrument: "t", codebookVersion: "1", unit: nil, table: table)
        let text = WellbeingTables(document: document, locale: .english).renderText()
        // 2020: S = (3,5 + 2,75) / 2 = 3,125, T = (2,5 + 4) / 2 = 3,25, MEDIA 3,1875; 2022: S = (2 + 3,5) / 2 = 2,75 = MEDIA.
        #expect(text.contains("MEAN                    3.19    2.75  -0.44 †"))
        #expect(text.contains("† Comparisons of different things:\n  2022: compared with 2020: the years in between are missing — every comparison\n  2022: other sections than in 2020 — MEAN B\n"))
        let json = try JSONSerialization.jsonObject(with: Data(try document.json().utf8)) as! [String: Any]
        let block = ((json["table"] as! [String: Any])["blocks"] as! [[String: Any]])[0]
        #expect(((block["values"] as! [[String: Any]])[1])["comparability"] as? [String] == ["bridges_missing_year", "sections_changed"])
    }
}

@Suite("n = 1")
struct SingleRespondentTests {
    @Test("one respondent: the mean stands, its interval and the next year's test say n < 10")
    func single() throws {
        let guards = InferenceGuardTests()
        let y2021: [[UInt8]] = (0..<15).map { (r: Int) -> [UInt8] in [UInt8(1 + r % 6), UInt8(1 + r % 5), UInt8(1 + r % 4), UInt8(2 + r % 3)] }
        let table = YearOverYear(codebook: guards.codebook, accumulators: [2020: guards.accumulator([[3, 4, 5, 6]]),
                                                                           2021: guards.accumulator(y2021)])
        let s = table.blocks[0].sections[0].values
        #expect(s[0].mean == 3.5 && s[0].standardError == nil && s[0].intervalOmitted == .fewRespondents)
        #expect(table.blocks[0].items[0].values[0].intervalOmitted == .fewRespondents)
        #expect(s[1].delta != nil && s[1].comparison == nil && s[1].comparisonOmitted == .fewRespondents)
        #expect(table.blocks[0].values[1].comparisonOmitted == .fewRespondents)
    }
}
