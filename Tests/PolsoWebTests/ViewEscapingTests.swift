import Foundation
import Performance
import PolsoKit
import PolsoTestSupport
import PolsoWeb
import Reports
import Testing

/// Every value a page shows comes from outside (users, body names, codebook texts, file names, plan
/// texts): each is tried with XSS payloads, and the page must show it as text, never as markup.
@Suite("PolsoWeb: every interpolated field is escaped")
struct ViewEscapingTests {
    /// The page parses as XML, holds no script, no `on…` attribute, no address outside the site,
    /// and shows `payload` verbatim as text.
    static func expectInert(_ html: String, showing payload: String?, _ comment: Comment? = nil,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let page = try PageInspector(html)
        #expect(page.all("script").isEmpty && page.all("img").isEmpty && page.all("b").isEmpty, comment, sourceLocation: sourceLocation)
        for attribute in page.attributes {
            #expect(!attribute.name.lowercased().hasPrefix("on"), "\(attribute)", sourceLocation: sourceLocation)
            #expect(attribute.name != "style", "inline style forbidden by the CSP: \(attribute)", sourceLocation: sourceLocation)
            if attribute.name == "href" || attribute.name == "action" || attribute.name == "src" {
                let value = attribute.value
                #expect(value.hasPrefix("/") || value.hasPrefix("?") || value.hasPrefix("#"), "address \(value)", sourceLocation: sourceLocation)
                #expect(!value.lowercased().contains("javascript:"), "address \(value)", sourceLocation: sourceLocation)
            }
        }
        if let payload { #expect(page.text.contains(payload), "the payload is shown as text", sourceLocation: sourceLocation) }
    }

    @Test("user, body name and body code in the frame of every page", arguments: WebFixture.payloads)
    func frame(payload: String) throws {
        let context = WebFixture.context(user: payload, body: payload, name: payload)
        for html in [ImportPage.render(surveys: [payload], year: 2016, context: context),
                     PlansPage.render([PlanStatus(id: payload, problem: payload)], context: context),
                     ErrorPage.render(message: payload, context: context),
                     ImportPreviewPage.refused(message: payload, draftMapping: "/b/x/import/draft", context: context),
                     EmptyPage.render(message: payload, context: context)] {
            try Self.expectInert(html, showing: payload)
            // The body code reaches addresses percent-encoded: one path segment, no scheme.
            let page = try PageInspector(html)
            for link in page.all("a") where link.attributes["href"]?.hasPrefix("/b/") == true {
                let segment = link.attributes["href"]!.dropFirst(3).split(separator: "/", omittingEmptySubsequences: false).first ?? ""
                #expect(segment == Substring(payload.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                        || !segment.contains(where: { "<>\"' :".contains($0) }))
            }
        }
    }

    @Test("codebook texts (block and section titles, instrument) and file names on the wellbeing and home pages",
          arguments: WebFixture.payloads)
    func surveyTexts(payload: String) throws {
        try withTemporaryFolder { folder in
            let safeName = payload.replacingOccurrences(of: "/", with: "∕") + ".csv"
            let store = try StoreAccess.open(try WebFixture.store(in: folder, years: [2016], names: [2016: safeName]))
            var result = try WellbeingRequest().run(store: store)
            result.document.instrument = payload
            result.document.table.blocks[0].title = payload
            result.document.table.blocks[0].sections[0].title = payload
            let context = WebFixture.context()
            try Self.expectInert(WellbeingPage.render(result, detail: nil, dimensions: [(payload, payload)], context: context), showing: payload)
            for view in WellbeingDetailTables.View.allCases {
                // The importance view names sections only by their code and title within the importance block.
                try Self.expectInert(WellbeingPage.render(result, detail: view, dimensions: [], context: context),
                                     showing: view == .importance ? nil : payload)
            }
            let waves = try WaveCatalog(store: store).list()
            #expect(waves.contains { $0.imports.contains { $0.fileName.hasSuffix("/" + safeName) } })
            try Self.expectInert(HomePage.render(HomeSummary(waves: waves, wellbeing: [result]), context: context), showing: safeName)
            try Self.expectInert(HomePage.render(HomeSummary(waves: waves, wellbeing: [result]), context: context), showing: payload)
        }
    }

    @Test("plan texts (body, names, codes) on the plan, node and list pages", arguments: WebFixture.payloads)
    func planTexts(payload: String) throws {
        try withTemporaryFolder { folder in
            let yaml = payload.replacingOccurrences(of: "'", with: "''")
            let plan = try WebFixture.plan(in: folder) { text in
                text.replacingOccurrences(of: "body: Camera di Commercio di Pistoia", with: "body: '\(yaml)'")
                    .replacingOccurrences(of: "  - code: A1\n", with: "  - code: A1\n    name: '\(yaml)'\n")
            }
            let (scored, report) = try PlanOperations.check(plan: plan)
            #expect(scored.plan.body == payload)
            let context = WebFixture.context()
            try Self.expectInert(PlanPage.render(id: payload, scored: scored, findings: report.findings, context: context), showing: payload)
            try Self.expectInert(PlansPage.render([PlanStatus(id: "p", scored: scored, findings: report.findings)], context: context), showing: payload)
            let node = try PlanOperations.explain(plan: plan, node: "A1")
            try Self.expectInert(NodePage.render(id: "p", scored: node.scored, node: node.node, findings: node.findings, context: context), showing: payload)
        }
    }
}
