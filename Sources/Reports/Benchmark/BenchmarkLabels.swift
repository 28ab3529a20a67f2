import Statistics

/// The words of the network benchmark in Italian and English.
struct BenchmarkLabels {
    let locale: DisplayLocale
    private var it: Bool { locale == .italian }

    var figure: String { it ? "Ambito" : "Section" }
    var bodies: String { it ? "Enti" : "Bodies" }
    var minimum: String { it ? "Min" : "Min" }
    var lowerQuartile: String { it ? "1° quartile" : "Lower quartile" }
    var median: String { it ? "Mediana" : "Median" }
    var upperQuartile: String { it ? "3° quartile" : "Upper quartile" }
    var maximum: String { it ? "Max" : "Max" }
    var value: String { it ? "Valore" : "Value" }
    var rank: String { it ? "Posizione" : "Rank" }
    var band: String { it ? "Fascia" : "Band" }
    var note: String { it ? "Nota" : "Note" }
    var withheldMark: String { it ? "non pubblicato" : "withheld" }

    func title(instrument: String, year: Int) -> String {
        (it ? "Confronto tra enti — " : "Network benchmark — ") + "\(instrument) \(year)"
    }

    /// `MEDIA Benessere organizzativo` for a block's row.
    func rowTitle(_ row: BenchmarkRow) -> String {
        row.section.map { "\($0) \(row.title)" } ?? "MEDIA \(row.title)"
    }

    func participation(_ benchmark: NetworkBenchmark) -> String {
        let below = benchmark.bodiesBelowMinimum
        let minimum = benchmark.rules.minimumRespondents
        let entered = benchmark.bodiesTaking - below
        if it {
            return "Enti aderenti con risposte nel \(benchmark.year): \(benchmark.bodiesTaking); considerati: \(entered)"
                + (below == 0 ? "" : "; \(below == 1 ? "1 ente" : "\(below) enti") sotto il minimo di \(minimum) rispondenti, esclus\(below == 1 ? "o" : "i")")
        }
        return "Opted-in bodies with responses in \(benchmark.year): \(benchmark.bodiesTaking); counted: \(entered)"
            + (below == 0 ? "" : "; \(below) bod\(below == 1 ? "y" : "ies") below the minimum of \(minimum) respondents, excluded")
    }

    func rules(_ rules: DisclosureRules) -> String {
        it ? """
            Mediana degli enti (non media dei rispondenti); quartili per interpolazione lineare tra le statistiche d'ordine \
            (tipo 7: default di numpy e R). Un valore è pubblicato solo su almeno \(rules.minimumBodies) enti e se nessun ente \
            fornisce più della metà dei rispondenti; partecipano solo gli enti che hanno aderito; min e max sono nominati \
            solo per enti pubblici. Arrotondamento per la sola visualizzazione (half-up).
            """ : """
            Median of bodies (not a pooled mean); quartiles by linear interpolation between order statistics (type 7: \
            numpy's and R's default). A figure is published only over at least \(rules.minimumBodies) bodies and when no body \
            supplies more than half of its respondents; only opted-in bodies take part; min and max are named only for \
            public bodies. Rounded half-up for display only.
            """
    }

    func asking(code: String, name: String?) -> String {
        (it ? "Posizione dell'ente " : "Standing of body ") + code + (name.map { " (\($0))" } ?? "")
    }

    var askingBelowMinimum: String {
        it ? "L'ente ha meno rispondenti del minimo: non entra nel confronto e non ha una posizione."
            : "The body has fewer respondents than the minimum: it is not in the benchmark and has no standing."
    }

    func askingWithoutResponses(year: Int) -> String {
        it ? "L'ente non ha risposte a questa indagine nel \(year): non ha una posizione."
            : "The body has no responses to this survey in \(year): it has no standing."
    }

    func withheld(_ reason: BenchmarkWithholding) -> String {
        switch reason {
        case let .tooFewBodies(bodies, minimum):
            it ? "non pubblicato: \(bodies) enti, ne servono almeno \(minimum)" : "withheld: \(bodies) bodies, at least \(minimum) needed"
        case .dominance:
            it ? "non pubblicato: un ente fornisce più della metà dei rispondenti" : "withheld: one body supplies more than half of the respondents"
        }
    }

    func band(_ band: QuartileBand) -> String {
        switch band {
        case .bottom: it ? "sotto il 1° quartile" : "below the lower quartile"
        case .lowerMiddle: it ? "tra 1° quartile e mediana" : "lower quartile to median"
        case .upperMiddle: it ? "tra mediana e 3° quartile" : "median to upper quartile"
        case .top: it ? "sopra il 3° quartile" : "above the upper quartile"
        }
    }

    func rankText(_ standing: BenchmarkStanding) -> String {
        it ? "\(standing.rank)° su \(standing.of)" : "\(standing.rank) of \(standing.of)"
    }

    var noData: String {
        it ? "Nessun ente aderente ha risposte in quest'anno." : "No opted-in body has responses in this year."
    }
}
