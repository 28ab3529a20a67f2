import Foundation
import Testing
@testable import Surveys

@Suite("built-in codebooks")
struct BuiltInCodebookTests {
    static let surveys = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("surveys")

    @Test("the binary embeds every surveys/*/codebook.yaml exactly (run surveys/embed.py after editing one)")
    func embeddedTextsAreCurrent() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.surveys.path).filter {
            FileManager.default.fileExists(atPath: Self.surveys.appendingPathComponent("\($0)/codebook.yaml").path)
        }
        #expect(Set(names) == Set(BuiltInCodebooks.texts.keys), "run python3 surveys/embed.py")
        for name in names {
            let file = try String(contentsOf: Self.surveys.appendingPathComponent("\(name)/codebook.yaml"), encoding: .utf8)
            let embedded = BuiltInCodebooks.texts[name].map { $0 + "\n" }
            #expect(embedded == file, "surveys/\(name)/codebook.yaml differs from the embedded copy: run python3 surveys/embed.py")
        }
    }

    @Test("an unknown name is an error that lists the built-in codebooks")
    func unknownName() throws {
        #expect {
            try CodebookLocator.load("no-such-survey", environment: [:])
        } throws: { error in
            (error as? CodebookLookupError)?.message.contains("the built-in ones are anac-2013, customer-satisfaction") == true
        }
    }
}
