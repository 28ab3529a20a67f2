import PolsoTestSupport
import Reports
@testable import Statistics
import Surveys
import Testing

private let m = AnswerCode.missing
private let na = AnswerCode.notApplicable
private let it = NumberFormat(locale: .italian)

/// Services of the test codebook (stored codes): 1 Registro Imprese, 2 Mediazione, 3 Statistica Prezzi.
private let registro: UInt8 = 1, mediazione: UInt8 = 2, prezzi: UInt8 = 3

/// Tallies of rows given as (service, SOD answer); the other items are missing.
private func tallies(_ rows: [(UInt8, UInt8)]) -> ServiceTallies {
    var tallies = ServiceTallies(codebook: satisfactionCodebook)!
    for (service, sod) in rows { tallies.add(answers: [sod, m, m, m], demographics: [service]) }
    return tallies
}

/// 2018: Registro Imprese 4, 3, 2 (2 of 3 positive); Mediazione 4, 4, 4, 1 (3 of 4); Statistica Prezzi not surveyed.
private let rows2018: [(UInt8, UInt8)] = [(registro, 4), (registro, 3), (registro, 2), (mediazione, 4), (mediazione, 4), (mediazione, 4), (mediazione, 1)]
/// 2019: Registro Imprese 4, 4, 3, 1 and one "not applicable" (3 of 4); Mediazione nine 3s and a 2 (9 of 10);
/// Statistica Prezzi 1, 2 (0 of 2); one response naming no service.
private let rows2019: [(UInt8, UInt8)] = [(registro, 4), (registro, 4), (registro, 3), (registro, 1), (registro, na)]
    + Array(repeating: (mediazione, 3), count: 9) + [(mediazione, 2), (prezzi, 1), (prezzi, 2), (0, 4)]

private func series(baseYear: Int? = nil) -> SatisfactionSeries {
    SatisfactionSeries(codebook: satisfactionCodebook, years: [
        2018: SatisfactionYearInput(tallies: tallies(rows2018), plannedServices: 3, users: ["": 14]),
        2019: SatisfactionYearInput(tallies: tallies(rows2019), plannedServices: 3, users: ["Registro Imprese": 10]),
    ], baseYear: baseYear)
}

@Suite("Customer-satisfaction statistics against hand arithmetic")
struct SatisfactionStatisticsTests {
    static let verbal = Scale(min: 1, max: 4, positiveFrom: 3)

    @Test("valid, positive, negative, % positive, % negative and mean on a verbal 4-point scale")
    func verbalScale() {
        // 1×1, 2×2, 3×3, 4×4: valid 10, positive 3 + 4 = 7, mean (1 + 4 + 9 + 16) / 10 = 3.
        let figures = JudgmentFigures(counts: JudgmentCounts(points: [1, 2, 3, 4], missing: 5), scale: Self.verbal)
        #expect(figures.valid == 10)
        #expect(figures.positive == 7)
        #expect(figures.negative == 3)
        #expect(figures.missing == 5)
        #expect(figures.percentPositive == 70)
        #expect(figures.percentNegative == 30)
        #expect(figures.mean == 3)
        #expect(figures.distribution == [1, 2, 3, 4])
        #expect(figures.netPromoter == nil)
    }

    @Test("290 positive of 320 is 90,625 %, shown half-up 90,63 % (half-even would show 90,62)")
    func halfUp() {
        // 10 + 20 negative, 90 + 200 positive: 290 / 320 = 0,90625; 30 / 320 = 9,375 % → 9,38 %.
        let figures = JudgmentFigures(counts: JudgmentCounts(points: [10, 20, 90, 200]), scale: Self.verbal)
        #expect(figures.percentPositive == 90.625)
        #expect(it.percent(figures.percentPositive!) == "90,63 %")
        #expect(it.percent(figures.percentNegative!) == "9,38 %")
        #expect(NumberFormat(locale: .english).percent(figures.percentPositive!) == "90.63%")
    }

    @Test("an emoticon scale with the neutral face positive")
    func emoticons() {
        // ☹️ 2, 😐 5, 🙂 13; positive from 2: 18 / 20 = 90 %; mean (2 + 10 + 39) / 20 = 2,55.
        let scale = satisfactionCodebook.scale(ofItem: 2)
        let figures = JudgmentFigures(counts: JudgmentCounts(points: [2, 5, 13]), scale: scale)
        #expect(figures.positive == 18)
        #expect(figures.percentPositive == 90)
        #expect(close(figures.mean, 2.55))
    }

    @Test("a 1–10 scale: not applicable answers stay out of the denominator and are counted apart")
    func tenPointsAndNotApplicable() {
        // 1 once, 5 twice, 6 three times, 8 four times, 10 five times; 6 not applicable, 2 missing.
        // Valid 15; positive (≥ 6) 3 + 4 + 5 = 12 → 80 % (12 / 21 = 57,14 % if "not applicable" counted);
        // mean (1 + 10 + 18 + 32 + 50) / 15 = 111 / 15 = 7,4.
        let counts = JudgmentCounts(points: [1, 0, 0, 0, 2, 3, 0, 4, 0, 5], notApplicable: 6, missing: 2)
        let figures = JudgmentFigures(counts: counts, scale: Scale(min: 1, max: 10, positiveFrom: 6))
        #expect(figures.valid == 15)
        #expect(figures.positive == 12)
        #expect(figures.notApplicable == 6)
        #expect(figures.percentPositive == 80)
        #expect(close(figures.mean, 7.4))
    }

    @Test("the same through an import-shaped tally: codes 254 and 255 are no answers")
    func throughTally() {
        var tallies = ServiceTallies(codebook: satisfactionCodebook)!
        for row: [UInt8] in [[4, 10, 3, 9], [2, na, na, m], [3, 6, 1, 0]] { tallies.add(answers: row, demographics: [mediazione]) }
        let cort = JudgmentFigures(counts: JudgmentCounts(tally: tallies.tally(service: 2), codebook: satisfactionCodebook, item: 1),
                                   scale: satisfactionCodebook.scale(ofItem: 1))
        #expect(cort.valid == 2)
        #expect(cort.notApplicable == 1)
        #expect(cort.percentPositive == 100)  // 10 and 6, both ≥ 6
        #expect(tallies.tally(service: 1).respondents == 0)
    }

    @Test("Net Promoter Score: % of 9–10 minus % of 0–6")
    func netPromoter() {
        // 0 once, 6 twice, 7 three times, 8 once, 9 twice, 10 four times: valid 13; promoters 6,
        // passives 4, detractors 3; NPS (6 − 3) / 13 × 100 = 23,0769… → +23,08.
        var points = [Int](repeating: 0, count: 11)
        for (point, count) in [(0, 1), (6, 2), (7, 3), (8, 1), (9, 2), (10, 4)] { points[point] = count }
        let figures = JudgmentFigures(counts: JudgmentCounts(points: points), scale: Scale(min: 0, max: 10), netPromoter: true)
        #expect(figures.netPromoter?.promoters == 6)
        #expect(figures.netPromoter?.passives == 4)
        #expect(figures.netPromoter?.detractors == 3)
        #expect(close(figures.netPromoter?.score, 300.0 / 13))
        #expect(it.delta(figures.netPromoter!.score!) == "+23,08")
    }

    @Test("Ravenna 2019: the services' counts pool to 763 / 828 = 92,15 %")
    func ravenna() {
        // Statistica Prezzi 49 / 52, Mediazione 342 / 344, Brevetti e Marchi 167 / 168, Registro Imprese 54 / 55,
        // the other twelve 151 / 209: 49 + 342 + 167 + 54 + 151 = 763; 52 + 344 + 168 + 55 + 209 = 828.
        let services = [(49, 52), (342, 344), (167, 168), (54, 55), (151, 209)].map { positive, valid in
            JudgmentCounts(points: [0, valid - positive, positive, 0])
        }
        let each = services.map { JudgmentFigures(counts: $0, scale: Self.verbal) }
        #expect(each.prefix(4).map { it.percent($0.percentPositive!) } == ["94,23 %", "99,42 %", "99,40 %", "98,18 %"])
        let pooled = JudgmentFigures(counts: services.reduce(.zero(pointCount: 4), +), scale: Self.verbal)
        #expect(pooled.positive == 763)
        #expect(pooled.valid == 828)
        #expect(it.percent(pooled.percentPositive!) == "92,15 %")
    }

    @Test("per service and pooled by summing counts; the mean of the services' percentages is apart")
    func pooling() {
        let table = series()
        #expect(table.years == [2018, 2019])
        #expect(table.services.map(\.service) == ["Registro Imprese", "Mediazione", "Statistica Prezzi"])
        let sod2019 = table.services.map { $0.values[1].items[0].figures }
        #expect(sod2019.map(\.positive) == [3, 9, 0])
        #expect(sod2019.map(\.valid) == [4, 10, 2])
        #expect(sod2019.map(\.notApplicable) == [1, 0, 0])
        #expect(sod2019.map(\.percentPositive) == [75, 90, 0])
        // Pooled: (3 + 9 + 0) / (4 + 10 + 2) = 12 / 16 = 75 %; mean (12 + 29 + 3) / 16 = 2,75.
        let pooled = table.pooled!.values[1].items[0].figures
        #expect(pooled.positive == 12)
        #expect(pooled.valid == 16)
        #expect(pooled.percentPositive == 75)
        #expect(pooled.mean == 2.75)
        // Points: 1 (Registro, Prezzi) 2; 2 (Mediazione, Prezzi) 2; 3 (Registro, nine Mediazione) 10; 4 (Registro) 2;
        // 2 + 4 + 30 + 8 = 44 = 12 + 29 + 3.
        #expect(pooled.distribution == [2, 2, 10, 2])
        // The unweighted mean of 75, 90 and 0 is 55 %: another statistic, under its own name.
        #expect(table.summaries[1].meanOfServicePercentages["SOD"] == 55)
        // Items nobody answered have no percentage, so no mean of percentages.
        #expect(table.summaries[1].meanOfServicePercentages["CORT"] == nil)
        // The response naming no service is counted apart, in no figure.
        #expect(table.summaries[1].unassigned == 1)
        #expect(table.summaries[1].questionnaires == 5 + 10 + 2)
    }

    @Test("deltas in percentage points, index on the first year, services improved and worse")
    func trends() {
        let table = series()
        // 2018 pooled 5 / 7 = 71,428571…; 2019 75: Δ = 3,571428…; index 75 / (500 / 7) × 100 = 105.
        let pooled = table.pooled!.values[1].items[0]
        #expect(pooled.previousYear == 2018)
        #expect(close(pooled.delta, 75 - 500.0 / 7))
        #expect(close(pooled.index, 105))
        #expect(table.pooled!.values[0].items[0].index == 100)
        // Registro Imprese 66,666… → 75: Δ +8,33; Mediazione 75 → 90: Δ +15; Statistica Prezzi new in 2019.
        let deltas = table.services.map { $0.values[1].items[0].delta }
        #expect(close(deltas[0], 75 - 200.0 / 3))
        #expect(deltas[1] == 15)
        #expect(deltas[2] == nil)
        #expect(table.services[2].values[1].items[0].index == nil)
        // Mean judgment: Mediazione 2018 (4 + 4 + 4 + 1) / 4 = 3,25 → 2019 (27 + 2) / 10 = 2,9: −0,35.
        #expect(close(table.services[1].values[1].items[0].meanDelta, -0.35))
        // Both rises are far from an exact test's reach: Fisher p (scipy) 3/4 vs 2/3 = 1, 9/10 vs 3/4 = 0,5054…;
        // so no service improved, two show no clear change.
        #expect([table.summaries[1].improved, table.summaries[1].worse, table.summaries[1].noClearChange, table.summaries[1].tests] == [0, 0, 2, 2])
        #expect(close(table.services[0].values[1].items[0].change?.p, 1))
        #expect(close(table.services[1].values[1].items[0].change?.p, 0.5054945054945055))
    }

    @Test("another base year: the index of the earlier year is relative to it")
    func laterBaseYear() {
        let table = series(baseYear: 2019)
        // Registro Imprese: (200 / 3) / 75 × 100 = 88,888…
        #expect(close(table.services[0].values[0].items[0].index, 800.0 / 9))
        #expect(table.services[0].values[1].items[0].index == 100)
        #expect(it.decimal(table.services[0].values[0].items[0].index!) == "88,89")
    }

    @Test("coverage and response rates from the counts given at import")
    func coverageAndResponse() {
        let table = series()
        // 2018: 2 of 3 services surveyed = 66,67 %; 7 questionnaires of 14 users = 50 %.
        #expect(table.summaries[0].servicesSurveyed == 2)
        #expect(close(table.summaries[0].coverage, 200.0 / 3))
        #expect(table.summaries[0].responseRate == 50)
        // 2019: 3 of 3 = 100 %; Registro Imprese 5 questionnaires of 10 users = 50 %; no total, as the
        // other services' users are unknown.
        #expect(table.summaries[1].coverage == 100)
        #expect(table.services[0].values[1].responseRate == 50)
        #expect(table.services[1].values[1].responseRate == nil)
        #expect(table.summaries[1].users == nil)
    }

    @Test("the users of every service, given one by one, make the total")
    func totalUsers() {
        let table = SatisfactionSeries(codebook: satisfactionCodebook, years: [
            2018: SatisfactionYearInput(tallies: tallies(rows2018), users: ["Registro Imprese": 6, "Mediazione": 8]),
        ])
        // 3 + 4 questionnaires of 6 + 8 users = 50 %.
        #expect(table.summaries[0].users == 14)
        #expect(table.summaries[0].responseRate == 50)
        #expect(table.summaries[0].coverage == nil)
    }

    @Test("restricting years keeps deltas to the previous stored year; one service drops the pooled series")
    func restrictions() {
        let table = series()
        let only2019 = table.restricted(to: [2019])
        #expect(only2019.years == [2019])
        #expect(only2019.pooled!.values.map(\.year) == [2019])
        #expect(only2019.pooled!.values[0].items[0].previousYear == 2018)
        let mediazione = table.only(service: "Mediazione")
        #expect(mediazione.services.map(\.service) == ["Mediazione"])
        #expect(mediazione.pooled == nil)
    }
}
