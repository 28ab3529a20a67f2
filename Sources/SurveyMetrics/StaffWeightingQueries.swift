import Statistics
import Store
import Surveys

extension SurveyQueries {
    /// One respondent-level accumulator per year, weighted to `staff` when given (else unweighted,
    /// with no weighting).
    package func accumulators(_ wavesByYear: [Int: [Wave]], codebook: Codebook, weightedTo staff: StaffCounts?,
                             missing: MissingStratumPolicy, minimumGroupSize: Int)
        throws -> (accumulators: [Int: WellbeingAccumulator], weighting: StaffWeighting?) {
        guard let staff else { return (try accumulators(wavesByYear, codebook: codebook), nil) }
        let (accumulators, weighting) = try weightedAccumulators(wavesByYear, codebook: codebook, staff: staff, missing: missing,
                                                                 minimumGroupSize: minimumGroupSize)
        return (accumulators, weighting)
    }

    /// One customer-satisfaction input per year, weighted to `staff` when given (else unweighted,
    /// with no weighting).
    package func satisfactionInputs(_ wavesByYear: [Int: [Wave]], codebook: Codebook, weightedTo staff: StaffCounts?,
                                   missing: MissingStratumPolicy, minimumGroupSize: Int)
        throws -> (inputs: [Int: SatisfactionYearInput], weighting: StaffWeighting?) {
        guard let staff else { return (try satisfactionInputs(wavesByYear, codebook: codebook), nil) }
        let (inputs, weighting) = try weightedSatisfactionInputs(wavesByYear, codebook: codebook, staff: staff, missing: missing,
                                                                 minimumGroupSize: minimumGroupSize)
        return (inputs, weighting)
    }

    /// One respondent-level accumulator per year as ``accumulators(_:codebook:)``, each respondent
    /// weighted to the staff composition of `staff` (``PostStratification``), with the weighting
    /// described for the reports (strata under `minimumGroupSize` respondents withheld).
    /// - Throws: ``SurveyDataError`` when a year has no staff counts, a stratum no respondent, or
    ///   (with ``MissingStratumPolicy/refuse``) respondents fall outside every stratum.
    func weightedAccumulators(_ wavesByYear: [Int: [Wave]], codebook: Codebook, staff: StaffCounts,
                                     missing: MissingStratumPolicy, minimumGroupSize: Int)
        throws -> (accumulators: [Int: WellbeingAccumulator], weighting: StaffWeighting) {
        try weightedPerYear(wavesByYear, codebook: codebook, staff: staff, missing: missing, minimumGroupSize: minimumGroupSize,
                            start: WellbeingAccumulator(codebook: codebook)) { accumulator, answers, _, weight in
            accumulator.add(answers: answers, weight: weight)
        }
    }

    /// One customer-satisfaction input per year as ``satisfactionInputs(_:codebook:)``, each response
    /// weighted to the population counts of `staff` (by service or another demographic question).
    /// - Throws: as ``weightedAccumulators(_:codebook:staff:missing:minimumGroupSize:)``.
    func weightedSatisfactionInputs(_ wavesByYear: [Int: [Wave]], codebook: Codebook, staff: StaffCounts,
                                           missing: MissingStratumPolicy, minimumGroupSize: Int)
        throws -> (inputs: [Int: SatisfactionYearInput], weighting: StaffWeighting) {
        let (tallies, weighting) = try weightedPerYear(wavesByYear, codebook: codebook, staff: staff, missing: missing,
                                                       minimumGroupSize: minimumGroupSize, start: try serviceTallies(codebook)) { tallies, answers, demographics, weight in
            tallies.add(answers: answers, demographics: demographics, weight: weight)
        }
        return (try satisfactionInputs(wavesByYear, tallies: tallies), weighting)
    }

    /// Folds every respondent of each year's waves into a copy of `start` with its weight, after a
    /// first pass that counts the respondents per stratum and sets the weights; respondents left
    /// out (``MissingStratumPolicy/drop``) are not folded. A respondent's stratum is its answer to
    /// the stratifying question, or with unit strata its wave's unit (a whole-body wave has none).
    func weightedPerYear<Result>(_ wavesByYear: [Int: [Wave]], codebook: Codebook, staff: StaffCounts, missing: MissingStratumPolicy,
                                 minimumGroupSize: Int, start: Result,
                                 _ add: (inout Result, UnsafeRawBufferPointer, UnsafeRawBufferPointer, Double) -> Void)
        throws -> ([Int: Result], StaffWeighting) {
        // Units the file does not list get codes after its strata, so that they can be counted and named.
        var labels = staff.strataLabels
        if staff.question == nil {
            for unit in wavesByYear.values.joined().map(\.unit) where !unit.isEmpty && !labels.contains(unit) { labels.append(unit) }
        }
        let codes = labels.count + 1
        func code(_ wave: Wave, _ demographics: UnsafeRawBufferPointer) -> Int {
            guard let question = staff.question else { return wave.unit.isEmpty ? 0 : labels.firstIndex(of: wave.unit)! + 1 }
            let code = question < demographics.count ? Int(demographics[question]) : 0
            return code < codes ? code : 0
        }
        var results: [Int: Result] = [:]
        var years: [StaffWeightingYear] = []
        let points = codebook.answerPoints
        for year in wavesByYear.keys.sorted() {
            let waves = wavesByYear[year]!
            guard let counts = staff.counts(year: year) else {
                throw SurveyDataError("\(staff.path): no staff counts for \(year), a year with responses (the file gives "
                    + "\(staff.years.map(String.init).joined(separator: ", "))); every year compared must be weighted alike: add its rows")
            }
            var respondents = [Int](repeating: 0, count: codes)
            for wave in waves {
                try store.forEachResponse(waves: [wave.id], points: points) { _, demographics in respondents[code(wave, demographics)] += 1 }
            }
            let stratification: PostStratification
            do {
                stratification = try PostStratification(staff: counts, respondents: respondents, missing: missing)
            } catch {
                throw SurveyDataError(Self.message(error, year: year, staff: staff, labels: labels))
            }
            if WeightingPrivacy(minimum: minimumGroupSize).revealsLeftOut(stratification) {
                throw SurveyDataError("\(staff.path): \(year): fewer than \(minimumGroupSize) respondents (the minimum group size) "
                    + "are outside the strata (no answer to the question, or an answer the staff counts do not list); "
                    + "leaving them out would reveal their number by subtraction from the year's respondents. "
                    + "Weight by a question they answered, add their stratum to the staff counts, or publish this year unweighted")
            }
            var result = start
            for wave in waves {
                try store.forEachResponse(waves: [wave.id], points: points) { answers, demographics in
                    guard let weight = stratification.weights[code(wave, demographics)] else { return }
                    add(&result, answers, demographics, weight)
                }
            }
            results[year] = result
            years.append(StaffWeightingYear(year: year, staff: counts, respondents: respondents, stratification: stratification,
                                            labels: labels, localizedLabels: staff.localizedStrataLabels, minimumGroupSize: minimumGroupSize))
        }
        return (results, StaffWeighting(question: staff.questionCode, missing: missing, minimumGroupSize: minimumGroupSize, years: years))
    }

    static func message(_ problem: PostStratificationProblem, year: Int, staff: StaffCounts, labels: [String]) -> String {
        let label = { (code: Int) in labels[code - 1] }
        let line = { (code: Int) in staff.rows.first { $0.option == code && ($0.year == nil || $0.year == year) }?.line }
        let units = staff.question == nil
        switch problem {
        case .strataWithoutRespondents(let codes):
            let named = codes.map { code in "\(label(code))\(line(code).map { " (line \($0))" } ?? "")" }.joined(separator: ", ")
            return "\(staff.path): no respondent of \(year) is in the stratum \(named) of \(staff.questionCode): it cannot be weighted. "
                + (units ? "Merge it with a neighbouring unit in the file (and import their waves under one --unit), or weight by a question"
                         : "Merge it with a neighbouring stratum in the file (both the staff and the codebook option), or weight by another question")
        case .respondentsOutsideStrata(let notStated, let outside):
            var parts: [String] = []
            if notStated > 0 {
                parts.append(units ? "\(notStated) are in whole-body waves, with no unit" : "\(notStated) gave no answer to \(staff.questionCode)")
            }
            for (code, count) in outside.sorted(by: { $0.key < $1.key }) {
                parts.append("\(count) \(units ? "are in unit" : "answered") \(label(code)), a stratum \(staff.path) does not list")
            }
            return "\(staff.path): cannot weight \(year): of its respondents, \(parts.joined(separator: "; ")); no stratum covers them. "
                + "Add the missing strata to the file, or leave those respondents out of the weighted figures with --weights-missing drop"
        }
    }
}
