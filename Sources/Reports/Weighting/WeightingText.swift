import Statistics

/// The lines under a weighted table: what the figures are weighted to, and per year the design
/// effect, the effective n, who was left out and each stratum's staff, respondents and weight
/// (a stratum withheld for privacy shows its staff only).
struct WeightingText {
    /// Whose figures: staff wellbeing (weighted to the staff) or customer satisfaction (to the users).
    enum Survey { case wellbeing, satisfaction }

    let weighting: StaffWeighting
    let locale: DisplayLocale
    var survey = Survey.wellbeing
    private var it: Bool { locale == .italian }
    private var population: String {
        switch survey {
        case .wellbeing: return it ? "personale" : "staff"
        case .satisfaction: return it ? "utenti" : "users"
        }
    }

    private var respondents: String {
        switch survey {
        case .wellbeing: return it ? "rispondenti" : "respondents"
        case .satisfaction: return it ? "questionari" : "questionnaires"
        }
    }

    /// What defines the strata: the question's code, or the organisational unit.
    private var question: String {
        guard weighting.question == "unit" else { return weighting.question }
        return it ? "unità organizzativa" : "organisational unit"
    }

    private var method: String {
        switch (survey, it) {
        case (.wellbeing, true):
            return "Ponderazione: medie, % e indici pesati sulla composizione del personale per \(question) (post-stratificazione, peso = quota del personale / quota dei rispondenti); intervalli e test con l'errore standard linearizzato con i pesi e i gradi di libertà dell'n effettivo di Kish, su cui si applicano anche le soglie (n eff.). L'alfa di Cronbach resta non pesata."
        case (.wellbeing, false):
            return "Weighting: means, % and indexes weighted to the staff composition by \(question) (post-stratification, weight = staff share / respondent share); intervals and tests use the standard error linearised with the weights and the degrees of freedom of Kish's effective n, to which the guards apply too (eff. n). Cronbach's alpha stays unweighted."
        case (.satisfaction, true):
            return "Ponderazione: % positive, giudizi medi e NPS pesati sulla composizione degli utenti per \(question) (post-stratificazione, peso = quota degli utenti / quota dei questionari); intervalli di Wilson e test esatti di Fisher sui conteggi effettivi (n effettivo di Kish)."
        case (.satisfaction, false):
            return "Weighting: % positive, mean judgments and NPS weighted to the users' composition by \(question) (post-stratification, weight = user share / questionnaire share); Wilson intervals and Fisher's exact tests on the effective counts (Kish's effective n)."
        }
    }

    func lines(years: [Int]) -> [String] {
        let format = NumberFormat(locale: locale)
        let marks = SuppressionMarks(locale: locale, minimum: weighting.minimumGroupSize)
        var lines = [method]
        for year in weighting.years where years.contains(year.year) {
            var line = it
                ? "  \(year.year): \(population) \(format.integer(year.staff)), \(respondents) pesati \(format.integer(year.respondents)), n effettivo \(format.decimal(year.effectiveRespondents, places: 1)), deff \(format.decimal(year.designEffect))"
                : "  \(year.year): \(population) \(format.integer(year.staff)), \(respondents) weighted \(format.integer(year.respondents)), effective n \(format.decimal(year.effectiveRespondents, places: 1)), deff \(format.decimal(year.designEffect))"
            let count = { (count: Int?, reason: SuppressionReason?) in count.map(format.integer) ?? marks.mark(reason) }
            if year.droppedNotStated != 0 {
                let text = count(year.droppedNotStated, year.droppedNotStatedSuppressed)
                line += it ? "; esclusi senza risposta: \(text)" : "; left out with no answer: \(text)"
            }
            if year.droppedOutsideStrata != 0 {
                let text = count(year.droppedOutsideStrata, year.droppedOutsideStrataSuppressed)
                line += it ? "; esclusi fuori dagli strati: \(text)" : "; left out outside the strata: \(text)"
            }
            lines.append(line)
            let strata = year.strata.map { stratum -> String in
                let respondents = stratum.respondents.map(format.integer) ?? marks.mark(stratum.suppressedBecause)
                let weight = stratum.weight.map { format.decimal($0, places: 3) } ?? marks.mark(stratum.suppressedBecause)
                let label = stratum.localizedLabels?[locale.rawValue] ?? stratum.label
                return it ? "\(label): \(population) \(format.integer(stratum.staff)), \(self.respondents) \(respondents), peso \(weight)"
                    : "\(label): \(population) \(format.integer(stratum.staff)), \(self.respondents) \(respondents), weight \(weight)"
            }
            lines.append("    " + strata.joined(separator: "; "))
        }
        return lines
    }

    /// Why the counts ``lines(years:)`` withholds are withheld, for the notes of the page they end.
    func withheldReasons(years: [Int]) -> [SuppressionReason?] {
        weighting.years.filter { years.contains($0.year) }.flatMap { year in
            [year.droppedNotStatedSuppressed, year.droppedOutsideStrataSuppressed] + year.strata.map(\.suppressedBecause)
        }
    }
}
