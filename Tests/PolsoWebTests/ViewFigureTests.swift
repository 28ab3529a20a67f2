import Foundation
import PolsoKit
import PolsoTestSupport
import PolsoWeb
import Reports
import Testing

/// The figures on the pages are the CLI's: rendered, read back from the markup, and compared with
/// the JSON document (`polso wellbeing --format json`) of the same store, rounded half-up here.
@Suite("PolsoWeb: figures equal the JSON's, in Italian and English")
struct ViewFigureTests {
    @Test("wellbeing page: every section mean and MEDIA of every year equals the JSON's, half-up", arguments: DisplayLocale.allCases)
    func wellbeingTable(locale: DisplayLocale) throws {
        try withTemporaryFolder { folder in
            let store = try StoreAccess.open(try WebFixture.store(in: folder))
            let result = try WellbeingRequest().run(store: store)
            let json = try JSONSerialization.jsonObject(with: Data(try result.rendered(detail: nil, locale: locale).render(.json).utf8)) as! [String: Any]
            let table = json["table"] as! [String: Any]
            let years = table["years"] as! [Int]
            let page = try PageInspector(WellbeingPage.render(result, detail: nil, dimensions: [], context: WebFixture.context(locale)))
            let separator: Character = locale == .italian ? "," : "."
            var compared = 0
            for block in table["blocks"] as! [[String: Any]] where block["inSynthesis"] as? Bool == true {
                let rows = page.rows(ofTableCaptioned: block["title"] as! String)
                #expect(rows.first?.contains(String(years[0])) == true)
                for section in block["sections"] as! [[String: Any]] {
                    let label = "\(section["code"] as! String) \(section["title"] as! String)"
                    let row = try #require(rows.first { $0.first == label }, "row \(label)")
                    let means = (section["values"] as! [[String: Any]]).map { $0["mean"] as! Double }
                    // Columns: label, year 1, year 2, Δ.
                    #expect(row[1] == WebFixture.halfUp(means[0], separator: separator))
                    #expect(row[2] == WebFixture.halfUp(means[1], separator: separator))
                    compared += 2
                }
                let media = try #require(rows.first { $0.first == (locale == .italian ? "MEDIA" : "MEAN") })
                let means = (block["values"] as! [[String: Any]]).map { $0["mean"] as! Double }
                #expect(media[1] == WebFixture.halfUp(means[0], separator: separator))
                #expect(media[2] == WebFixture.halfUp(means[1], separator: separator))
            }
            #expect(compared >= 18)
            // The generator's exact MEDIA of Benessere organizzativo (surveys/anac-2013/samples): 4,40709 and 4,42159.
            let benessere = page.rows(ofTableCaptioned: (table["blocks"] as! [[String: Any]])[0]["title"] as! String)
            #expect(benessere.first { $0.first == (locale == .italian ? "MEDIA" : "MEAN") }?[1...2] == (locale == .italian ? ["4,41", "4,42"] : ["4.41", "4.42"]))
        }
    }

    @Test("breakdown page: the not-stated group under 5 reads <5, the men hidden only to protect it n.d. / withheld, with both notes",
          arguments: DisplayLocale.allCases)
    func breakdownMarks(locale: DisplayLocale) throws {
        try withTemporaryFolder { folder in
            let store = try StoreAccess.open(try WebFixture.store(in: folder))
            var request = WellbeingRequest()
            request.groupedBy = "gender"
            let result = try request.run(store: store)
            let page = try PageInspector(WellbeingPage.render(result, detail: nil, dimensions: [], context: WebFixture.context(locale)))
            let caption = result.document.table.blocks[0].title + " — 2015 — gender"
            let respondents = try #require(page.rows(ofTableCaptioned: caption).first { $0.first == (locale == .italian ? "Rispondenti" : "Respondents") })
            let complementary = locale == .italian ? "n.d." : "withheld"
            // The samples' 2015 respondents by gender: women shown, men hidden with the few who did not say.
            #expect(Array(respondents.suffix(2)) == [complementary, "<5"])
            let notes = page.all("p").filter { $0.attributes["class"] == "note" }.map(\.text)
            #expect(notes.contains { $0.hasPrefix("<5: ") } && notes.contains { $0.hasPrefix(complementary + ": ") })
        }
    }

    @Test("home page: the latest MEDIA per block, the waves and their files; Italian by default, English on request")
    func home() throws {
        try withTemporaryFolder { folder in
            let store = try StoreAccess.open(try WebFixture.store(in: folder))
            let result = try WellbeingRequest().run(store: store)
            let summary = HomeSummary(waves: try WaveCatalog(store: store).list(), wellbeing: [result])
            let italian = try PageInspector(HomePage.render(summary, context: WebFixture.context(.italian)))
            let english = try PageInspector(HomePage.render(summary, context: WebFixture.context(.english)))
            #expect(italian.all("html").first?.attributes["lang"] == "it" && english.all("html").first?.attributes["lang"] == "en")
            #expect(italian.all("h1").first?.text == "Sintesi" && english.all("h1").first?.text == "Overview")
            let figures = italian.all("dd").filter { $0.attributes["data-figure"] == "wellbeing" }.map(\.text)
            #expect(figures.first == "4,42")
            #expect(english.all("dd").first { $0.attributes["data-figure"] == "wellbeing" }?.text == "4.42")
            #expect(italian.text.contains("limesurvey-2015.csv") && italian.text.contains("limesurvey-2016.csv"))
        }
    }

    @Test("plan page: achievements as `polso plan score` computes them; the reader gets no push form")
    func plan() throws {
        try withTemporaryFolder { folder in
            let plan = try WebFixture.plan(in: folder)
            let (scored, report) = try PlanOperations.check(plan: plan)
            let analyst = try PageInspector(PlanPage.render(id: "pistoia-2016", scored: scored, findings: report.findings, context: WebFixture.context()))
            let rows = analyst.all("tr").filter { $0.attributes["data-path"] != nil }
            let a1 = try #require(rows.first { $0.attributes["data-path"] == "A1" })
            // DOMAIN.md: A1 = 50 % × 80 + 50 % × 100 = 90 %; A3 = 93,25 → 93 %.
            #expect(a1.text.contains("90 %"))
            #expect(rows.first { $0.attributes["data-path"] == "A3" }?.text.contains("93 %") == true)
            #expect(analyst.all("form").contains { $0.attributes["action"] == "/b/pt/plans/pistoia-2016/push" })
            let reader = try PageInspector(PlanPage.render(id: "pistoia-2016", scored: scored, findings: report.findings,
                                                           context: WebFixture.context(role: .reader)))
            #expect(!reader.all("form").contains { $0.attributes["action"]?.hasSuffix("/push") == true })
            #expect(reader.all("a").contains { $0.attributes["href"] == "/b/pt/plans/pistoia-2016/report.html" })
        }
    }

    @Test("every form that changes data carries the CSRF token; the page has a skip link to main and labelled controls")
    func formsAndKeyboard() throws {
        let context = WebFixture.context()
        let page = try PageInspector(ImportPage.render(surveys: ["anac-2013"], year: 2016, context: context))
        let posts = page.all("form").filter { $0.attributes["method"] == "post" }
        let tokens = page.all("input").filter { $0.attributes["name"] == "csrf" && $0.attributes["value"] == "token-123" }
        #expect(posts.count == 2 && tokens.count == posts.count, "the import form and the log-out form")
        #expect(page.all("a").first?.attributes["href"] == "#main")
        #expect(page.all("main").first?.attributes["id"] == "main")
        let labelled = Set(page.all("label").compactMap { $0.attributes["for"] })
        for control in page.all("input") + page.all("select") where control.attributes["type"] != "hidden" && control.attributes["type"] != "radio" {
            #expect(labelled.contains(control.attributes["id"] ?? "?"), "control \(control.attributes)")
        }
        #expect(page.all("link").first?.attributes["href"] == Stylesheet.path)
    }
}
