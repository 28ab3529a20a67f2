import Foundation
import Testing

/// The committed man pages (`docs/man`, written by `docs/man/generate.sh`) against the command
/// line's own description of itself (`polso --experimental-dump-help`): a command, option or help
/// text added or changed without regenerating the pages fails here.
@Suite("man pages (CLI)")
struct ManualCLITests {
    /// One shown command or argument that its page lacks.
    struct Gap: CustomStringConvertible {
        let page: String
        let missing: String
        var description: String { "\(page) lacks \(missing)" }
    }

    @Test("every command has its page, and every page names each option and shows each help text of its command")
    func pagesAreCurrent() throws {
        let cli = try CLIRunner()
        let dump = try cli.run(["--experimental-dump-help"])
        #expect(dump.status == 0, "\(dump.stderr)")
        let root = try #require(JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let command = try #require(root["command"] as? [String: Any])
        var gaps: [Gap] = []
        var pages = 0
        try Self.check(command, path: ["polso"], gaps: &gaps, pages: &pages)
        #expect(gaps.isEmpty, "the man pages are stale: run docs/man/generate.sh\n\(gaps.map(\.description).joined(separator: "\n"))")
        let committed = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".1") }
        #expect(committed.count == pages, "docs/man holds \(committed.count) pages for \(pages) commands: run docs/man/generate.sh")
    }

    @Test("the check notices an option the page lacks")
    func checkFindsGaps() throws {
        let command: [String: Any] = [
            "commandName": "polso",
            "arguments": [["kind": "option", "names": [["kind": "long", "name": "no-such-option"]], "abstract": "Invented."]],
        ]
        var gaps: [Gap] = []
        var pages = 0
        try Self.check(command, path: ["polso"], gaps: &gaps, pages: &pages)
        #expect(gaps.map(\.missing) == ["Fl -no-such-option", "help text 'Invented.'"])
    }

    @Test("a page that lost a non-ASCII character of its help text is stale; the groff escape counts as the character")
    func nonASCIICharactersAreKept() {
        let help = "A Δ is marked ▲ ▼ only when… (perché)"
        #expect(Self.manualText(help) == #"A \[u0394] is marked \[u25B2] \[u25BC] only when\[u2026] (perch\[u00E9])"#)
        #expect(!"A  is marked   only when (perch)".contains(Self.manualText(help)))
    }

    /// `text` as the pages spell it: every non-ASCII character as groff's `\[uXXXX]` escape
    /// (docs/man/unicode.py puts back what swift-argument-parser's generator drops).
    static func manualText(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            guard !scalar.isASCII else { return String(scalar) }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
        }.joined()
    }

    static let folder = CLIRunner.repository.appendingPathComponent("docs/man")

    /// Records in `gaps` what the page of `command` (and, recursively, of its subcommands) lacks.
    private static func check(_ command: [String: Any], path: [String], gaps: inout [Gap], pages: inout Int) throws {
        let name = path.joined(separator: ".") + ".1"
        pages += 1
        guard let page = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else {
            gaps.append(Gap(page: name, missing: "its file"))
            return
        }
        var wanted: [(token: String, what: String)] = []
        if let abstract = command["abstract"] as? String { wanted.append((abstract, "the abstract")) }
        for line in (command["discussion"] as? String ?? "").split(separator: "\n") where !line.isEmpty {
            wanted.append((String(line), "discussion text '\(line)'"))
        }
        for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool ?? true {
            for argumentName in argument["names"] as? [[String: String]] ?? [] {
                let flag = "Fl " + (argumentName["kind"] == "long" ? "-" : "") + (argumentName["name"] ?? "")
                wanted.append((flag, flag))
            }
            if argument["kind"] as? String == "positional", let value = argument["valueName"] as? String {
                wanted.append(("Ar " + value, "Ar " + value))
            }
            if let help = argument["abstract"] as? String { wanted.append((help, "help text '\(help)'")) }
        }
        for (token, what) in wanted where !page.contains(manualText(token)) {
            gaps.append(Gap(page: name, missing: what))
        }
        for subcommand in command["subcommands"] as? [[String: Any]] ?? [] {
            try check(subcommand, path: path + [subcommand["commandName"] as? String ?? "?"], gaps: &gaps, pages: &pages)
        }
    }
}
