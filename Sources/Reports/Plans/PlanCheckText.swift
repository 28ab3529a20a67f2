import Performance

/// `polso plan check` as text: each finding with the node, both figures and the difference.
public struct PlanCheckText: Sendable {
    /// Number conventions.
    public let display: PlanDisplay

    /// A renderer for a plan's profile.
    public init(profile: MeasurementProfile, locale: DisplayLocale = .italian) {
        display = PlanDisplay(profile: profile, locale: locale)
    }

    /// A renderer sharing another report's conventions.
    public init(display: PlanDisplay) {
        self.display = display
    }

    /// The report: a summary line, then problems, warnings and notes, one per line.
    public func render(_ report: CheckReport, plan: Plan) -> String {
        let problems = report.findings(.problem), warnings = report.findings(.warning), notes = report.findings(.note)
        var lines = ["plan check: \(plan.body) \(plan.year): " + (report.isClean ? "clean" : "\(count(problems.count, "problem"))")
            + (warnings.isEmpty ? "" : ", \(count(warnings.count, "warning"))")]
        for (title, findings) in [("Problems", problems), ("Warnings", warnings), ("Notes", notes)] where !findings.isEmpty {
            lines.append("")
            lines.append(title + ":")
            for finding in findings { lines += describe(finding).map { "  " + $0 } }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A finding in words: the first line names the node, further lines explain.
    public func describe(_ finding: Finding) -> [String] {
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
            let terms = weights.map { "\($0.path.codes.last ?? "/") \(display.printed($0.weight))" }.joined(separator: " + ")
            return ["\(path): the weights of its \(group) sum to \(display.printed(total)), not 100: \(terms)"]
        case let .printedDiffers(mismatch):
            return describe(mismatch, at: path)
        case let .noValue(reason):
            return ["\(path): no value to score (\(reason))"]
        case .nothingToScore:
            return ["\(path): neither indicators nor child objectives: nothing to score"]
        case let .invertedComparator(comparator, cue):
            return ["\(path): measures a cost or a delay ('\(cue)') but its comparator is '\(comparator)': "
                + "lower is usually better (<= or <)"]
        case let .ratioForPercentage(figure, written, intended, other):
            let otherName = figure == .value ? "target" : "value"
            return ["\(path): the \(figure.rawValue) \(display.compact(written)) against a \(otherName) of "
                + "\(display.compactPercent(other)) looks written as a ratio, not a percentage: "
                + "the likely intended \(figure.rawValue) is \(display.compactPercent(intended))"]
        case let .noBand(achievement):
            return ["\(path): achievement \(display.preciseAchievement(achievement)) falls in no band of the profile"]
        case let .override(computed, set, justification):
            let computedText = computed.map(display.preciseAchievement) ?? "n.d."
            return ["\(path): achievement overridden to \(display.format.percent(set.value, places: set.decimals)) "
                + "(computed \(computedText)): \(justification)"]
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
        var lines = ["\(path): printed \(mismatch.figure.rawValue) \(printed), computed \(computed) "
            + "(printed − computed = \(display.format.delta(mismatch.difference, places: places)))"]
        switch mismatch.explanation {
        case let .reachable(values, lowerIncluded, upperIncluded, printedValue)?:
            let valuePlaces = printedValue.decimals + 2
            func end(_ value: Double, _ included: Bool) -> String {
                display.format.decimal(value, places: valuePlaces) + (included ? "" : " (excluded)")
            }
            lines.append("    possible only if the unrounded value, printed "
                + "\(display.printed(printedValue, unit: mismatch.unit ?? .count)), lay between "
                + "\(end(values.lowerBound, lowerIncluded)) and \(end(values.upperBound, upperIncluded))")
        case let .unreachable(achievements, printedValue)?:
            lines.append("    no value printed as \(display.printed(printedValue, unit: mismatch.unit ?? .count)) "
                + "gives \(printed): such values give "
                + "\(display.format.percent(achievements.lowerBound, places: places)) to "
                + "\(display.format.percent(achievements.upperBound, places: places))")
        case let .followsFromPrintedChildren(value)?:
            lines.append("    it is what the printed achievements of its children give (\(display.format.percent(value, places: places))), "
                + "not the computed ones")
        case let .notFromPrintedChildren(value)?:
            lines.append("    the printed achievements of its children do not give it either: they give "
                + display.format.percent(value, places: places))
        case nil:
            break
        }
        return lines
    }

    private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)" + (number == 1 ? "" : "s") }
}
