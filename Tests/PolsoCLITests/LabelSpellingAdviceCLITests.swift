import Foundation
import Testing

@Suite("Free spellings of labels: the advice points at synonyms")
struct LabelSpellingAdviceCLITests {
    static let codebook = """
        instrument: yes-no
        version: "1"
        title: "Yes or no"
        scale:
          labels: ["No", "Yes"]
          positive_from: 2
        blocks:
          - id: b
            title: "B"
            sections:
              - code: S
                title: "S"
                items:
                  - {code: Q1, text: "Is a hotdog a sandwich?"}

        """

    @Test("words that are no label are named with their counts, and the advice shows where synonyms go; following it imports the file")
    func adviceAndFix() throws {
        let cli = try CLIRunner()
        let export = try cli.write("export.csv", "Q1\r\nYes\r\nYesss\r\nNope\r\nY\r\nNo\r\nNope\r\n")
        let codebook = try cli.write("yes-no.yaml", Self.codebook)
        let refused = try cli.run(["import", export, "--survey", codebook, "--year", "2025", "--dry-run"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Most rejected answers (4 of 4) are words that are no label of the scale of Q1: \"Nope\" ×2, \"Y\" ×1, \"Yesss\" ×1."))
        #expect(refused.stderr.contains("  scale:\n    min: 1\n    max: 2\n    labels:\n      1: [\"No\", …other spellings]\n      2: [\"Yes\", …other spellings]"))
        #expect(!refused.stderr.contains("--skip-invalid-rows"))

        _ = try cli.write("yes-no.yaml", Self.codebook.replacingOccurrences(
            of: "  labels: [\"No\", \"Yes\"]\n", with: "  min: 1\n  max: 2\n  labels: {1: [\"No\", \"Nope\"], 2: [\"Yes\", \"Yesss\", \"Y\"]}\n"))
        let fixed = try cli.run(["import", export, "--survey", codebook, "--year", "2025", "--dry-run"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("respondents:  6"))
    }
}
