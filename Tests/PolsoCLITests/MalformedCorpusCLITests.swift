import Foundation
import Testing

/// The malformed-file corpus (`Tests/MalformedCorpus`, written by its `generate.py`): each file
/// imported into a store that holds a 2023 wave, with the one outcome `expected.tsv` gives it.
struct MalformedCase: CustomTestStringConvertible, Sendable {
    var file: String
    var status: Int32
    var outcome: String

    var testDescription: String { file }

    static let folder = CLIRunner.repository.appendingPathComponent("Tests/MalformedCorpus")

    static let all: [MalformedCase] = {
        let text = (try? String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let status = Int32(parts[1]) else { return nil }
            return MalformedCase(file: parts[0], status: status, outcome: parts[2])
        }
    }()
}

@Suite("Malformed-file corpus: one expected outcome each, never a crash, the store unchanged when refused")
struct MalformedCorpusCLITests {
    @Test("the corpus has at least 60 cases and expected.tsv names every file once")
    func corpusComplete() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: MalformedCase.folder.appendingPathComponent("files").path)
        #expect(files.count >= 60)
        #expect(Set(MalformedCase.all.map(\.file)) == Set(files))
        #expect(MalformedCase.all.count == files.count)
    }

    @Test("each file's outcome", arguments: MalformedCase.all)
    func outcome(_ testCase: MalformedCase) throws {
        let cli = try CLIRunner()
        let codebook = MalformedCase.folder.appendingPathComponent("codebook.yaml").path
        let base = try cli.write("base.csv", "id,submitdate,A01,A02\r\n1,2023-03-01 10:00:00,4,5\r\n")
        #expect(try cli.run(["import", base, "--survey", codebook, "--year", "2023"]).status == 0)
        let store = cli.folder.appendingPathComponent("polso.sqlite")
        let before = try Data(contentsOf: store)
        let path = MalformedCase.folder.appendingPathComponent("files/\(testCase.file)").path
        let result = try cli.run(["import", path, "--survey", codebook, "--year", "2024"])
        #expect(result.status == testCase.status, "\(result.stderr)")
        if testCase.status == 0 {
            #expect(result.stdout.contains("  \(testCase.outcome)\n"), "\(result.stdout)")
        } else {
            let located = testCase.outcome.replacingOccurrences(of: "{file}", with: path)
            #expect(located.hasPrefix(path + ":"))
            #expect(result.stderr.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == located }, "\(result.stderr)")
            #expect(try Data(contentsOf: store) == before)
            let left = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path)
            #expect(left.allSatisfy { ["base.csv", "polso.sqlite"].contains($0) || $0.hasSuffix(".map.yaml") }, "\(left)")
        }
    }
}
