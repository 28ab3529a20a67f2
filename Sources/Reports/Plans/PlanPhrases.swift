import Performance

/// The words of every ``Phrase`` that scoring and checks say, in Italian and English.
struct PlanPhrases: Sendable {
    /// The language.
    let locale: DisplayLocale

    /// Phrases in the given language.
    init(locale: DisplayLocale) { self.locale = locale }

    /// The phrase in words, its arguments in place of `{0}`, `{1}`…; an unknown key reads as itself.
    func text(_ phrase: Phrase) -> String {
        guard let words = Self.table[phrase.key] else { return phrase.description }
        var text = locale == .italian ? words.italian : words.english
        for (index, argument) in phrase.arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }

    /// A label of a roll-up term: a child's path segment as it is, a group of a blend in words.
    func termLabel(_ term: TraceTerm) -> String {
        guard term.path == nil, let words = Self.table["group." + term.label] else { return term.label }
        return locale == .italian ? words.italian : words.english
    }

    /// Whether a key has words (tests check that every phrase said has).
    static func knows(_ key: String) -> Bool { table[key] != nil }

    // Keys are grouped as the scoring says them: value, achievement, roll-up, terms, findings.
    private static let table: [String: (italian: String, english: String)] = [
        "value.none": ("nessun valore", "no value"),
        "value.printed": ("come stampato", "as printed"),
        "value.ratio": ("numeratore / denominatore", "numerator / denominator"),
        "value.ratio.raw": ("numeratore / denominatore, sui numeri non arrotondati", "numerator / denominator, on raw numbers"),
        "value.zero-denominator": ("il denominatore è 0: n.d.", "the denominator is 0: n.d."),
        "value.date": ("data", "date"),
        "value.yes-no": ("si/no", "yes/no"),
        "value.not-available": ("n.d. (non disponibile)", "n.d. (not available)"),
        "value.computed": ("calcolato dalle risposte registrate, non arrotondato", "computed from the stored survey responses, unrounded"),
        "value.from-nodes": ("dai gradi di raggiungimento di altri nodi, non arrotondati", "from other nodes' achievements, unrounded"),
        "value.mismatch": ("il valore non si adatta al comparatore", "value does not fit the comparator"),
        "value.mismatch.note": ("un target '{0}' richiede un valore adatto", "a {0} target needs a matching value"),
        "value-override": ("valore forzato manualmente", "manual value override"),
        "justification": ("motivazione: {0}", "justification: {0}"),
        "provenance.typed": ("scritto nel piano", "typed in the plan file"),
        "provenance.survey": ("{0}; indagine {1}, rilevazioni {2}; file {3}; calcolato {4}",
                                                 "{0}; survey {1}, waves {2}; files {3}; computed {4}"),
        "provenance.reading": ("indagine {0}, rilevazioni {1}; file {2}; calcolato {3}", "survey {0}, waves {1}; files {2}; computed {3}"),
        "provenance.pending": ("{0}: non ancora calcolato (eseguire polso push)", "{0}: not computed yet (run polso push)"),
        "provenance.missing": ("nessun valore indicato", "no value given"),
        "provenance.node": ("grado di raggiungimento non arrotondato di {0}", "unrounded achievement of {0}"),
        "provenance.nodes": ("media dei gradi di raggiungimento non arrotondati di {0}", "mean of the unrounded achievements of {0}"),
        "monitoring.no-target": ("nessun target: riga di monitoraggio, mostrata senza grado di raggiungimento",
                                 "no target: a monitoring row, shown without an achievement"),
        "nd.excluded": ("n.d. escluso", "n.d. excluded"),
        "nd.excluded.note": ("escluso dall'aggregazione; i pesi degli altri sono riproporzionati",
                             "left out of the roll-up; sibling weights are renormalised"),
        "nd.zero": ("n.d. contato come 0", "n.d. counted as 0"),
        "higher.capped": ("più alto è meglio, massimo 100 %", "higher is better, capped"),
        "higher.uncapped": ("più alto è meglio, senza massimo", "higher is better, uncapped"),
        "higher.negative-value": ("un valore negativo contro un target positivo vale 0", "a negative value against a positive target scores 0"),
        "higher.nonpositive-target": ("più alto è meglio, target ≤ 0", "higher is better, target ≤ 0"),
        "lower.nonpositive-target": ("più basso è meglio, target ≤ 0", "lower is better, target ≤ 0"),
        "nonpositive-target.note": ("un rapporto con un target pari o inferiore a 0 non ha senso: un target raggiunto vale 100 %",
                                    "a ratio to a target of 0 or below means nothing: a met target is 100 %"),
        "lower.inverse": ("più basso è meglio (inverso)", "lower is better (inverse)"),
        "lower.inverse.capped": ("più basso è meglio (inverso), massimo 100 %", "lower is better (inverse), capped"),
        "lower.inverse.uncapped": ("più basso è meglio (inverso), senza massimo", "lower is better (inverse), uncapped"),
        "lower.complement.capped": ("più basso è meglio (complemento), massimo 100 %", "lower is better (complement), capped"),
        "lower.complement.uncapped": ("più basso è meglio (complemento), senza massimo", "lower is better (complement), uncapped"),
        "lower.nonpositive-value": ("un valore ≤ 0 con un target positivo: raggiunto, t / v non è definito",
                                    "a value ≤ 0 under a positive target: met, t / v is undefined"),
        "equality.met": ("uguaglianza, raggiunta", "equality, met"),
        "equality.exact": ("uguaglianza, solo corrispondenza esatta", "equality, exact match only"),
        "equality.ratio": ("uguaglianza, rapporto", "equality, ratio"),
        "equality.sign": ("valore e target non sono entrambi diversi da 0 con lo stesso segno: 0",
                          "value and target are not both non-zero with the same sign: 0"),
        "deadline.on-time": ("scadenza rispettata", "deadline met on time"),
        "deadline.zero": ("scadenza, conta solo il rispetto", "deadline, on time only"),
        "deadline.proportional": ("scadenza, proporzionale al giorno dell'anno", "deadline, proportional by day of year"),
        "deadline.justified": ("scadenza, ritardo giustificato", "deadline, late but justified"),
        "deadline.met-undated": ("scadenza rispettata (indicata senza data)", "deadline met (reported without a date)"),
        "deadline.missed-undated": ("scadenza non rispettata (indicata senza data)", "deadline missed (reported without a date)"),
        "late": ("in ritardo di {0} giorni", "late by {0} days"),
        "late.proportional": ("in ritardo di {0} giorni; giorni contati dal 1° gennaio {1}", "late by {0} days; days counted from 1 January {1}"),
        "late.unjustified": ("in ritardo di {0} giorni, senza giustificazione", "late by {0} days, no justification"),
        "late.justified": ("in ritardo di {0} giorni, giustificato: {1}", "late by {0} days, justified: {1}"),
        "late.one": ("in ritardo di 1 giorno", "late by 1 day"),
        "late.proportional.one": ("in ritardo di 1 giorno; giorni contati dal 1° gennaio {1}", "late by 1 day; days counted from 1 January {1}"),
        "late.unjustified.one": ("in ritardo di 1 giorno, senza giustificazione", "late by 1 day, no justification"),
        "late.justified.one": ("in ritardo di 1 giorno, giustificato: {1}", "late by 1 day, justified: {1}"),
        "yes-no": ("si/no", "yes/no"),
        "tolerance": ("tolleranza: ≥ {0} % vale 100 %", "tolerance: ≥ {0} % counts as 100 %"),
        "critical-threshold": ("soglia critica: < {0} % vale 0", "critical threshold: < {0} % counts as 0"),
        "override": ("grado forzato manualmente", "manual override"),
        "cap.level": ("massimo 100 % (livello {0})", "capped at 100 % ({0} level)"),
        "monitoring": ("peso 0: monitoraggio, mostrato ma non pesato", "weight 0: monitoring, shown but not scored"),
        "band": ("{0}", "{0}"),
        "band.none": ("nessuna fascia lo comprende", "no band covers it"),
        "rollup.none": ("nessuna: nessun grado proprio (livello {0})", "none: no achievement of its own ({0} level)"),
        "rollup.combine": ("{0} (livello {1})", "{0} ({1} level)"),
        "rollup.combine.indicators": ("indicatori: {0} (livello {1})", "indicators: {0} ({1} level)"),
        "rollup.combine.objectives": ("obiettivi: {0} (livello {1})", "objectives: {0} ({1} level)"),
        "rollup.none.indicators": ("indicatori: nessuna", "indicators: none"),
        "rollup.none.objectives": ("obiettivi: nessuna", "objectives: none"),
        "rollup.blend": ("indicatori propri {0} %, obiettivi figli {1} %", "own indicators {0} %, child objectives {1} %"),
        "rollup.blend.group-left-out": ("un gruppo senza nulla da valutare è escluso: la quota dell'altro è riportata al totale",
                                        "a group with nothing to score is left out: the other group's share is scaled to the total"),
        "rollup.weights-unknown": ("pesi non stampati: {0}; nessun grado senza di essi (dichiarare assumed_weight: per aggregare su un'ipotesi)",
                                   "weights unknown (printed nowhere): {0}; no achievement without them (declare assumed_weight: to roll up on an assumption)"),
        "rollup.nothing-to-score": ("nulla da valutare", "nothing to score"),
        "rollup.nothing-counts": ("nessun figlio conta: n.d.", "no child counts: n.d."),
        "rollup.renormalised": ("n.d. esclusi: i pesi contati sono riproporzionati al loro totale stampato",
                                "n.d. excluded: the counted weights are renormalised to their printed total"),
        "term.share-zero": ("quota 0", "share 0"),
        "term.monitoring": ("peso 0: monitoraggio, non pesato", "weight 0: monitoring, not scored"),
        "term.not-rolled-up": ("nessun grado proprio", "no achievement of its own"),
        "term.nothing-to-score": ("nulla da valutare", "nothing to score"),
        "term.excluded": ("n.d.: escluso", "n.d.: excluded"),
        "term.no-achievement": ("nessun grado", "no achievement"),
        "term.weight-unknown": ("peso non stampato", "weight unknown: printed nowhere"),
        "term.no-weight": ("nessun peso", "no weight"),
        "group.own-indicators": ("indicatori propri", "own indicators"),
        "group.child-objectives": ("obiettivi figli", "child objectives"),
        "reason.not-available": ("n.d., non disponibile", "n.d., not available"),
        "reason.zero-denominator": ("il denominatore è 0", "the denominator is 0"),
    ]
}
