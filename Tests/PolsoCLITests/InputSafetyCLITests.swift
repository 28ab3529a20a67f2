import Foundation
import Testing

@Suite("No input traps the process")
struct InputSafetyCLITests {
    @Test("answer codes beyond every integer (A9223372036854775807, AO…, A18446744073709551616) are invalid answers at their cells")
    func hugeAnswerCodes() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("codebook.yaml", WaveFixtures.codebook)
        let export = try cli.write("limesurvey.csv", WaveFixtures.limeSurvey([
            ("1", "2024-03-01 10:00:00", "A3", "A4"),
            ("2", "2024-03-01 10:00:00", "A9223372036854775807", "AO9223372036854775807"),
            ("3", "2024-03-01 10:00:00", "A2", "A18446744073709551616"),
            ("4", "2024-03-01 10:00:00", "A-9223372036854775808", "A6"),
        ]))
        let result = try cli.run(["import", export, "--survey", codebook, "--year", "2024"])
        #expect(result.status == 1)
        #expect(result.stderr == """
            \(export): not imported: 5 problems; nothing was stored.
              \(export):3:5: column "A01": value "A9223372036854775807" is not an answer: expected a number 1–5, or an empty cell for no answer
              \(export):3:6: column "A02": value "AO9223372036854775807" is not an answer: expected a number 1–5, or an empty cell for no answer
              \(export):4:6: column "A02": value "A18446744073709551616" is not an answer: expected a number 1–5, or an empty cell for no answer
              \(export):5:5: column "A01": value "A-9223372036854775808" is not an answer: expected a number 1–5, or an empty cell for no answer
              \(export):5:6: column "A02": value "A6" is not an answer: expected a number 1–5, or an empty cell for no answer
            Fix the file, or import the valid rows with --skip-invalid-rows (the others go to a rejects file).

            """)
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("polso.sqlite").path))
    }
}
