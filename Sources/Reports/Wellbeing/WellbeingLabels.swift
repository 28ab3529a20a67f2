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
    var adjustedP: String { it ? "p corr." : "p adj." }
    var hedgesG: String { "g" }
    var positiveInterval: String { it ? "IC 95 % positivi" : "95% CI positive" }
    var standardError: String { it ? "ES" : "SE" }
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
    var effectiveN: String { it ? "n eff." : "eff. n" }
    var effectiveRespondents: String { it ? "n effettivo (pesi)" : "Effective n (weights)" }
    var designEffect: String { it ? "Effetto del disegno (deff)" : "Design effect (deff)" }

    func significanceLegend(alpha: String, method: MultiplicityAdjustment?, tests: [(year: Int, tests: Int)]) -> String {
        let counted = tests.map { "\($0.year): \($0.tests)" }.joined(separator: ", ")
        let adjustment: String
        switch method {
        case .holm?: adjustment = it ? "p corretto con il metodo di Holm" : "p adjusted by Holm's method"
        case .bh?: adjustment = it ? "p corretto con Benjamini–Hochberg" : "p adjusted by Benjamini–Hochberg"
        case .none?, nil: adjustment = it ? "p senza correzione" : "p unadjusted"
        }
        let family = counted.isEmpty ? "" : (it ? "; test per anno: \(counted)" : "; tests per year: \(counted)")
        return it
            ? "▲ ▼: variazione significativa della media pubblicata (test t sulla media delle medie, errore standard col metodo delta; \(adjustment) tra i test dello stesso anno\(family); p < \(alpha))."
            : "▲ ▼: significant change of the published mean (t test on the mean of item means, delta-method standard error; \(adjustment) among the tests of the same year\(family); p < \(alpha))."
    }

    /// Why a figure is blank, as a table cell reads it.
    func omission(_ reason: StatisticOmission, guards: InferenceGuards?, completeCasesNeeded: Int? = nil) -> String {
        let guards = guards ?? .standard
        switch reason {
        case .fewRespondents: return "n < \(guards.minimumRespondents)"
        case .fewEffectiveRespondents: return it ? "n eff. < \(guards.minimumRespondents)" : "eff. n < \(guards.minimumRespondents)"
        case .noVariance: return it ? "nessuna varianza" : "no variance"
        case .itemsChanged: return it ? "domande cambiate" : "items changed"
        case .fewCompleteCases:
            return it ? "casi completi < \(completeCasesNeeded ?? guards.minimumCompleteCases)"
                : "complete cases < \(completeCasesNeeded ?? guards.minimumCompleteCases)"
        case .withheld: return it ? "riservato" : "withheld"
        }
    }

    var untested: String { it ? "Δ senza test" : "Δ not tested" }

    /// The footnote of a Δ that compares different things.
    func comparability(_ note: ComparabilityNote, year: Int, previous: Int) -> String {
        switch note {
        case .bridgesMissingYear:
            return it ? "confronto con il \(previous): gli anni intermedi mancano" : "compared with \(previous): the years in between are missing"
        case .itemsChanged:
            return it ? "domande con risposta diverse dal \(previous)" : "other items answered than in \(previous)"
        case .sectionsChanged:
            return it ? "ambiti diversi dal \(previous)" : "other sections than in \(previous)"
        }
    }

    var everyComparison: String { it ? "tutti i confronti" : "every comparison" }

    var comparabilityHeading: String {
        it ? "† Confronti non omogenei:" : "† Comparisons of different things:"
    }

    /// A reliability warning in words, its figures rounded half-up to two places.
    func reliabilityWarning(_ warning: ReliabilityWarning) -> String {
        let format = NumberFormat(locale: locale)
        switch warning {
        case let .lowAlpha(alpha, threshold):
            let (a, t) = (format.decimal(alpha), format.decimal(threshold, places: 1))
            return it ? "l'alfa di Cronbach \(a) è sotto \(t): le domande dell'ambito non misurano una stessa cosa in modo coerente"
                : "Cronbach's alpha \(a) is below \(t): the section's items do not measure one thing consistently"
        case let .negativeItemRest(item, correlation):
            let r = format.decimal(correlation)
            return it ? "la domanda \(item) è correlata negativamente con il resto dell'ambito (\(r)): è invertita quando non dovrebbe, o non invertita quando dovrebbe?"
                : "item \(item) correlates negatively with the rest of its section (\(r)): is it reversed when it should not be, or not reversed when it should?"
        }
    }
}
