import Foundation
import Testing

/// Every layout fixture (`Tests/Fixtures/layouts`, one per tool and layout) drafted, then imported
/// with its unedited draft, stores what an independent reading of the file finds.
@Suite("codebook draft round trip on every layout fixture")
struct LayoutDraftCLITests {
    static let layouts = CLIRunner.repository.appendingPathComponent("Tests/Fixtures/layouts")

    @Test("draft → import → read back", arguments: [
        ("excel-it-1252", 1, nil), ("googleforms-es", 1, nil), ("kobo-hxl", 2, nil), ("limesurvey-codetext-it", 1, nil),
        ("limesurvey-fulltext-it", 1, nil), ("limesurvey-rdata", 1, nil), ("msforms-it-1252", 1, nil), ("odk-briefcase", 1, nil),
        ("odk-central", 1, nil), ("qualtrics-2016-it", 3, nil), ("qualtrics-current-de", 3, nil), ("qualtrics-legacy-it", 2, nil),
        ("surveymonkey-it", 2, "surveymonkey"),
    ] as [(String, Int, String?)])
    func roundTrip(name: String, headerRows: Int, layout: String?) throws {
        let file = Self.layouts.appendingPathComponent("\(name).csv").path
        try CodebookDraftCLITests().roundTrip(file, year: "2024", headerRows: headerRows, layout: layout,
                                              extra: ["--accept-dates-outside-year"], in: CLIRunner())
    }

    @Test("LimeSurvey abbreviated headings with bare answer codes: the draft says there is no scale to infer")
    func abbreviatedCodesOnly() throws {
        // A1…An alone name the points of a scale or the options of a list alike; without a text
        // the draft cannot tell which, and says so instead of guessing.
        let cli = try CLIRunner()
        let result = try cli.run(["codebook", "draft", Self.layouts.appendingPathComponent("limesurvey-abbreviated-it.csv").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no column holds answers on a scale"))
    }
}
