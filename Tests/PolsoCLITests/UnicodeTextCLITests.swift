import Foundation
import Testing

/// Excel's "Unicode text" (UTF-16) exports of the shared real exports, read through libcsv after transcoding.
@Suite("polso import of UTF-16 text")
struct UnicodeTextCLITests {
    static let shared = CLIRunner.repository.deletingLastPathComponent().appendingPathComponent("shared/real-exports")

    @Test("the UTF-16 saves of F11, with and without BOM, check as the original does", arguments: ["M2_msforms_utf16le_unicode_text.csv", "M2b_msforms_utf16le_nobom.csv"])
    func sameAsOriginal(_ name: String) throws {
        let mistake = Self.shared.appendingPathComponent("mistakes/" + name).path
        try #require(FileManager.default.fileExists(atPath: mistake), "the shared real exports are beside the repository")
        let codebook = Self.shared.appendingPathComponent("codebooks/F11.yaml").path
        let map = Self.shared.appendingPathComponent("codebooks/F11.map.yaml").path
        let cli = try CLIRunner()
        func check(_ path: String) throws -> CLIRunner.Result {
            try cli.run(["import", path, "--survey", codebook, "--map", map, "--year", "2024", "--dry-run"])
        }
        let original = try check(Self.shared.appendingPathComponent("files/F11_msforms_hotdog_fa24.csv").path)
        let unicode = try check(mistake)
        #expect(original.status == 0 && unicode.status == 0, "\(unicode.stderr)")
        #expect(unicode.stdout.contains("delimiter 'tab'"))
        #expect(unicode.stdout.contains("notice:       the file is UTF-16"))
        #expect(unicode.stdout.contains("respondents:  187"))
        // Everything after the summary (the statistics table) is the same.
        func table(_ output: String) -> Substring { output[output.range(of: "\n\n")!.upperBound...] }
        #expect(table(unicode.stdout) == table(original.stdout))
    }
}
