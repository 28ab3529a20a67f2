import Foundation
import Performance
import PlanFiles
import Testing

/// Export → import gives the same plan: for every bundled plan, the complete example of
/// docs/plans.md and a fixture that uses every key of the layout, through `.xlsx` and CSV.
@Suite("Plans as spreadsheets: export then import gives the same plan")
struct PlanSpreadsheetRoundTripTests {
    static func sources(in folder: URL) throws -> [String] {
        PlanSheetFixtures.bundledPlans.map(PlanSheetFixtures.path)
            + [try PlanSheetFixtures.docsExample(in: folder), PlanSheetFixtures.fixture("every-feature.yaml")]
    }

    @Test("YAML → xlsx → YAML and YAML → CSV → YAML give the same plan model", arguments: ["xlsx", "csv"])
    func samePlan(format: String) throws {
        let folder = try PlanSheetFixtures.folder()
        for (index, source) in try Self.sources(in: folder).enumerated() {
            let sheet = folder.appendingPathComponent("plan\(index).\(format)").path
            let written = try PlanSpreadsheet.export(plan: source, to: sheet, italianHeaders: index % 2 == 0)
            #expect(written.count == (format == "csv" ? 2 : 1))
            let original = try PlanSheetFixtures.plan(source)
            let (back, yaml) = try PlanSheetFixtures.imported(sheet, into: folder, as: "back\(index).yaml")
            #expect(back == original, "\(source) through \(format)")
            // The written YAML is stable: exported and imported again, it comes back identical.
            let again = folder.appendingPathComponent("again\(index).\(format)").path
            try PlanSpreadsheet.export(plan: folder.appendingPathComponent("back\(index).yaml").path, to: again, italianHeaders: index % 2 == 0)
            let yamlAgain = try PlanSpreadsheet.importPlan(from: again)
            #expect(yamlAgain.split(separator: "\n").dropFirst() == yaml.split(separator: "\n").dropFirst(), "\(source): YAML stable")
        }
    }

    @Test("the every-feature fixture keeps its texts: repeated codes, refs, node feeds, survey sources, rules, accept")
    func everyFeature() throws {
        let folder = try PlanSheetFixtures.folder()
        let sheet = folder.appendingPathComponent("every.xlsx").path
        try PlanSpreadsheet.export(plan: PlanSheetFixtures.fixture("every-feature.yaml"), to: sheet)
        let (plan, yaml) = try PlanSheetFixtures.imported(sheet, into: folder)
        #expect(yaml.contains("\n            value_from:\n              - A1/SH1\n              - A1/S1/O1\n"))
        #expect(yaml.contains("\n    note: \"nota su due righe\\nseconda riga\"\n"))
        #expect(yaml.contains("\n    name: \"=SOMMA(A1:A3) is text, not a formula\"\n"))
        #expect(yaml.contains("\n      - ref: SH1\n        weight: 40\n        note: contesto organizzativo\n"))
        #expect(yaml.contains("\n            weight: unknown\n            assumed_weight: 25\n"))
        #expect(plan.accepted.count == 1)
        #expect(plan.profile.bandScales["semaforo"]?.bands.count == 3)
        let s1 = plan.root.children[0].children[1]
        #expect(s1.segments.indicators == ["K1", "K1#2", "K2", "K3", "K4"])
        #expect(s1.indicators[0].target == .number(PrintedNumber(units: 12345, decimals: 1, text: "1,234.5")))
    }

    @Test("the YAML writer quotes only where YAML needs it, and reads back the same tree")
    func yamlWriter() throws {
        let folder = try PlanSheetFixtures.folder()
        for source in try Self.sources(in: folder) {
            let sheet = folder.appendingPathComponent("w.csv").path
            try PlanSpreadsheet.export(plan: source, to: sheet)
            let yaml = try PlanSpreadsheet.importPlan(from: sheet)
            for line in yaml.split(separator: "\n") where line.contains("comparator:") {
                #expect(line.hasSuffix("\"") || line.hasSuffix("by-date") || line.hasSuffix("yes-no") || line.hasSuffix("≥") || line.hasSuffix("≤"),
                        "\(line): comparators are quoted, as in docs/plans.md")
            }
            #expect(!yaml.contains("\"33,34\""), "numbers with a decimal comma stay plain, as people write them")
            // YAML → tree → YAML is stable.
            let body = String(yaml.split(separator: "\n", maxSplits: 1)[1])
            #expect(try YAMLTree.parse(body, file: "w.yaml").yaml == body)
        }
    }
}
