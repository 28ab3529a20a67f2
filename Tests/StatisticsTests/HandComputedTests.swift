@testable import Statistics
import Surveys
import Testing

/// A small questionnaire: block "benessere" (A: A.01, A.02, A.04 reversed; B: B.07 reversed),
/// the importance block (Q.01, Q.02, outside synthesis), block "superiore" (P: P.01, P.02).
let statisticsCodebook = Codebook(
    instrument: "stat", version: "1", title: "Prova", scale: Scale(min: 1, max: 6), missingAnswers: [],
    blocks: [
        Block(id: "benessere", title: "Benessere", sections: [
            Section(code: "A", title: "Sicurezza", items: [
                Item(code: "A.01", text: "a1"), Item(code: "A.02", text: "a2"), Item(code: "A.04", text: "a4", reversed: true),
            ]),
            Section(code: "B", title: "Discriminazioni", items: [Item(code: "B.07", text: "b7", reversed: true)]),
        ]),
        Block(id: "importanza", title: "Importanza", inSynthesis: false, sections: [
            Section(code: "Q", title: "Importanza", items: [
                Item(code: "Q.01", text: "q1", importanceOf: "A"), Item(code: "Q.02", text: "q2", importanceOf: "B"),
            ]),
        ]),
        Block(id: "superiore", title: "Superiore", sections: [
            Section(code: "P", title: "Capo", items: [Item(code: "P.01", text: "p1"), Item(code: "P.02", text: "p2")]),
        ]),
    ],
    demographics: [])

private let m = AnswerCode.missing
private let na = AnswerCode.notApplicable

/// Raw answers, columns A.01 A.02 A.04 B.07 Q.01 Q.02 P.01 P.02.
let answers2015: [[UInt8]] = [
    [6, 4, 1, 2, 6, 5, 4, 5],
    [5, m, 2, 1, 5, m, 3, 4],
    [na, m, m, m, m, m, m, m],  // "not applicable" to A.01, nothing else: answered no item
    [2, 3, 6, m, 4, 6, 5, m],
]
let answers2016: [[UInt8]] = [
    [4, 5, 3, 3, 6, 6, 6, 5],
    [3, 6, 1, 6, m, 4, 4, 4],
    [5, m, m, m, 5, m, m, m],
]

func tally(_ rows: [[UInt8]]) -> WaveTally {
    var tally = WaveTally(codebook: statisticsCodebook)
    for row in rows { tally.add(answers: row) }
    return tally
}

/// Equal within floating-point noise.
func close(_ value: Double?, _ expected: Double) -> Bool {
    guard let value else { return false }
    return abs(value - expected) < 1e-12
}

@Suite("Statistics against hand arithmetic")
struct HandComputedTests {
    @Test("a tally counts raw codes per item, and respondents who answered a section or block")
    func waveTally() {
        let t = tally(answers2015)
        #expect(t.respondents == 4)
        #expect(t.count(item: 0, code: 6) == 1)
        #expect(t.count(item: 0, code: na) == 1)
        #expect(t.count(item: 1, code: m) == 2)
        #expect(t.count(item: 2, code: 1) == 1)  // raw, not reversed
        // A: r1 r2 r4 (r3's "not applicable" is no answer); B: r1 r2; Q: r1 r2 r4; P: r1 r2 r4.
        #expect(t.sectionRespondents == [3, 2, 3, 3])
        #expect(t.blockRespondents == [3, 3, 3])
        // 2016 — A: r1 r2 r3; B: r1 r2; Q: r1 r2 r3; P: r1 r2.
        let t16 = tally(answers2016)
        #expect(t16.sectionRespondents == [3, 2, 3, 2])
        #expect(t16.blockRespondents == [3, 3, 2])
    }

    @Test("item summaries: reversed items scored 7 − x, missing and not-applicable answers out of n")
    func itemSummaries() {
        let t = tally(answers2015)
        let a01 = ItemSummary(tally: t, codebook: statisticsCodebook, item: 0)
        // A.01: 6, 5, 2 → 13 / 3; r3 not applicable.
        #expect(a01.n == 3)
        #expect(close(a01.mean, 13.0 / 3.0))
        #expect(a01.missing == 0)
        #expect(a01.notApplicable == 1)
        #expect(a01.distribution == [0, 1, 0, 0, 1, 1])
        // A.02: 4, 3 → 3,5; r2 and r3 blank.
        let a02 = ItemSummary(tally: t, codebook: statisticsCodebook, item: 1)
        #expect(a02.n == 2)
        #expect(close(a02.mean, 3.5))
        #expect(a02.missing == 2)
        // A.04 reversed: raw 1, 2, 6 → scored 6, 5, 1 → 12 / 3 = 4 (raw mean would be 3).
        let a04 = ItemSummary(tally: t, codebook: statisticsCodebook, item: 2)
        #expect(a04.n == 3)
        #expect(close(a04.mean, 4.0))
        #expect(a04.missing == 1)
        #expect(a04.distribution == [1, 0, 0, 0, 1, 1])
        // B.07 reversed: raw 2, 1 → scored 5, 6 → 5,5.
        let b07 = ItemSummary(tally: t, codebook: statisticsCodebook, item: 3)
        #expect(b07.n == 2)
        #expect(close(b07.mean, 5.5))
        #expect(b07.distribution == [0, 0, 0, 0, 1, 1])
        // No answer at all: no mean.
        let empty = ItemSummary(tally: tally([[m, m, m, m, m, m, m, m]]), codebook: statisticsCodebook, item: 0)
        #expect(empty.n == 0)
        #expect(empty.mean == nil)
    }

    @Test("sections are means of item means, MEDIA the mean of section means, with deltas and ratios")
    func yearOverYear() throws {
        let table = YearOverYear(codebook: statisticsCodebook, tallies: [2016: tally(answers2016), 2015: tally(answers2015)])
        #expect(table.years == [2015, 2016])
        #expect(table.respondents == [4, 3])
        let benessere = table.blocks[0]
        let (a, b) = (benessere.sections[0], benessere.sections[1])

        // 2015 A = (13/3 + 7/2 + 4) / 3 = (26 + 21 + 24) / 18 = 71/18 = 3,944…; pooling the eight
        // scored answers would give (6+5+2 + 4+3 + 6+5+1) / 8 = 32/8 = 4: they differ.
        #expect(close(a.values[0].mean, 71.0 / 18.0))
        #expect(!close(a.values[0].mean, 4.0))
        // 2016 A = (12/3 + 11/2 + (4+6)/2) / 3 = (4 + 5,5 + 5) / 3 = 29/6 (pooled: 33/7); delta 29/6 − 71/18 = 16/18.
        #expect(close(a.values[1].mean, 29.0 / 6.0))
        #expect(close(a.values[1].delta, 16.0 / 18.0))
        #expect(a.values[1].previousYear == 2015)
        #expect(a.values.map(\.n) == [3, 3])
        // B = B.07 reversed: 2015 (5+6)/2 = 5,5; 2016 raw 3, 6 → 4, 1 → 2,5; delta −3.
        #expect(close(b.values[0].mean, 5.5))
        #expect(close(b.values[1].mean, 2.5))
        #expect(close(b.values[1].delta, -3.0))
        #expect(b.values.map(\.n) == [2, 2])

        // MEDIA 2015 = (71/18 + 99/18) / 2 = 85/18; 2016 = (29/6 + 15/6) / 2 = 11/3.
        #expect(close(benessere.values[0].mean, 85.0 / 18.0))
        #expect(close(benessere.values[1].mean, 11.0 / 3.0))
        // Delta 11/3 − 85/18 = (66 − 85)/18 = −19/18; ratio (11/3) / (85/18) = 198/255 = 66/85.
        #expect(close(benessere.values[1].delta, -19.0 / 18.0))
        #expect(close(benessere.values[1].ratio, 66.0 / 85.0))
        #expect(benessere.values[0].delta == nil && benessere.values[0].ratio == nil && benessere.values[0].previousYear == nil)
        #expect(benessere.values.map(\.n) == [3, 3])

        // Items keep their own n and scored mean.
        #expect(benessere.items.map(\.code) == ["A.01", "A.02", "A.04", "B.07"])
        #expect(benessere.items.map(\.reversed) == [false, false, true, true])
        #expect(close(benessere.items[2].values[1].mean, 5.0))  // raw 3, 1 → 4, 6
        #expect(benessere.items[0].values.map(\.n) == [3, 3])

        // Importance: Q.01 (6+5+4)/3 = 5, Q.02 (5+6)/2 = 5,5 → 5,25 in 2015; 2016 (6+5)/2 = 5,5 and
        // (6+4)/2 = 5 → 5,25. Outside synthesis: no ratio; it is a block of its own, not in the MEDIA above.
        let importance = table.blocks[1]
        #expect(!importance.inSynthesis)
        #expect(importance.items.map(\.importanceOf) == ["A", "B"])
        #expect(close(importance.sections[0].values[0].mean, 5.25))
        #expect(close(importance.sections[0].values[1].mean, 5.25))
        #expect(importance.values.allSatisfy { $0.ratio == nil })

        // Superiore: 2015 P.01 (4+3+5)/3 = 4, P.02 (5+4)/2 = 4,5 → 4,25; 2016 (6+4)/2 = 5, (5+4)/2 = 4,5 → 4,75.
        // Delta 0,5; ratio 4,75 / 4,25 = 19/17.
        let superiore = table.blocks[2]
        #expect(close(superiore.values[0].mean, 4.25))
        #expect(close(superiore.values[1].mean, 4.75))
        #expect(close(superiore.values[1].delta, 0.5))
        #expect(close(superiore.values[1].ratio, 19.0 / 17.0))
        #expect(superiore.values.map(\.n) == [3, 2])
    }

    @Test("deltas refer to the previous year present with a mean, also after restricting the years")
    func previousYearPresent() throws {
        // 2013: one respondent answering 3 everywhere: A = (3 + 3 + (7−3)) / 3 = 10/3; B = 7 − 3 = 4.
        let y2013 = tally([[3, 3, 3, 3, 3, 3, 3, 3]])
        // 2015 as above but nobody answered B.07: B has no mean in 2015.
        let y2015 = tally(answers2015.map { row in var row = row; row[3] = m; return row })
        let table = YearOverYear(codebook: statisticsCodebook, tallies: [2013: y2013, 2015: y2015, 2016: tally(answers2016)])
        let (a, b) = (table.blocks[0].sections[0], table.blocks[0].sections[1])
        // A 2015: 71/18 − 10/3 = 71/18 − 60/18 = 11/18, against 2013 (there is no 2014).
        #expect(a.values[1].previousYear == 2013)
        #expect(close(a.values[1].delta, 11.0 / 18.0))
        // B: no 2015 mean; 2016 (2,5) is compared with 2013 (4): −1,5.
        #expect(b.values[1].mean == nil && b.values[1].delta == nil)
        #expect(b.values[2].previousYear == 2013)
        #expect(close(b.values[2].delta, -1.5))
        // Showing only 2015–2016 keeps the deltas against the stored years.
        let shown = table.restricted(to: [2015, 2016])
        #expect(shown.years == [2015, 2016])
        #expect(shown.blocks[0].sections[1].values.map(\.previousYear) == [nil, 2013])
        #expect(close(shown.blocks[0].sections[1].values[1].delta, -1.5))
        #expect(close(shown.blocks[2].values[1].ratio, 19.0 / 17.0))
    }

    @Test("a single year has no delta and no ratio")
    func singleYear() {
        let table = YearOverYear(codebook: statisticsCodebook, tallies: [2016: tally(answers2016)])
        for block in table.blocks {
            #expect(block.values.allSatisfy { $0.delta == nil && $0.ratio == nil && $0.previousYear == nil })
        }
        #expect(close(table.blocks[2].values[0].mean, 4.75))
    }

    @Test("mean of means ignores absent values")
    func meanOfMeans() {
        #expect(MeanOfMeans.of([]) == nil)
        #expect(MeanOfMeans.of([nil, nil]) == nil)
        #expect(close(MeanOfMeans.of([4.0, nil, 5.0]), 4.5))
    }
}
