import Foundation
import PolsoTestSupport
import Statistics
import Surveys
import Testing

/// The network benchmark's arithmetic: quartiles against numpy (Fixtures/make_benchmark_quantiles.py)
/// and the rules on hand-made bodies.
@Suite("Network benchmark statistics")
struct BenchmarkStatisticsTests {
    struct Case: Decodable {
        var values: [Double]
        var summary: [Double]
    }

    @Test("min, quartiles, median and max agree with numpy.quantile's default (type 7) on 65 samples")
    func quantilesAgainstNumpy() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/benchmark_quantiles.json")
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
        #expect(cases.count == 65)
        for item in cases {
            let d = BenchmarkDistribution(values: item.values)
            let computed = [d.minimum, d.lowerQuartile, d.median, d.upperQuartile, d.maximum]
            for (mine, numpy) in zip(computed, item.summary) { #expect(abs(mine - numpy) <= 1e-12, "\(item.values)") }
        }
        // By hand: 3,7 3,9 4,0 4,1 4,4 → h = 4·0,25 = 1: Q1 = 3,9, median 4,0, Q3 = 4,1.
        let five = BenchmarkDistribution(values: [4.1, 3.9, 4.4, 3.7, 4.0])
        #expect([five.minimum, five.lowerQuartile, five.median, five.upperQuartile, five.maximum] == [3.7, 3.9, 4.0, 4.1, 4.4])
        // Six values: h = 1,25 → 3,3 + 0,25 · (4,1 − 3,3) = 3,5; median (4,1 + 4,8) / 2 = 4,45; h = 3,75 → 4,8.
        let six = BenchmarkDistribution(values: [3.2, 4.8, 4.8, 4.1, 3.3, 5.0])
        #expect(abs(six.lowerQuartile - 3.5) < 1e-12 && abs(six.median - 4.45) < 1e-12 && six.upperQuartile == 4.8)
    }

    /// A body whose respondents all gave the answer rows `rows` (raw points, 255 blank) to the small questionnaire.
    static func entrant(_ code: String, rows: [[UInt8]], isPublic: Bool = false) -> BenchmarkEntrant {
        let codebook = SurveyFixture.small.codebook
        var tally = WaveTally(codebook: codebook)
        for row in rows { row.withUnsafeBytes { tally.add(answers: $0) } }
        return BenchmarkEntrant(code: code, isPublic: isPublic, respondents: rows.count,
                                table: YearOverYear(codebook: codebook, tallies: [2024: tally]).withholdingSmallCells(minimum: 5))
    }

    static func constant(_ point: UInt8, _ count: Int) -> [[UInt8]] {
        Array(repeating: Array(repeating: point, count: 10), count: count)
    }

    @Test("a body enters a figure only where its own view shows it: a section answered by 3 leaves that row, and its MEDIA")
    func withheldSectionLeavesTheRow() {
        // Five bodies of 6 respondents; in the fifth only 3 answered P.01 and P.02 (the others left them blank).
        var partial = Self.constant(4, 6)
        for r in 0..<3 { partial[r][8] = 255; partial[r][9] = 255 }
        let entrants = (1...4).map { Self.entrant("e\($0)", rows: Self.constant(UInt8($0 + 1), 6)) } + [Self.entrant("p", rows: partial)]
        let benchmark = NetworkBenchmark(year: 2024, entrants: entrants, rules: DisclosureRules(minimumRespondents: 5), asking: "p")
        let p = benchmark.rows.first { $0.section == "P" }!
        let media = benchmark.rows.first { $0.section == nil && $0.block == "superiore" }!
        #expect(p.bodies == 4 && p.withheld == .tooFewBodies(bodies: 4, minimum: 5) && p.standing == nil)
        #expect(media.bodies == 4 && media.distribution == nil)
        let a = benchmark.rows.first { $0.section == "A" }!
        #expect(a.bodies == 5 && a.distribution != nil && a.standing?.of == 5)
        #expect(benchmark.namedBodies == ["p"])
    }

    @Test("ties share the better rank; a tie at the minimum names nobody; bands at the quartiles")
    func tiesAndBands() {
        let entrants = [Self.entrant("a", rows: Self.constant(2, 5), isPublic: true), Self.entrant("b", rows: Self.constant(2, 5), isPublic: true),
                        Self.entrant("c", rows: Self.constant(3, 5)), Self.entrant("d", rows: Self.constant(5, 5)),
                        Self.entrant("e", rows: Self.constant(6, 5), isPublic: true)]
        let benchmark = NetworkBenchmark(year: 2024, entrants: entrants, rules: DisclosureRules(minimumRespondents: 5), asking: "b")
        let p = benchmark.rows.first { $0.section == "P" }!
        #expect(p.distribution?.minimum == 2 && p.distribution?.minimumBody == nil && p.distribution?.maximumBody == "e")
        // 2 2 3 5 6: Q1 = 2 (h = 1), so b's 2 is at the lower quartile, below the median 3.
        #expect(p.standing == BenchmarkStanding(value: 2, rank: 4, of: 5, band: .lowerMiddle))
        let d = p.distribution!
        #expect(QuartileBand(d.lowerQuartile - 0.01, in: d) == .bottom && QuartileBand(d.lowerQuartile, in: d) == .lowerMiddle)
        #expect(QuartileBand(d.median, in: d) == .upperMiddle && QuartileBand(d.upperQuartile, in: d) == .upperMiddle)
        #expect(QuartileBand(d.upperQuartile + 0.01, in: d) == .top)
    }
}
