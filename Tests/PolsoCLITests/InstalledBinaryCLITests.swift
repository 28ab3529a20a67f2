import Foundation
import Testing

@Suite("polso copied or installed out of the checkout")
struct InstalledBinaryCLITests {
    /// A temporary folder holding `bin/polso` (the built binary, copied alone) and an empty `work/`.
    struct Installation {
        let root: URL
        let bin: URL
        let work: URL
        var executable: URL { bin.appendingPathComponent("polso") }

        init(copying: Bool = true) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("polso-installed-\(UUID().uuidString)")
            bin = root.appendingPathComponent("bin")
            work = root.appendingPathComponent("work")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            if copying {
                try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: CLIRunner.executable, to: executable)
            }
        }

        /// Runs `executable` in `folder` with `HOME` and every `POLSO_*` variable removed.
        func run(_ arguments: [String], in folder: URL? = nil, executable: URL? = nil) throws -> CLIRunner.Result {
            let process = CLIRunner.process(arguments, in: folder ?? work, executable: executable ?? self.executable)
            process.environment = process.environment?.filter { $0.key != "HOME" && !$0.key.hasPrefix("POLSO_") }
            return try CLIRunner.collect(process)
        }

        /// Every file under the root, as paths relative to it.
        func files() -> Set<String> {
            let prefix = root.resolvingSymlinksInPath().path + "/"
            var found = Set<String>()
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
            while let url = walker?.nextObject() as? URL {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
                found.insert(url.resolvingSymlinksInPath().path.replacingOccurrences(of: prefix, with: ""))
            }
            return found
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// An ANAC 2013 export in LimeSurvey's code headings (A01…P04, Q01…Q09, R01…R05), CRLF,
    /// invented answers: respondent r answers (r + item) mod 6 + 1.
    static func anacExport(respondents: Int) -> String {
        let sections: [(String, Int)] = [("A", 9), ("B", 9), ("C", 5), ("D", 5), ("E", 5), ("F", 5), ("G", 5), ("H", 5), ("I", 3),
                                         ("Q", 9), ("L", 4), ("M", 4), ("N", 5), ("O", 5), ("P", 4)]
        let codes = sections.flatMap { section, count in (1...count).map { section + String(format: "%02d", $0) } }
        let demographics = ["R01", "R02", "R03", "R04", "R05"]
        var lines = [(["id"] + codes + demographics).joined(separator: ",")]
        for respondent in 1...respondents {
            let answers = codes.indices.map { String((respondent + $0) % 6 + 1) }
            let profile = [respondent % 2 == 0 ? "Donna" : "Uomo", "A tempo indeterminato", "Dai 41 ai 50 anni", "Oltre i 20 anni", "Non dirigente"]
            lines.append(([String(respondent)] + answers + profile).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    @Test("the binary alone in an empty folder, HOME and POLSO_* cleared: survey list, import and demo work and write only where they say")
    func binaryAlone() throws {
        let installation = try Installation()
        defer { installation.remove() }
        // No surveys/ in any folder above the binary: only what is built in can be found.
        var above = installation.bin
        while above.path != "/" {
            above.deleteLastPathComponent()
            #expect(!FileManager.default.fileExists(atPath: above.appendingPathComponent("surveys").path), "\(above.path)/surveys")
        }

        let list = try installation.run(["survey", "list"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("built-in anac-2013"))
        #expect(list.stdout.contains("built-in customer-satisfaction"))
        #expect(installation.files() == ["bin/polso"])

        try Data(Self.anacExport(respondents: 7).utf8).write(to: installation.work.appendingPathComponent("export.csv"))
        let imported = try installation.run(["import", "export.csv", "--survey", "anac-2013", "--year", "2024"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("respondents:  7\n"), "\(imported.stdout)")
        #expect(imported.stdout.contains("polso.sqlite"))
        #expect(installation.files() == ["bin/polso", "work/export.csv", "work/polso.sqlite"])

        let demo = try installation.run(["demo"])
        #expect(demo.status == 0, "\(demo.stderr)")
        // The Pistoia MEDIA rows (DOMAIN.md §2) and the Ravenna pooled % positive 763 / 828.
        #expect(demo.stdout.contains("4,38  4,41  +0,03  4,42  +0,01"))
        #expect(demo.stdout.contains("763 / 828 = 92,149758"))
        #expect(demo.stdout.contains("The demo is in polso-demo: open polso-demo/pistoia-2016/report.html and polso-demo/ravenna-2019/report.html"))
        let outside = installation.files().filter { !$0.hasPrefix("work/polso-demo/") }
        #expect(outside == ["bin/polso", "work/export.csv", "work/polso.sqlite"])
        let demoFiles = installation.files().filter { $0.hasPrefix("work/polso-demo/") }
        for expected in ["work/polso-demo/polso.sqlite", "work/polso-demo/surveys/anac-2013/samples/limesurvey-2016.csv",
                         "work/polso-demo/pistoia-2016/report.html", "work/polso-demo/ravenna-2019/values.yaml"] {
            #expect(demoFiles.contains(expected), "\(expected)")
        }
    }

    @Test("a codebook found nowhere: the message lists each folder looked in once and says how to fix it")
    func codebookNotFound() throws {
        let installation = try Installation()
        defer { installation.remove() }
        try Data(Self.anacExport(respondents: 2).utf8).write(to: installation.work.appendingPathComponent("export.csv"))
        let result = try installation.run(["import", "export.csv", "--survey", "staff-2030", "--year", "2024"])
        #expect(result.status == 1)
        let message = result.stderr
        #expect(message.contains("no codebook named 'staff-2030': the built-in ones are anac-2013, customer-satisfaction"))
        #expect(message.contains("set POLSO_SURVEYS to the folder that holds staff-2030/codebook.yaml"))
        // The folders between "none of " and " holds": the working folder's surveys/, then those above the binary.
        let listed = try #require(message.range(of: "none of ").flatMap { start in
            message.range(of: " holds staff-2030", range: start.upperBound..<message.endIndex).map { message[start.upperBound..<$0.lowerBound] }
        })
        let folders = listed.components(separatedBy: ", ")
        #expect(folders.count == Set(folders).count, "\(folders)")
        #expect(folders.first == installation.work.appendingPathComponent("surveys").path)
        #expect(folders.contains(installation.bin.appendingPathComponent("surveys").path))
        #expect(folders.contains("/surveys"))
        #expect(installation.files() == ["bin/polso", "work/export.csv"])
    }

    @Test("docs/install.sh installs the binary, man pages and completions under a PREFIX; the installed polso runs from another folder")
    func installScript() throws {
        let installation = try Installation(copying: false)
        defer { installation.remove() }
        let prefix = installation.root.appendingPathComponent("prefix")
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/bin/sh")
        script.arguments = [CLIRunner.sample("docs/install.sh"), "--binary", CLIRunner.executable.path, prefix.path]
        script.currentDirectoryURL = installation.work
        let installed = try CLIRunner.collect(script)
        #expect(installed.status == 0, "\(installed.stderr)")

        let pages = try FileManager.default.contentsOfDirectory(atPath: CLIRunner.sample("docs/man")).filter { $0.hasSuffix(".1") }
        #expect(pages.count > 20)
        var expected: Set<String> = ["prefix/bin/polso", "prefix/share/bash-completion/completions/polso",
                                     "prefix/share/zsh/site-functions/_polso", "prefix/share/fish/vendor_completions.d/polso.fish"]
        expected.formUnion(pages.map { "prefix/share/man/man1/\($0)" })
        #expect(installation.files() == expected)
        #expect(Set(installed.stdout.split(separator: "\n").map { String($0) }) == Set(expected.map { installation.root.path + "/" + $0 }))
        for page in pages {
            let copy = try Data(contentsOf: prefix.appendingPathComponent("share/man/man1/\(page)"))
            #expect(copy == (try Data(contentsOf: URL(fileURLWithPath: CLIRunner.sample("docs/man/\(page)")))), "\(page)")
        }
        let bash = try String(contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/polso"), encoding: .utf8)
        #expect(bash.contains("complete") && bash.contains("demo") && bash.contains("--survey"))
        let syntax = Process()
        syntax.executableURL = URL(fileURLWithPath: "/bin/bash")
        syntax.arguments = ["-n", prefix.appendingPathComponent("share/bash-completion/completions/polso").path]
        let checked = try CLIRunner.collect(syntax)
        #expect(checked.status == 0, "\(checked.stderr)")
        let zsh = try String(contentsOf: prefix.appendingPathComponent("share/zsh/site-functions/_polso"), encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef polso"))
        let fish = try String(contentsOf: prefix.appendingPathComponent("share/fish/vendor_completions.d/polso.fish"), encoding: .utf8)
        #expect(fish.contains("complete -c 'polso'"))

        let binary = prefix.appendingPathComponent("bin/polso")
        let list = try installation.run(["survey", "list"], executable: binary)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("built-in anac-2013"))
        let demo = try installation.run(["demo", "--out", "tour"], executable: binary)
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("4,38  4,41  +0,03  4,42  +0,01"))
        #expect(installation.files().subtracting(expected).allSatisfy { $0.hasPrefix("work/tour/") })
    }
}
