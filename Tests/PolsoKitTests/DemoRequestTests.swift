import Foundation
import PolsoKit
import PolsoTestSupport
import Testing

@Suite("PolsoKit: the demo as a typed call")
struct DemoRequestTests {
    /// The SHA-256 of a checkout file by `sha256sum`, independently of Polso's own hashing.
    static func sha256sum(_ relativePath: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [FacadeTests.repository.appendingPathComponent(relativePath).path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }

    @Test("runs from the embedded samples: six imports of the checkout's exact files, the MEDIA, two plans pushed and reported")
    func stepsInOrder() throws {
        try withTemporaryFolder { folder in
            var steps: [DemoStep] = []
            let outcome = try DemoRequest(folder: folder.path("demo")).run { steps.append($0) }
            let imported = steps.compactMap { step -> (ImportRequest, ImportOutcome)? in
                if case .imported(let request, let outcome) = step { return (request, outcome) }
                return nil
            }
            #expect(imported.map(\.0.year) == [2014, 2015, 2016, 2018, 2019, 2019])
            #expect(imported.prefix(3).map(\.1.summary.respondents) == [118, 131, 124])
            for (request, outcome) in imported {
                let relative = String(request.file.dropFirst(folder.path("demo/").count))
                #expect(request.file == folder.path("demo/\(relative)") && relative.hasPrefix("surveys/"))
                #expect(outcome.summary.sha256 == (try Self.sha256sum(relative)), "\(relative)")
                #expect(outcome.store == folder.path("demo/polso.sqlite"))
            }
            guard steps.count == 11, case .wellbeing(let wellbeing) = steps[6] else {
                Issue.record("expected 6 imports, the wellbeing table, then push and report twice: \(steps.count) steps")
                return
            }
            let block = try #require(wellbeing.document.table.blocks.first { $0.id == "benessere_organizzativo" })
            // The sample generator's exact MEDIA 2015 and 2016 (as FacadeTests.wellbeing).
            #expect(abs((block.values[1].mean ?? 0) - 4.40709) < 1e-5)
            #expect(abs((block.values[2].mean ?? 0) - 4.42159) < 1e-5)
            for (offset, plan) in DemoRequest.plans.enumerated() {
                guard case .pushed(let pushed) = steps[7 + 2 * offset], case .reported(let reported) = steps[8 + 2 * offset] else {
                    Issue.record("step \(7 + 2 * offset) is not the push of \(plan)")
                    continue
                }
                #expect(pushed.planFile.hasPrefix(folder.path("demo/\(plan)")) && pushed.written)
                #expect(reported.files.contains { $0.hasSuffix("report.html") })
            }
            #expect(outcome.reports == DemoRequest.plans.map { folder.path("demo/\($0)/report.html") })
            #expect(outcome.reports.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        }
    }

    @Test("a folder holding other files is refused as an output error, untouched; an empty name is a usage error; an error of the step handler stops the demo")
    func refusals() throws {
        try withTemporaryFolder { folder in
            try FileManager.default.createDirectory(atPath: folder.path("mine"), withIntermediateDirectories: true)
            try Data("precious".utf8).write(to: URL(fileURLWithPath: folder.path("mine/notes.txt")))
            let refused = #expect(throws: PolsoError.self) { try DemoRequest(folder: folder.path("mine")).run { _ in } }
            #expect(refused?.kind == .output)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("mine")) == ["notes.txt"])

            let unnamed = #expect(throws: PolsoError.self) { try DemoRequest(folder: "").run { _ in } }
            #expect(unnamed?.kind == .usage)

            struct Stop: Error {}
            var seen = 0
            #expect(throws: Stop.self) {
                try DemoRequest(folder: folder.path("demo")).run { _ in
                    seen += 1
                    throw Stop()
                }
            }
            #expect(seen == 1)
            #expect(!FileManager.default.fileExists(atPath: folder.path("demo/pistoia-2016")))
        }
    }
}
