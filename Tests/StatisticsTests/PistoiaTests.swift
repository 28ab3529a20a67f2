import PolsoTestSupport
import Reports
import Statistics
import Store
import Surveys
import Testing

/// The Pistoia wellbeing table of DOMAIN.md section 2, from the three committed sample exports.
@Suite("The Pistoia table from the sample files")
struct PistoiaTests {
    /// Section means as published, 2014, 2015, 2016.
    static let sections: [(code: String, title: String, printed: [String])] = [
        ("D", "Carriera e sviluppo professionale", ["3,80", "3,86", "3,98"]),
        ("F", "I miei colleghi", ["4,39", "4,54", "4,40"]),
        ("G", "Il contesto del mio lavoro", ["4,02", "4,06", "4,07"]),
        ("E", "Il mio lavoro", ["4,67", "4,67", "4,73"]),
        ("H", "Il senso di appartenenza", ["4,78", "4,72", "4,64"]),
        ("A", "Sicurezza e salute … stress lavoro correlato", ["4,80", "4,86", "4,94"]),
        ("B", "Le discriminazioni", ["5,32", "5,34", "5,40"]),
        ("C", "Equità dell'amministrazione", ["3,91", "3,92", "3,98"]),
        ("I", "Immagine della mia amministrazione", ["3,72", "3,69", "3,65"]),
        ("N", "Il funzionamento del sistema", ["3,78", "4,02", "3,97"]),
        ("L", "La mia organizzazione", ["3,87", "3,82", "3,62"]),
        ("M", "Le mie performance", ["4,21", "4,26", "4,31"]),
        ("O", "Il mio capo e la mia crescita", ["4,04", "4,01", "4,08"]),
        ("P", "Il mio capo e l'equità", ["4,04", "3,98", "4,01"]),
    ]

    /// MEDIA per block. Benessere 2014 = (3,80 + 4,39 + 4,02 + 4,67 + 4,78 + 4,80 + 5,32 + 3,91 +
    /// 3,72) / 9 = 39,41 / 9 = 4,3789; 2015 = 39,66 / 9 = 4,4067; 2016 = 39,79 / 9 = 4,4211.
    /// Condivisione 2014 = (3,78 + 3,87 + 4,21) / 3 = 3,9533; 2015 = 12,10 / 3 = 4,0333; 2016 =
    /// (3,97 + 3,62 + 4,31) / 3 = 11,90 / 3 = 3,9667 → 3,97 (the report printed 3,96, its own slip).
    /// Superiore 2014 = 4,04; 2015 = (4,01 + 3,98) / 2 = 3,995 → 4,00; 2016 = (4,08 + 4,01) / 2 = 4,045 → 4,05.
    /// The samples put every section mean in [printed + 0,0001, printed + 0,001), which moves none
    /// of these across a rounding edge.
    static let media: [String: [String]] = [
        "benessere_organizzativo": ["4,38", "4,41", "4,42"],
        "condivisione_sistema_valutazione": ["3,95", "4,03", "3,97"],
        "valutazione_superiore_gerarchico": ["4,04", "4,00", "4,05"],
    ]

    /// Ratios to the previous year. Benessere 2015: 4,4067 / 4,3789 = 1,0063 → 1,01; 2016:
    /// 4,4211 / 4,4067 = 1,0033 → 1,00. Condivisione: 4,0333 / 3,9533 = 1,0202 → 1,02;
    /// 3,9667 / 4,0333 = 0,9835 → 0,98. Superiore: 3,995 / 4,04 = 0,9889 → 0,99; 4,045 / 3,995 = 1,0125 → 1,01.
    static let ratios: [String: [String]] = [
        "benessere_organizzativo": ["1,01", "1,00"],
        "condivisione_sistema_valutazione": ["1,02", "0,98"],
        "valutazione_superiore_gerarchico": ["0,99", "1,01"],
    ]

    /// Deltas of MEDIA 2016 − 2015: 4,4211 − 4,4067 = +0,0144; 3,9667 − 4,0333 = −0,0667; 4,045 − 3,995 = +0,05.
    static let deltas2016: [String: String] = [
        "benessere_organizzativo": "+0,01",
        "condivisione_sistema_valutazione": "-0,07",
        "valutazione_superiore_gerarchico": "+0,05",
    ]

    /// Imports the three samples into a fresh store and computes the table from what it holds.
    static func table() throws -> YearOverYear {
        try withTemporaryFolder { folder in
            let store = try SurveyStore(path: folder.path("pistoia.sqlite"))
            let source = try String(contentsOfFile: Repository.anacCodebook, encoding: .utf8)
            let codebook = try Codebook.decode(yaml: source, file: Repository.anacCodebook)
            for year in 2014...2016 {
                _ = try store.importFile(path: Repository.anacSample(year: year), codebook: codebook, codebookSource: source,
                                         into: WaveKey(body: Body.localCode, year: year))
            }
            let stored = try store.codebook(instrument: "anac-2013", version: "2013.2")
            var tallies: [Int: WaveTally] = [:]
            for wave in try store.waves(body: Body.localCode) {
                var tally = WaveTally(codebook: stored)
                try store.forEachResponse(waves: [wave.id]) { answers, _ in tally.add(answers: answers) }
                tallies[wave.year] = tally
            }
            return YearOverYear(codebook: stored, tallies: tallies)
        }
    }

    @Test("every section, MEDIA, delta and ratio rounds half-up to the published figure")
    func reproduce() throws {
        let table = try Self.table()
        let format = NumberFormat(locale: .italian)
        #expect(table.years == [2014, 2015, 2016])
        // The generator's respondents per year (the files have 119, 132 and 125 lines with the header).
        #expect(table.respondents == [118, 131, 124])

        let sections = Dictionary(uniqueKeysWithValues: table.blocks.flatMap(\.sections).map { ($0.code, $0) })
        for expected in Self.sections {
            let values = sections[expected.code]?.values.map { $0.mean.map { format.decimal($0) } ?? "n.d." }
            #expect(values == expected.printed, "\(expected.code) \(expected.title)")
        }
        for block in table.blocks where block.inSynthesis {
            #expect(block.values.map { $0.mean.map { format.decimal($0) } ?? "n.d." } == Self.media[block.id], "MEDIA \(block.id)")
            #expect(block.values.dropFirst().map { $0.ratio.map { format.decimal($0) } ?? "n.d." } == Self.ratios[block.id],
                    "ratio \(block.id)")
            #expect(block.values[0].ratio == nil)
            #expect(block.values[2].delta.map { format.delta($0) } == Self.deltas2016[block.id], "delta \(block.id)")
        }
        #expect(table.blocks.map(\.id) == ["benessere_organizzativo", "importanza_ambiti",
                                           "condivisione_sistema_valutazione", "valutazione_superiore_gerarchico"])
    }

    @Test("the importance block stays out of synthesis: no ratio, and no part of any MEDIA")
    func importance() throws {
        let table = try Self.table()
        let importance = try #require(table.blocks.first { $0.id == "importanza_ambiti" })
        #expect(!importance.inSynthesis)
        #expect(importance.values.allSatisfy { $0.ratio == nil })
        #expect(importance.sections.map(\.code) == ["Q"])
        // Benessere MEDIA is exactly the mean of its nine sections A–I.
        let benessere = table.blocks[0]
        #expect(benessere.sections.map(\.code) == ["A", "B", "C", "D", "E", "F", "G", "H", "I"])
        for year in 0..<3 {
            let mean = benessere.sections.compactMap { $0.values[year].mean }.reduce(0, +) / 9
            #expect(close(benessere.values[year].mean, mean))
        }
    }
}
