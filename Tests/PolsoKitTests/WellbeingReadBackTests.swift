import Foundation
import PolsoTestSupport
import Store
import Surveys
import Testing
@testable import Statistics
@testable import SurveyMetrics

/// `wellbeing`'s read-back adds the covariances and pairwise sums on a second core, batch by batch
/// (``CovariationWorker``): the same figures as adding every respondent whole on one thread.
@Suite("Wellbeing read-back on two cores")
struct WellbeingReadBackTests {
    @Test("the stored samples, in batches of 1, 7, 1,000 and the default: the accumulators of one thread")
    func sameAsOneThread() throws {
        try withTemporaryFolder { folder in
            let store = try SurveyStore(path: try FacadeTests.store(in: folder), access: .read)
            let queries = SurveyQueries(store: store, body: "local")
            let byYear = try queries.wavesByYear(instrument: "anac-2013", unit: nil)
            let codebook = try queries.codebook(for: byYear[2016]!)
            var single: [Int: WellbeingAccumulator] = [:]
            for (year, waves) in byYear {
                var accumulator = WellbeingAccumulator(codebook: codebook)
                try store.forEachResponse(waves: waves.map(\.id), points: codebook.answerPoints) { answers, _ in accumulator.add(answers: answers) }
                single[year] = accumulator
            }
            #expect(single.keys.sorted() == [2015, 2016])
            for batch in [1, 7, 1_000, CovariationWorker.batchRows] {
                let pipelined = try queries.accumulators(byYear, codebook: codebook, batchRows: batch)
                for (year, expected) in single {
                    let got = try #require(pipelined[year])
                    #expect(got.tally.respondents == expected.tally.respondents && got.tally.respondents > 100)
                    #expect(got.blockCoMoments == expected.blockCoMoments, "batch \(batch), \(year)")
                    #expect(got.sectionCovariances == expected.sectionCovariances, "batch \(batch), \(year)")
                    #expect(got.sectionIndexes == expected.sectionIndexes && got.blockIndexes == expected.blockIndexes)
                    #expect(got.tally == expected.tally && got.sectionPositives == expected.sectionPositives)
                }
                let table = YearOverYear(codebook: codebook, accumulators: pipelined)
                let reference = YearOverYear(codebook: codebook, accumulators: single)
                #expect(table == reference, "batch \(batch)")
            }
        }
    }
}
