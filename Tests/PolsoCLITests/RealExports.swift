import Foundation

/// The shared real exports beside the repository (`../shared/real-exports`), read by path.
enum RealExports {
    static let root = CLIRunner.repository.deletingLastPathComponent().appendingPathComponent("shared/real-exports")

    static func file(_ name: String) -> String { root.appendingPathComponent("files/\(name)").path }

    static func codebook(_ name: String) -> String { root.appendingPathComponent("codebooks/\(name)").path }

    /// A Qualtrics 2016 export written into `cli`'s folder with only its first header row and its
    /// respondents' records (those starting with a ResponseID, `R_…`): recognising the two extra
    /// header rows is the format detection's job, so tests of answers do not depend on it.
    static func answersOnly(_ name: String, in cli: CLIRunner) throws -> String {
        let text = try String(contentsOfFile: file(name), encoding: .utf8)
        // LF line ends, no line break inside the respondents' records.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.indices.dropFirst().first(where: { lines[$0].hasPrefix("R_") }) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return try cli.write(name, ([lines[0]] + lines[first...]).joined(separator: "\n"))
    }
}
