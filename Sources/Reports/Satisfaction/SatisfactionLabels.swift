import Statistics
import Surveys

/// The words of the satisfaction tables in Italian and English.
struct SatisfactionLabels {
    let locale: DisplayLocale
    private var it: Bool { locale == .italian }

    var survey: String { it ? "Indagine" : "Survey" }
    var service: String { it ? "Servizio" : "Service" }
    var item: String { it ? "Voce" : "Item" }
    var scale: String { it ? "Scala" : "Scale" }
    var questionnaires: String { it ? "Questionari" : "Questionnaires" }
    var valid: String { it ? "Risposte valide" : "Valid answers" }
    var positive: String { it ? "Positive" : "Positive" }
    var percentPositive: String { it ? "% positive" : "% positive" }
    var percentNegative: String { it ? "% negative" : "% negative" }
    var meanJudgment: String { it ? "Giudizio medio" : "Mean judgment" }
    var mean: String { it ? "Media" : "Mean" }
    var notApplicable: String { it ? "Non applicabile" : "Not applicable" }
    var dontKnow: String { it ? "Non so" : "Don't know" }
    var distribution: String { it ? "Distribuzione" : "Distribution" }
    var notSurveyed: String { it ? "non rilevato" : "not surveyed" }
    var pooled: String { it ? "Totale (Σ positive / Σ valide)" : "All services (Σ positive / Σ valid)" }
    var allServices: String { it ? "tutti i servizi (Σ dei conteggi)" : "all services (Σ of the counts)" }
    var pooledWeighted: String { it ? "Totale (Σ pesi positive / Σ pesi valide)" : "All services (Σ weights positive / Σ weights valid)" }
    var effectiveN: String { it ? "n eff." : "eff. n" }
    var meanOfServicePercentages: String { it ? "Media delle % dei servizi (non ponderata)" : "Mean of the services' % (unweighted)" }
    var meanOfServicePercentagesShort: String { it ? "Media % servizi" : "Mean of services' %" }
    var delta: String { it ? "Δ punti" : "Δ points" }
    var index: String { it ? "Indice" : "Index" }

    /// `SOD Complessivamente… — positive: 3 (Abbastanza soddisfatto) or more`.
    func positiveOf(_ item: SatisfactionItem, format: NumberFormat) -> String {
        let scale = item.scale
        let threshold = scale.label(scale.positiveFrom, language: locale.rawValue).map { "\(scale.positiveFrom) \"\($0)\"" } ?? "\(scale.positiveFrom)"
        return "\(item.code) \(item.text) — " + (it ? "positivi: da \(threshold) in su" : "positive: \(threshold) or more")
    }

    /// `1–4, ≥ 3`.
    func scaleText(_ scale: Scale) -> String {
        "\(scale.min)–\(scale.max), ≥ \(scale.positiveFrom)"
    }

    func trendTitle(subject: String, baseYear: Int?) -> String {
        let base = baseYear.map { it ? " (indice: \($0) = 100)" : " (index: \($0) = 100)" } ?? ""
        return (it ? "% giudizi positivi per anno — " : "% positive by year — ") + subject + base
    }

    func coverage(_ summary: SatisfactionYearSummary, format: NumberFormat) -> String {
        guard let planned = summary.plannedServices, let coverage = summary.coverage else {
            return it ? "Servizi rilevati: \(summary.servicesSurveyed) (servizi previsti non indicati)"
                : "Services surveyed: \(summary.servicesSurveyed) (services planned not given)"
        }
        return it ? "Copertura: \(summary.servicesSurveyed) servizi rilevati su \(planned) previsti = \(format.percent(coverage))"
            : "Coverage: \(summary.servicesSurveyed) services surveyed of \(planned) planned = \(format.percent(coverage))"
    }

    func responseRate(service: String?, questionnaires: Int, users: Int, rate: Double, format: NumberFormat) -> String {
        let subject = service.map { " — \($0)" } ?? ""
        return it ? "Tasso di risposta\(subject): \(format.integer(questionnaires)) questionari su \(format.integer(users)) utenti = \(format.percent(rate))"
            : "Response rate\(subject): \(format.integer(questionnaires)) questionnaires of \(format.integer(users)) users = \(format.percent(rate))"
    }

    var positiveInterval: String { it ? "IC 95 % positive" : "95% CI positive" }

    func improvement(_ summary: SatisfactionYearSummary, rule: ChangeRule, format: NumberFormat) -> String {
        let compared = summary.tests
        func share(_ count: Int) -> String { JudgmentFigures.percent(count, of: compared).map { " (\(format.percent($0)))" } ?? "" }
        let alpha = format.decimal(rule.alpha, places: 2)
        let method: String
        switch rule.adjustment {
        case .holm: method = it ? "p corretto con Holm" : "p adjusted by Holm"
        case .bh: method = it ? "p corretto con Benjamini–Hochberg" : "p adjusted by Benjamini–Hochberg"
        case .none: method = it ? "p senza correzione" : "p unadjusted"
        }
        return it ? "\(summary.year): servizi migliorati \(summary.improved)\(share(summary.improved)), peggiorati \(summary.worse)\(share(summary.worse)), senza variazione chiara \(summary.noClearChange) su \(compared) confrontabili (▲ ▼: test esatto di Fisher, \(method) tra \(compared) servizi, p < \(alpha))"
            : "\(summary.year): services improved \(summary.improved)\(share(summary.improved)), worse \(summary.worse)\(share(summary.worse)), no clear change \(summary.noClearChange) of \(compared) comparable (▲ ▼: Fisher's exact test, \(method) among \(compared) services, p < \(alpha))"
    }

    func pooledChange(year: Int, delta: Double, change: ProportionChange, format: NumberFormat) -> String {
        let interval = change.interval.map { "\(format.delta($0.lower))…\(format.delta($0.upper))" } ?? "–"
        let p = format.decimal(change.p, places: 4)
        return it ? "\(year), tutti i servizi: Δ \(format.delta(delta)) punti, IC 95 % \(interval) (Newcombe), p = \(p) (Fisher)"
            : "\(year), all services: Δ \(format.delta(delta)) points, 95% CI \(interval) (Newcombe), p = \(p) (Fisher)"
    }

    func unassigned(_ count: Int) -> String {
        it ? "\(count) questionari senza servizio non sono conteggiati" : "\(count) questionnaires naming no service are not counted"
    }
}
