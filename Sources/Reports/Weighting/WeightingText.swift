import Statistics

/// The lines under a weighted table: what the figures are weighted to, and per year the design
/// effect, the effective n, who was left out and each stratum's staff, respondents and weight
/// (a stratum withheld for privacy shows its staff only).
struct WeightingText {
    let weighting: StaffWeighting
    let locale: DisplayLocale
    private var it: Bool { locale == .italian }

    func lines(years: [Int]) -> [String] {
        let format = NumberFormat(locale: locale)
        let hidden = "<\(weighting.minimumGroupSize)"
        var lines = [it
            ? "Ponderazione: medie, % e indici pesati sulla composizione del personale per \(weighting.question) (post-stratificazione, peso = quota del personale / quota dei rispondenti); intervalli e test con l'errore standard linearizzato con i pesi e i gradi di libertà dell'n effettivo di Kish, su cui si applicano anche le soglie (n eff.). L'alfa di Cronbach resta non pesata."
            : "Weighting: means, % and indexes weighted to the staff composition by \(weighting.question) (post-stratification, weight = staff share / respondent share); intervals and tests use the standard error linearised with the weights and the degrees of freedom of Kish's effective n, to which the guards apply too (eff. n). Cronbach's alpha stays unweighted."]
        for year in weighting.years where years.contains(year.year) {
            var line = it
                ? "  \(year.year): personale \(format.integer(year.staff)), rispondenti pesati \(format.integer(year.respondents)), n effettivo \(format.decimal(year.effectiveRespondents, places: 1)), deff \(format.decimal(year.designEffect))"
                : "  \(year.year): staff \(format.integer(year.staff)), respondents weighted \(format.integer(year.respondents)), effective n \(format.decimal(year.effectiveRespondents, places: 1)), deff \(format.decimal(year.designEffect))"
            let count = { (count: Int?) in count.map(format.integer) ?? hidden }
            if year.droppedNotStated != 0 {
                line += it ? "; esclusi senza risposta: \(count(year.droppedNotStated))" : "; left out with no answer: \(count(year.droppedNotStated))"
            }
            if year.droppedOutsideStrata != 0 {
                line += it ? "; esclusi fuori dagli strati: \(count(year.droppedOutsideStrata))"
                    : "; left out outside the strata: \(count(year.droppedOutsideStrata))"
            }
            lines.append(line)
            let strata = year.strata.map { stratum -> String in
                let respondents = stratum.respondents.map(format.integer) ?? hidden
                let weight = stratum.weight.map { format.decimal($0, places: 3) } ?? hidden
                return it ? "\(stratum.label): personale \(format.integer(stratum.staff)), rispondenti \(respondents), peso \(weight)"
                    : "\(stratum.label): staff \(format.integer(stratum.staff)), respondents \(respondents), weight \(weight)"
            }
            lines.append("    " + strata.joined(separator: "; "))
        }
        return lines
    }
}
