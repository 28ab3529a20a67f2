import Statistics
import Store
import Surveys

extension SurveyQueries {
    /// One respondent-level accumulator per year, weighted to `staff` when given (else unweighted,
    /// with no weighting).
    public func accumulators(_ wavesByYear: [Int: [Wave]], codebook: Codebook, weightedTo staff: StaffCounts?,
                             missing: MissingStratumPolicy, minimumGroupSize: Int)
        throws -> (accumulators: [Int: WellbeingAccumulator], weighting: StaffWeighting?) {
        guard let staff else { return (try accumulators(wavesByYear, codebook: codebook), nil) }
        let (accumulators, weighting) = try weightedAccumulators(wavesByYear, codebook: codebook, staff: staff, missing: missing,
                                                                 minimumGroupSize: minimumGroupSize)
        return (accumulators, weighting)
    }

    /// One customer-satisfaction input per year, weighted to `staff` when given (else unweighted,
    /// with no weighting).
    public func satisfactionInputs(_ wavesByYear: [Int: [Wave]], codebook: Codebook, weightedTo staff: StaffCounts?,
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
    public func weightedAccumulators(_ wavesByYear: [Int: [Wave]], codebook: Codebook, staff: StaffCounts,
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
    public func weightedSatisfactionInputs(_ wavesByYear: [Int: [Wave]], codebook: Codebook, staff: StaffCounts,
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
    /// out (``MissingStratumPolicy/drop``) are not folded.
    func weightedPerYear<Result>(_ wavesByYear: [Int: [Wave]], codebook: Codebook, staff: StaffCounts, missing: MissingStratumPolicy,
                                 minimumGroupSize: Int, start: Result,
                                 _ add: (inout Result, UnsafeRawBufferPointer, UnsafeRawBufferPointer, Double) -> Void)
        throws -> ([Int: Result], StaffWeighting) {
        let question = codebook.demographics[staff.question]
        let codes = question.options.count + 1
        func code(_ demographics: UnsafeRawBufferPointer) -> Int {
            let code = staff.question < demographics.count ? Int(demographics[staff.question]) : 0
            return code < codes ? code : 0
        }
        var results: [Int: Result] = [:]
        var years: [StaffWeightingYear] = []
        for year in wavesByYear.keys.sorted() {
            let ids = wavesByYear[year]!.map(\.id)
            guard let counts = staff.counts(year: year) else {
                throw SurveyDataError("\(staff.path): no staff counts for \(year), a year with responses (the file gives "
                    + "\(staff.years.map(String.init).joined(separator: ", "))); every year compared must be weighted alike: add its rows")
            }
            var respondents = [Int](repeating: 0, count: codes)
            try store.forEachResponse(waves: ids) { _, demographics in respondents[code(demographics)] += 1 }
            let stratification: PostStratification
            do {
                stratification = try PostStratification(staff: counts, respondents: respondents, missing: missing)
            } catch {
                throw SurveyDataError(Self.message(error, year: year, staff: staff, question: question))
            }
            var result = start
            try store.forEachResponse(waves: ids) { answers, demographics in
                guard let weight = stratification.weights[code(demographics)] else { return }
                add(&result, answers, demographics, weight)
            }
            results[year] = result
            years.append(StaffWeightingYear(year: year, staff: counts, respondents: respondents, stratification: stratification,
                                            question: question, minimumGroupSize: minimumGroupSize))
        }
        return (results, StaffWeighting(question: question.code, missing: missing, minimumGroupSize: minimumGroupSize, years: years))
    }

    static func message(_ problem: PostStratificationProblem, year: Int, staff: StaffCounts, question: DemographicQuestion) -> String {
        let label = { (code: Int) in question.options[code - 1] }
        let line = { (code: Int) in staff.rows.first { $0.option == code && ($0.year == nil || $0.year == year) }?.line }
        switch problem {
        case .strataWithoutRespondents(let codes):
            let named = codes.map { code in "\(label(code))\(line(code).map { " (line \($0))" } ?? "")" }.joined(separator: ", ")
            return "\(staff.path): no respondent of \(year) is in the stratum \(named) of \(question.code): it cannot be weighted. "
                + "Merge it with a neighbouring stratum in the file (both the staff and the codebook option), or weight by another question"
        case .respondentsOutsideStrata(let notStated, let outside):
            var parts: [String] = []
            if notStated > 0 { parts.append("\(notStated) gave no answer to \(question.code)") }
            for (code, count) in outside.sorted(by: { $0.key < $1.key }) {
                parts.append("\(count) answered \(label(code)), a stratum \(staff.path) does not list")
            }
            return "\(staff.path): cannot weight \(year): of its respondents, \(parts.joined(separator: "; ")); no stratum covers them. "
                + "Add the missing strata to the file, or leave those respondents out of the weighted figures with --weights-missing drop"
        }
    }
}
