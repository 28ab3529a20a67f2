import Performance
import PlanFiles
import Testing

/// The staleness key of a pushed value: every field compared on its own, the description never.
@Suite("values.yaml source keys")
struct SourceKeyTests {
    static let source = SurveySource(survey: "customer-satisfaction", metric: .percentPositive, block: "b", section: "s",
                                     service: "Mediazione", item: "Q1", year: 2019, unit: "Ufficio A")

    static func entry(key: SourceKey?, description: String = source.description) -> PlanValues.Entry {
        PlanValues.Entry(path: "CS/CS.1", source: description, key: key, numerator: 763, denominator: 828,
                         survey: "customer-satisfaction", waves: ["2019 (857 respondents)"],
                         files: [PlanValues.File(name: "a.csv", sha256: String(repeating: "a", count: 64))], computedAt: "2026-11-29T00:00:00Z")
    }

    @Test("each field that differs is named, and only that one")
    func fieldByField() {
        let key = SourceKey(Self.source, planYear: 2020)
        #expect(key.year == 2019, "a year in the source wins over the plan's")
        #expect(key.differences(from: key).isEmpty)
        let changes: [(String, (inout SurveySource) -> Void)] = [
            ("survey", { $0.survey = "other" }), ("metric", { $0.metric = .meanJudgment }), ("year", { $0.year = 2018 }),
            ("block", { $0.block = nil }), ("section", { $0.section = "t" }), ("service", { $0.service = "Brevetti e Marchi" }),
            ("item", { $0.item = "Q2" }), ("unit", { $0.unit = nil }),
        ]
        for (field, change) in changes {
            var changed = Self.source
            change(&changed)
            #expect(SourceKey(changed, planYear: 2020).differences(from: key) == [field])
            #expect(!Self.entry(key: key).applies(to: changed, planYear: 2020))
        }
        #expect(Self.entry(key: key).applies(to: Self.source, planYear: 2020))
    }

    @Test("a source without a year takes the plan's, so the same value stops applying to next year's plan")
    func planYear() {
        var source = Self.source
        source.year = nil
        let entry = Self.entry(key: SourceKey(source, planYear: 2019))
        #expect(entry.applies(to: source, planYear: 2019))
        #expect(!entry.applies(to: source, planYear: 2020))
    }

    @Test("the description is display only for a keyed entry; an entry without a key is matched by it")
    func description() {
        let key = SourceKey(Self.source, planYear: 2019)
        #expect(Self.entry(key: key, description: "reworded").applies(to: Self.source, planYear: 2019))
        #expect(Self.entry(key: nil).applies(to: Self.source, planYear: 2019))
        #expect(!Self.entry(key: nil, description: "reworded").applies(to: Self.source, planYear: 2019))
        // The same figure from the same files is the same result whatever the description says.
        #expect(Self.entry(key: key, description: "reworded").isSameResult(as: Self.entry(key: key)))
        #expect(Self.entry(key: nil).isUnkeyedCopy(of: Self.entry(key: key)))
        var otherFile = Self.entry(key: key)
        otherFile.files[0].sha256 = String(repeating: "b", count: 64)
        #expect(!otherFile.isSameResult(as: Self.entry(key: key)))
    }
}
