import Foundation
import GRDB
import PolsoTestSupport
@testable import Store
import Testing

/// An import's content fingerprints go to a temporary file run by run (``FingerprintSpool``) and
/// into the store from there: the same blob, the same refusals, on both engines.
@Suite("Content fingerprints spooled")
struct FingerprintSpoolTests {
    @Test("more fingerprints than one run: read back in order, encoded as RowFingerprint.encode")
    func spool() throws {
        var random = SeededRandom(seed: 3)
        for count in [0, 1, 6, 7, 8, 9, 2 * 7 + 5, 1_000] {
            let values = (0..<count).map { _ in random.next() }
            let spool = FingerprintSpool(run: 7)
            for value in values { try spool.append(value) }
            #expect(spool.count == count)
            #expect(try spool.all() == values)
            #expect(try spool.encoded() == RowFingerprint.encode(values))
        }
    }

    @Test("a file of more respondents than one run: its blob holds every fingerprint in order, and the same rows again are refused",
          arguments: StoreEngineKind.all)
    func largeFile(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            var random = SeededRandom(seed: 5)
            let count = FingerprintSpool.defaultRun + 1_000
            let answers: [[Int?]] = (0..<count).map { _ in (0..<10).map { _ in random.chance(5) ? nil : random.int(1...6) } }
            let demographics: [[Int?]] = (0..<count).map { _ in [random.int(0...1), random.chance(10) ? nil : random.int(0...1)] }
            let fixture = SurveyFixture(name: "large", codebookSource: bench.fixture.codebookSource, codebook: bench.fixture.codebook,
                                        answers: answers, demographics: demographics)
            let path = try folder.write("grande.csv", bytes: ExportShape.limeSurveyCodes.bytes(for: fixture))
            try bench.importFile(path, year: 2020, fixture: fixture)
            // The fingerprints of the stored rows, computed here, are the stored blob.
            var expected: [UInt64] = []
            let stored = try bench.responses(year: 2020)
            #expect(stored.answers.count == count)
            for (row, people) in zip(stored.answers, stored.demographics) {
                row.withUnsafeBufferPointer { a in people.withUnsafeBufferPointer { expected.append(RowFingerprint.of(answers: a, demographics: $0)) } }
            }
            let files = try bench.store.engine.importing { try $0.storedFiles(instrument: fixture.codebook.instrument, excluding: -1) }
            #expect(files.count == 1 && files.first?.fingerprints == expected)
            // The same rows in another layout, into another year.
            let copy = try folder.write("copia.csv", bytes: ExportShape.limeSurveySubquestions.bytes(for: fixture))
            let refusal = errorText { try bench.importFile(copy, year: 2021, fixture: fixture) }
            #expect(refusal?.contains("not imported: same content as ") == true, "\(refusal ?? "")")
            #expect(refusal?.contains("the same \(count) respondents") == true, "\(refusal ?? "")")
        }
    }
}
