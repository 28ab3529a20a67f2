import Statistics

/// The words of the wellbeing outputs in Italian and English.
struct WellbeingLabels {
    let locale: DisplayLocale
    private var it: Bool { locale == .italian }

    var section: String { it ? "Ambito" : "Section" }
    var importanceOf: String { it ? "Importanza dell'ambito" : "Importance of section" }
    var mean: String { it ? "MEDIA" : "MEAN" }
    var ratio: String { it ? "Rapporto sull'anno precedente" : "Ratio to previous year" }
    var respondents: String { it ? "Rispondenti" : "Respondents" }
    var responseRate: String { it ? "Tasso di risposta" : "Response rate" }
    var survey: String { it ? "Indagine" : "Survey" }
    var warning: String { it ? "Avviso" : "Warning" }
    var item: String { it ? "Domanda" : "Item" }
    var year: String { it ? "Anno" : "Year" }
    var sd: String { it ? "DS" : "SD" }
    var interval: String { it ? "IC 95 %" : "95% CI" }
    var positive: String { it ? "% positivi" : "% positive" }
    var negative: String { it ? "% negativi" : "% negative" }
    /// `% indice ≥ 3,5`, the cut being the midpoint of the sections' scale.
    func indexAtLeast(_ cut: String?) -> String {
        guard let cut else { return it ? "% indice ≥ metà scala" : "% index ≥ midpoint" }
        return it ? "% indice ≥ \(cut)" : "% index ≥ \(cut)"
    }
    var distribution: String { it ? "Distribuzione" : "Distribution" }
    var pValue: String { "p" }
    var cohensD: String { "d" }
    var alphaLabel: String { it ? "Alfa di Cronbach" : "Cronbach's alpha" }
    var completeCases: String { it ? "casi completi" : "complete cases" }
    var itemRest: String { it ? "correlazione item-resto" : "item-rest correlation" }
    var alphaIfDeleted: String { it ? "alfa senza l'item" : "alpha if deleted" }
    var importance: String { it ? "Importanza" : "Importance" }
    var agreement: String { it ? "Accordo" : "Agreement" }
    var gap: String { it ? "Divario" : "Gap" }
    var rank: String { it ? "Priorità" : "Priority" }
    var total: String { it ? "Totale" : "Total" }
    var notStated: String { it ? "Non indicato" : "Not stated" }

    func significanceLegend(alpha: String) -> String {
        it ? "▲ ▼: variazione significativa (test di Welch sugli indici dei rispondenti, p < \(alpha))."
            : "▲ ▼: significant change (Welch's test on respondent indexes, p < \(alpha))."
    }

    func suppressed(minimum: Int) -> String { "<\(minimum)" }
}
