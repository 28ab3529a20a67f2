import Foundation
import PolsoTestSupport
@testable import Surveys
import Testing

/// Rows past the first ``ExportLayout/rowsNeeded`` are decoded by the reader as it parses (their
/// one-byte cells' codes come with the record); the rows held while the layout is recognised are
/// read from their bytes. Both must give the same responses and the same problems.
@Suite("Import: cells decoded by the reader")
struct DecodedCellsTests {
    static let header = "\"id\",\"A.01\",\"A.02\",\"A.03\",\"A.04\",\"B.01\",\"B.07\",\"H.01\",\"H.05\",\"P.01\",\"P.02\",\"gender\",\"age\""
    /// Every kind of cell: one-byte points, codes, labels, numbers with spaces or decimals,
    /// declared missing words, blanks, a quoted line break in the id.
    static let validRows = [
        "\"r1\",\"6\",\"5\",\"4\",\"1\",\"6\",\"2\",\"5\",\"1\",\"4\",\"5\",\"Donna\",\"Fino a 40 anni\"",
        "\"r2\",\"A5\",\"AO03\",\" 4\",\"\",\"N/A\",\"Non so\",\"5.0\",\"Molto d'accordo\",\"6 - Del tutto d'accordo\",\"1\",\"Uomo\",\"\"",
        "\"r3\nbis\",,,,,,,,,,,\"\",\"Più di 40 anni\"",
        "r4,2,3,1,6,4,3,2,6,1,1,2,1",
    ]
    /// Values off the scale, in one and in several bytes, and an unknown option.
    static let invalidRows = [
        "\"r5\",\"7\",\"0\",\"x\",\"3\",\"3\",\"3\",\"3\",\"3\",\"3\",\"33\",\"Donna\",\"\"",
        "\"r6\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"-\",\"1\",\"2\",\"3\",\"Altro\",\"\"",
    ]
    static let fillerCount = 30
    static let filler = (1...fillerCount).map { "\"f\($0)\",\"\(($0 % 6) + 1)\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"1\",\"2\",\"3\",\"Donna\",\"\"" }

    static func run(_ rows: [String], in folder: TemporaryFolder, name: String) throws -> Result<[CollectedResponses.Response], ImportFailure> {
        let path = try folder.write(name, text: ([header] + rows).map { $0 + "\r\n" }.joined())
        var sink = CollectedResponses()
        do {
            _ = try Importer(codebook: SurveyFixture.small.codebook).run(path: path, into: &sink)
            return .success(sink.rows)
        } catch let failure as ImportFailure {
            return .failure(failure)
        }
    }

    @Test("the same responses, lines and problems whether a row's cells were decoded by the reader or read from their bytes")
    func sameResults() throws {
        try withTemporaryFolder { folder in
            // Held rows only (a short file), then the same rows after the filler (decoded).
            let held = try Self.run(Self.validRows, in: folder, name: "held.csv").get()
            let decoded = try Self.run(Self.filler + Self.validRows, in: folder, name: "decoded.csv").get()
            #expect(held.count == Self.validRows.count)
            let shifted = decoded.suffix(Self.validRows.count).map { response in
                var response = response
                response.line -= Self.fillerCount
                return response
            }
            #expect(shifted == held)
            // Spot checks against the codebook: A5 is point 5, N/A and a blank are missing (255).
            #expect(held[1].answers == [5, 3, 4, 255, 255, 255, 5, 5, 6, 1])
            #expect(held[2].line == 4 && held[3].line == 6)

            let heldFailure = try #require(Self.failure(try Self.run(Self.validRows + Self.invalidRows, in: folder, name: "held-bad.csv")))
            let decodedFailure = try #require(Self.failure(try Self.run(Self.filler + Self.validRows + Self.invalidRows, in: folder, name: "decoded-bad.csv")))
            #expect(heldFailure.total == 6)
            #expect(decodedFailure.total == heldFailure.total)
            let heldProblems = heldFailure.problems.map { "\($0.line + Self.fillerCount):\($0.column ?? 0): \($0.value ?? "") \($0.message)" }
            let decodedProblems = decodedFailure.problems.map { "\($0.line):\($0.column ?? 0): \($0.value ?? "") \($0.message)" }
            #expect(decodedProblems == heldProblems)
            #expect(heldFailure.problems.map(\.value) == ["7", "0", "x", "33", "-", "Altro"])
        }
    }

    static func failure(_ result: Result<[CollectedResponses.Response], ImportFailure>) -> ImportFailure? {
        if case let .failure(failure) = result { return failure }
        return nil
    }
}
