import PolsoTestSupport
import PolsoYAML
@testable import Surveys
import Testing

@Suite("Customer-satisfaction codebooks and imports")
struct SatisfactionCodebookTests {
    static let codebook = satisfactionCodebook

    /// The codebook's YAML with `old` replaced by `new`; the error decoding it.
    static func error(replacing old: String, with new: String) -> YAMLFileError? {
        #expect(satisfactionCodebookYAML.contains(old))
        return #expect(throws: YAMLFileError.self) {
            _ = try Codebook.decode(yaml: satisfactionCodebookYAML.replacingOccurrences(of: old, with: new), file: "cs.yaml")
        }
    }

    static func parse(_ text: String, item code: String) -> UInt8? {
        let index = codebook.itemIndex(code: code)!
        let parser = AnswerParser(scale: codebook.scale(ofItem: index), special: codebook.specialAnswers(ofItem: index))
        return Array(text.utf8).withUnsafeBytes { parser.parse($0) }
    }

    @Test("the satisfaction keys: service question, headline item, NPS item, not-applicable answers")
    func keys() {
        let codebook = Self.codebook
        #expect(codebook.satisfaction == SatisfactionSettings(service: "service", overall: "SOD", nps: "NPS"))
        #expect(codebook.serviceQuestionIndex == 0)
        #expect(codebook.overallItemIndex == 0)
        #expect(codebook.netPromoterItemIndex == 3)
        #expect(codebook.notApplicableAnswers == ["Non applicabile", "Non ho atteso"])
    }

    @Test("a list of labels is a verbal scale from 1, in order; positive_from is the item's own")
    func verbalScale() {
        let scale = Self.codebook.scale(ofItem: 0)
        #expect(scale == Scale(min: 1, max: 4, positiveFrom: 3,
                               labels: [1: "Per niente soddisfatto", 2: "Poco soddisfatto", 3: "Abbastanza soddisfatto", 4: "Molto soddisfatto"]))
        // The 1–10 item keeps the codebook's scale and threshold.
        #expect(Self.codebook.scale(ofItem: 1) == Scale(min: 1, max: 10, positiveFrom: 6))
    }

    @Test("a list of labels may start at another min; its length must match min–max")
    func labelList() throws {
        let zero = try Codebook.decode(yaml: satisfactionCodebookYAML.replacingOccurrences(
            of: "positive_from: 3\n", with: "positive_from: 3\n              min: 0\n"), file: "cs.yaml")
        #expect(zero.scale(ofItem: 0).points == 0...3)
        #expect(zero.scale(ofItem: 0).labels[0] == "Per niente soddisfatto")
        let error = Self.error(replacing: "positive_from: 3\n", with: "positive_from: 3\n              max: 5\n")
        #expect(error?.keyPath == "blocks[0].sections[0].items[0].scale.labels")
        #expect(error?.message == "4 labels for the 5 points of the scale 1–5; list one label per point, lowest first")
    }

    @Test("two points with one label are refused")
    func duplicateLabel() {
        let error = Self.error(replacing: "\"Poco soddisfatto\"", with: "\"per niente soddisfatto\"")
        #expect(error?.keyPath == "blocks[0].sections[0].items[0].scale.labels")
        #expect(error?.message.hasPrefix("points 1 and 2 have the same label") == true)
    }

    @Test("an emoticon scale is points 1–3 labelled with faces; 4 faces or another range are refused")
    func emoticonScale() {
        let scale = Self.codebook.scale(ofItem: 2)
        #expect(scale.points == 1...3)
        #expect(scale.positiveFrom == 2)
        #expect(scale.emoticons == 3)
        #expect(scale.labels == [1: "☹️", 2: "😐", 3: "🙂"])
        let four = Self.error(replacing: "emoticons: 3", with: "emoticons: 4")
        #expect(four?.message == "emoticons must be 3 or 5 (faces), not 4")
        let range = Self.error(replacing: "emoticons: 3", with: "emoticons: 3\n              max: 5")
        #expect(range?.message == "an emoticon scale has the points 1–3; found 1–5")
    }

    @Test("emoticon answers: faces with or without the emoji variation selector, text faces, codes and numbers",
          arguments: [("🙂", 3), ("😊", 3), ("😀", 3), (":)", 3), (":-)", 3), ("😐", 2), (":|", 2), ("☹️", 1), ("☹", 1),
                       ("🙁", 1), (":(", 1), ("A2", 2), ("3", 3), ("", 255), ("Non ho atteso", 254)] as [(String, UInt8)])
    func faces(text: String, code: UInt8) {
        #expect(Self.parse(text, item: "ATT") == code)
    }

    @Test("not faces, or outside three faces", arguments: ["🤔", ";)", "4", "0", "A4"])
    func notFaces(text: String) {
        #expect(Self.parse(text, item: "ATT") == nil)
    }

    @Test("verbal labels, 1–10 and 0–10 answers; not-applicable words on any item",
          arguments: [("SOD", "Abbastanza soddisfatto", 3), ("SOD", "molto soddisfatto", 4), ("SOD", "4", 4),
                      ("SOD", "Non applicabile", 254), ("CORT", "10", 10), ("CORT", "NON APPLICABILE", 254),
                      ("NPS", "0", 0), ("NPS", "10", 10), ("NPS", "A1", 0), ("NPS", "N/A", 255)] as [(String, String, UInt8)])
    func answers(item: String, text: String, code: UInt8) {
        #expect(Self.parse(text, item: item) == code)
    }

    @Test("satisfaction: must name a demographic question, an item, and a 0–10 NPS item")
    func settingsErrors() {
        let service = Self.error(replacing: "service: service", with: "service: servizio")
        #expect(service?.keyPath == "satisfaction.service")
        #expect(service?.line == 11)
        #expect(service?.message == "names no demographic question: the services are the options of a demographic question (the codebook has: service)")
        let overall = Self.error(replacing: "overall: SOD", with: "overall: SODD")
        #expect(overall?.keyPath == "satisfaction.overall")
        #expect(overall?.message == "names no item of the codebook: 'SODD'")
        let nps = Self.error(replacing: "nps: NPS", with: "nps: CORT")
        #expect(nps?.keyPath == "satisfaction.nps")
        #expect(nps?.message == "item CORT has the scale 1–10; a Net Promoter item is answered 0–10")
        let unknown = Self.error(replacing: "nps: NPS", with: "nps: NPS\n  target: 85")
        #expect(unknown?.message == "unknown key 'target'; expected one of: nps, overall, service")
    }

    @Test("a not-applicable answer may not also be a missing answer or a scale label")
    func answerWordClashes() {
        let missing = Self.error(replacing: "[\"Non applicabile\", \"Non ho atteso\"]", with: "[\"Non applicabile\", \"n/a\"]")
        #expect(missing?.keyPath == "not_applicable_answers[1]")
        #expect(missing?.message == "\"n/a\" is in both missing_answers and not_applicable_answers; choose one")
        let label = Self.error(replacing: "[\"Non applicabile\", \"Non ho atteso\"]", with: "[\"Poco soddisfatto\"]")
        #expect(label?.message == "\"Poco soddisfatto\" is also a label of the scale of item SOD; a not-applicable answer must differ from every label")
    }

    @Test("the bundled template loads: 7 items, 16 services, the NPS item 0–10")
    func template() throws {
        let codebook = try Codebook.load(path: Repository.root + "/surveys/customer-satisfaction/codebook.yaml")
        #expect(codebook.items.map(\.code) == ["SOD", "CORT", "COMP", "ATT", "INFO", "WEB", "NPS"])
        #expect(codebook.demographics[codebook.serviceQuestionIndex!].options.count == 16)
        #expect(codebook.items.indices.map { codebook.scale(ofItem: $0).positiveFrom } == [3, 6, 6, 2, 3, 3, 6])
        #expect(codebook.scale(ofItem: codebook.netPromoterItemIndex!).points == 0...10)
    }

    // MARK: Imports

    static func rows(_ lines: [String]) -> [UInt8] {
        Array(([satisfactionHeader] + lines).map { $0 + "\n" }.joined().utf8)
    }

    @Test("the service column gives each row its service; not applicable is stored as 254")
    func serviceColumn() throws {
        try withTemporaryFolder { folder in
            let (_, sink) = try importExport(Self.rows([
                "1,Mediazione,Molto soddisfatto,9,🙂,10",
                "2,registro imprese,Poco soddisfatto,Non applicabile,Non ho atteso,",
                "3,3,Abbastanza soddisfatto,6,:|,7",
            ]), codebook: Self.codebook, in: folder)
            #expect(sink.rows.map(\.demographics) == [[2], [1], [3]])
            #expect(sink.rows.map(\.answers) == [[4, 9, 3, 10], [2, 254, 254, 255], [3, 6, 2, 7]])
        }
    }

    @Test("--service gives every row its service; a service column must agree or be blank")
    func presetService() throws {
        try withTemporaryFolder { folder in
            var options = ImportOptions()
            options.presetDemographics = [0: 3]
            let noColumn = Array("id,SOD,CORT,ATT,NPS\n1,Molto soddisfatto,9,🙂,10\n2,Poco soddisfatto,4,☹️,3\n".utf8)
            let (_, sink) = try importExport(noColumn, codebook: Self.codebook, in: folder, options: options)
            #expect(sink.rows.map(\.demographics) == [[3], [3]])
            let (_, agreeing) = try importExport(Self.rows(["1,Statistica Prezzi,Molto soddisfatto,9,🙂,10", "2,,Poco soddisfatto,4,☹️,3"]),
                                                 codebook: Self.codebook, in: folder, options: options)
            #expect(agreeing.rows.map(\.demographics) == [[3], [3]])
            let error = importFailure(Self.rows(["1,Statistica Prezzi,Molto soddisfatto,9,🙂,10", "2,Mediazione,Poco soddisfatto,4,☹️,3"]),
                                      codebook: Self.codebook, in: folder, options: options)
            #expect(error?.problems.map(\.description) == [
                "\(folder.path("export.csv")):3:2: column \"Servizio\": value \"Mediazione\" names another 'service' than the one given for every row of the file, \"Statistica Prezzi\"",
            ])
        }
    }

    @Test("without --service, the service column is required and every row must name a service")
    func serviceRequired() throws {
        try withTemporaryFolder { folder in
            let file = folder.path("export.csv")
            let noColumn = importFailure(Array("id,SOD,CORT,ATT,NPS\n1,Molto soddisfatto,9,🙂,10\n".utf8), codebook: Self.codebook, in: folder)
            #expect(noColumn?.problems.map(\.description) == [
                "\(file):1: no column names the service ('service', \"Servizio\"): every response must name one; for a file that holds one service give it with --service NAME",
            ])
            let blank = importFailure(Self.rows(["1,Mediazione,Molto soddisfatto,9,🙂,10", "2,,Poco soddisfatto,4,☹️,3"]),
                                      codebook: Self.codebook, in: folder)
            #expect(blank?.problems.map(\.description) == [
                "\(file):3:2: column \"Servizio\": is empty: every response must name its service, one of: Registro Imprese | Mediazione | Statistica Prezzi",
            ])
        }
    }

    @Test("an unknown label is refused with line, column and the accepted forms")
    func unknownLabel() throws {
        try withTemporaryFolder { folder in
            let error = importFailure(Self.rows(["1,Mediazione,Molto soddisfatto,9,🙂,10", "2,Mediazione,Soddisfattissimo,9,🙂,10"]),
                                      codebook: Self.codebook, in: folder)
            #expect(error?.problems.map(\.description) == [
                "\(folder.path("export.csv")):3:3: column \"SOD\": value \"Soddisfattissimo\" is not an answer of the scale 1–4; accepted: 1–4, the labels \"Per niente soddisfatto\" (1) … \"Molto soddisfatto\" (4), A1–A4, not applicable \"Non applicabile\", \"Non ho atteso\", missing \"N/A\", or an empty cell",
            ])
        }
    }
}
