import Performance

/// `polso plan check` as text: each finding with the node, both figures and the difference.
package struct PlanCheckText: Sendable {
    /// Number conventions.
    package let display: PlanDisplay
    /// The words of reasons and rules.
    let phrases: PlanPhrases

    /// A renderer for a plan's profile, in Italian (default) or English.
    package init(profile: MeasurementProfile, locale: DisplayLocale = .italian) {
        display = PlanDisplay(profile: profile, locale: locale)
        phrases = PlanPhrases(locale: locale)
    }

    /// A renderer sharing another report's conventions.
    package init(display: PlanDisplay) {
        self.display = display
        phrases = PlanPhrases(locale: display.locale)
    }

    /// The report: a summary line, then problems, warnings and notes, one per line.
    package func render(_ report: CheckReport, plan: Plan) -> String {
        let problems = report.findings(.problem), warnings = report.findings(.warning), notes = report.findings(.note)
        let summary = report.isClean ? words("nessun problema", "clean")
            : count(problems.count, words("problema", "problem"), words("problemi", "problems"))
        var lines = ["plan check: \(plan.body) \(plan.year): " + summary
            + (warnings.isEmpty ? "" : ", " + count(warnings.count, words("avviso", "warning"), words("avvisi", "warnings")))]
        let sections = [(words("Problemi", "Problems"), problems), (words("Avvisi", "Warnings"), warnings), (words("Note", "Notes"), notes)]
        for (title, findings) in sections where !findings.isEmpty {
            lines.append("")
            lines.append(title + ":")
            for finding in findings { lines += describe(finding).map { "  " + $0 } }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The message that ends a check with problems: `plan check: 4 problemi in plan.yaml`.
    package func failure(problems: Int, file: String) -> String {
        words("plan check: \(problems) problem\(problems == 1 ? "a" : "i") in \(file)",
              "plan check: \(problems) problem\(problems == 1 ? "" : "s") flagged in \(file)")
    }

    /// `plan score`'s warning lines for weights used as printed (a finding the plan has not acknowledged).
    package func weightWarnings(_ finding: Finding) -> [String] {
        describe(finding).map { words("avviso: \($0) (usati come stampati)", "warning: \($0) (used as printed)") }
    }

    /// A finding in words: the first line names the node, further lines explain.
    package func describe(_ finding: Finding) -> [String] {
        var lines = describeKind(finding)
        if let acknowledgement = finding.acknowledgement, !lines.isEmpty {
            lines[0] = words("accettato", "accepted") + " (\(finding.category.rawValue)): " + lines[0]
            lines.append("    " + words("motivazione: ", "justification: ") + acknowledgement.justification)
        }
        return lines
    }

    /// Italian or English, following the display's locale.
    private func words(_ italian: String, _ english: String) -> String { display.locale == .italian ? italian : english }

    private func weightTerms(_ weights: [WeightEntry]) -> String {
        weights.map { "\($0.path.codes.last ?? "/") \(display.printed($0.weight))" }.joined(separator: " + ")
    }

    private func describeKind(_ finding: Finding) -> [String] {
        let path = finding.path.description
        switch finding.kind {
        case let .roundedWeights(_, weights, total, tolerance):
            return [path + words(
                ": i pesi sommano a \(display.printed(total)), 100 entro l'arrotondamento dei decimali stampati "
                    + "(± \(display.printed(tolerance))); usati come stampati: \(weightTerms(weights))",
                ": the weights sum to \(display.printed(total)), 100 within the rounding of their printed decimals "
                    + "(± \(display.printed(tolerance))); used as printed: \(weightTerms(weights))")]
        case let .unknownWeights(_, members):
            let names = members.map { $0.codes.last ?? "/" }.joined(separator: ", ")
            return [path + words(
                ": pesi non stampati (\(names)) in un'aggregazione che legge i pesi: nessun grado di raggiungimento; "
                    + "dichiarare assumed_weight: per aggregare su un'ipotesi",
                ": weights printed nowhere (\(names)) under a roll-up that reads weights: no achievement; "
                    + "declare assumed_weight: to roll up on an assumption")]
        case let .valueDiffers(other, value, otherValue, unit):
            func shown(_ number: Double?) -> String {
                number.map { unit == .percent ? display.compactPercent($0) : display.compact($0) } ?? "n.d."
            }
            return [path + words(": lo stesso indicatore vale \(shown(value)) qui e \(shown(otherValue)) in \(other)",
                                 ": the same indicator is \(shown(value)) here and \(shown(otherValue)) in \(other)")]
        case let .valueOverride(computed, set, unit, justification):
            let computedText = computed.map { display.compact($0) } ?? "n.d."
            return [path + words(": valore forzato a ", ": value overridden to ") + display.measured(set, unit: unit)
                + " (" + words("calcolato ", "computed ") + computedText + "): " + justification]
        case let .printedNotAvailable(figure, computed):
            let computedText = figure == .achievement ? display.preciseAchievement(computed) : display.compact(computed)
            return [path + (figure == .achievement
                ? words(": grado di raggiungimento stampato n.d., calcolato ", ": printed achievement n.d., computed ")
                : words(": valore stampato n.d., calcolato ", ": printed value n.d., computed ")) + computedText]
        case let .assumedWeights(_, weights):
            return [path + words(": pesi ipotizzati, non stampati: ", ": weights assumed, not printed: ") + weightTerms(weights)]
        case let .unusedAcknowledgement(acknowledgement):
            return [path + words(
                ": 'accept: \(acknowledgement.category.rawValue)' non corrisponde ad alcun rilievo: "
                    + "i dati sono cambiati o il nodo è sbagliato; toglierlo o correggerlo",
                ": 'accept: \(acknowledgement.category.rawValue)' matches no finding: "
                    + "the data changed or the node is wrong; remove or correct it")]
        case let .weightsDoNotSum(group, weights, total):
            let groups = ["children": ("dei suoi figli", "of its children"), "own indicators": ("dei suoi indicatori", "of its own indicators"),
                          "child objectives": ("dei suoi obiettivi figli", "of its child objectives")]
            let groupText = groups[group].map { words($0.0, $0.1) } ?? group
            return [path + words(": i pesi \(groupText) sommano a \(display.printed(total)), non 100: ",
                                 ": the weights \(groupText) sum to \(display.printed(total)), not 100: ") + weightTerms(weights)]
        case let .printedDiffers(mismatch):
            return describe(mismatch, at: path)
        case let .noValue(reason):
            return [path + words(": nessun valore da valutare (", ": no value to score (") + phrases.text(reason) + ")"]
        case .nothingToScore:
            return [path + words(": né indicatori né obiettivi figli: nulla da valutare",
                                 ": neither indicators nor child objectives: nothing to score")]
        case let .invertedComparator(comparator, cue):
            return [path + words(
                ": misura un costo o un ritardo ('\(cue)') ma il comparatore è '\(comparator)': di solito è meglio più basso (<= o <)",
                ": measures a cost or a delay ('\(cue)') but its comparator is '\(comparator)': lower is usually better (<= or <)")]
        case let .ratioForPercentage(figure, written, intended, other):
            let writtenText = display.compact(written), otherText = display.compactPercent(other)
            let intendedText = display.compactPercent(intended)
            if figure == .value {
                return [path + words(
                    ": il valore \(writtenText) contro un target di \(otherText) sembra scritto come rapporto, non come percentuale: "
                        + "il valore inteso è probabilmente \(intendedText)",
                    ": the value \(writtenText) against a target of \(otherText) looks written as a ratio, not a percentage: "
                        + "the likely intended value is \(intendedText)")]
            }
            return [path + words(
                ": il target \(writtenText) contro un valore di \(otherText) sembra scritto come rapporto, non come percentuale: "
                    + "il target inteso è probabilmente \(intendedText)",
                ": the target \(writtenText) against a value of \(otherText) looks written as a ratio, not a percentage: "
                    + "the likely intended target is \(intendedText)")]
        case let .noBand(achievement):
            return [path + words(": il grado \(display.preciseAchievement(achievement)) non cade in alcuna fascia del profilo",
                                 ": achievement \(display.preciseAchievement(achievement)) falls in no band of the profile")]
        case let .override(computed, set, justification):
            let computedText = computed.map(display.preciseAchievement) ?? "n.d."
            let setText = display.format.percent(set.value, places: set.decimals)
            return [path + words(": grado forzato a \(setText) (calcolato \(computedText)): ",
                                 ": achievement overridden to \(setText) (computed \(computedText)): ") + justification]
        }
    }

    private func describe(_ mismatch: PrintedMismatch, at path: String) -> [String] {
        let places = mismatch.printed.decimals + 2
        let printed: String, computed: String
        switch mismatch.figure {
        case .achievement:
            printed = display.format.percent(mismatch.printed.value, places: mismatch.printed.decimals)
            computed = display.format.percent(mismatch.computed, places: places)
        case .value:
            printed = display.printed(mismatch.printed, unit: mismatch.unit ?? .count)
            computed = display.format.decimal(mismatch.computed, places: places, grouping: true)
        }
        let delta = display.format.delta(mismatch.difference, places: places)
        let figure = mismatch.figure == .value ? words("valore", "value") : words("grado", "achievement")
        var lines = [path + words(": \(figure) stampato \(printed), calcolato \(computed) (stampato − calcolato = \(delta))",
                                  ": printed \(figure) \(printed), computed \(computed) (printed − computed = \(delta))")]
        switch mismatch.explanation {
        case let .reachable(values, lowerIncluded, upperIncluded, printedValue)?:
            let valuePlaces = printedValue.decimals + 2
            func end(_ value: Double, _ included: Bool) -> String {
                display.format.decimal(value, places: valuePlaces) + (included ? "" : words(" (escluso)", " (excluded)"))
            }
            let printedText = display.printed(printedValue, unit: mismatch.unit ?? .count)
            let low = end(values.lowerBound, lowerIncluded), high = end(values.upperBound, upperIncluded)
            lines.append("    " + words("possibile solo se il valore non arrotondato, stampato \(printedText), era tra \(low) e \(high)",
                                        "possible only if the unrounded value, printed \(printedText), lay between \(low) and \(high)"))
        case let .unreachable(achievements, printedValue)?:
            let printedText = display.printed(printedValue, unit: mismatch.unit ?? .count)
            let low = display.format.percent(achievements.lowerBound, places: places)
            let high = display.format.percent(achievements.upperBound, places: places)
            lines.append("    " + words("nessun valore stampato come \(printedText) dà \(printed): tali valori danno da \(low) a \(high)",
                                        "no value printed as \(printedText) gives \(printed): such values give \(low) to \(high)"))
        case let .followsFromPrintedChildren(value)?:
            let given = display.format.percent(value, places: places)
            lines.append("    " + words("è ciò che danno i gradi stampati dei suoi figli (\(given)), non quelli calcolati",
                                        "it is what the printed achievements of its children give (\(given)), not the computed ones"))
        case let .notFromPrintedChildren(value)?:
            lines.append("    " + words("nemmeno i gradi stampati dei suoi figli lo danno: danno ",
                                        "the printed achievements of its children do not give it either: they give ")
                + display.format.percent(value, places: places))
        case nil:
            break
        }
        return lines
    }

    private func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) " + (number == 1 ? singular : plural)
    }
}
