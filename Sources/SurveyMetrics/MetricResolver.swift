import Performance
import Statistics
import Store
import Surveys

/// Computes the survey metrics that plan indicators name (`source:`) from the stored responses:
/// the one place where a survey statistic becomes an indicator value. It reads the store only
/// through ``SurveyQueries``.
package struct MetricResolver {
    /// The store's queries.
    package let queries: SurveyQueries

    /// A resolver over one body's waves in a store.
    package init(store: SurveyStore, body: String) {
        queries = SurveyQueries(store: store, body: body)
    }

    /// The value of `source` for the indicator at `path` of a plan of year `planYear`, with the
    /// waves and files (SHA-256) it rests on.
    /// - Throws: ``SurveyDataError`` naming the indicator and what is missing (a wave, a block…);
    ///   `StoreError` naming the indicator, the store and the record when a stored record is
    ///   damaged (a value is never returned without its provenance).
    package func resolve(_ source: SurveySource, path: NodePath, planYear: Int) throws -> SurveyMeasurement {
        let year = source.year ?? planYear
        do {
            switch source.metric {
            case .blockMean, .sectionMean, .synthesisRatio:
                return try wellbeing(source, year: year)
            case .responseRate:
                return try responseRate(source, year: year)
            case .percentPositive, .meanJudgment, .netPromoterScore, .coverage:
                return try satisfaction(source, year: year)
            }
        } catch let error as SurveyDataError {
            throw SurveyDataError("indicator \(path): \(source): \(error.message)")
        } catch let error as StoreError {
            throw StoreError("indicator \(path): \(source): \(error.message)")
        }
    }

    /// The measurement that stands for a metric whose data are missing (`--allow-missing`).
    package func notAvailable(_ source: SurveySource, planYear: Int) -> SurveyMeasurement {
        SurveyMeasurement(source: source, key: SourceKey(source, planYear: planYear), figure: .notAvailable, waves: [], files: [])
    }

    // MARK: - Wellbeing

    private func wellbeing(_ source: SurveySource, year: Int) throws -> SurveyMeasurement {
        let years = source.metric == .synthesisRatio ? [year - 1, year] : [year]
        let waves = try waves(source, years: years)
        let codebook = try queries.codebook(for: waves.values.flatMap { $0 })
        let minimum = Breakdown.defaultMinimumGroupSize
        // A unit's figure is published only where `--by unit` would show it.
        let unitWithheld = try source.unit.map { try queries.unitWithholding($0, instrument: source.survey, years: years, minimum: minimum) } ?? [:]
        let table = YearOverYear(codebook: codebook, tallies: try queries.tallies(waves, codebook: codebook))
            .withholdingSmallCells(minimum: minimum, sections: unitWithheld)
        func requireShown(_ values: [YearValue], _ what: String) throws {
            func years(_ reason: SuppressionReason) -> String {
                values.filter { $0.withholding == reason }.map { String($0.year) }.joined(separator: ", ")
            }
            let small = years(.fewerThanMinimum), protecting = years(.complementary)
            if !small.isEmpty {
                throw SurveyDataError("\(what) rests on fewer than \(minimum) respondents in \(small), "
                                      + "and Polso never publishes such a figure")
            }
            if !protecting.isEmpty {
                throw SurveyDataError("\(what) is withheld in \(protecting), as `--by unit` withholds it, so that a smaller group "
                                      + "cannot be worked out from it by subtraction, and Polso never publishes such a figure")
            }
        }
        let value: Double
        switch source.metric {
        case .sectionMean:
            guard let section = table.blocks.flatMap(\.sections).first(where: { $0.code == source.section }) else {
                throw SurveyDataError("\(codebook.instrument) has no section '\(source.section ?? "")'; sections: "
                                      + table.blocks.flatMap(\.sections).map(\.code).joined(separator: ", "))
            }
            try requireShown(section.values, "section \(section.code)")
            guard let mean = section.values[0].mean else { throw SurveyDataError("nobody answered section \(section.code) in \(year)") }
            value = mean
        default:
            guard let block = table.blocks.first(where: { $0.id == source.block }) else {
                throw SurveyDataError("\(codebook.instrument) has no block '\(source.block ?? "")'; blocks: "
                                      + table.blocks.map(\.id).joined(separator: ", "))
            }
            guard block.inSynthesis else { throw SurveyDataError("block \(block.id) is outside synthesis scores (importance): it has no MEDIA") }
            try requireShown(block.values, "the MEDIA of block \(block.id)")
            let means = block.values.map(\.mean)
            guard let current = means.last ?? nil else { throw SurveyDataError("block \(block.id) has no answers in \(year)") }
            if source.metric == .synthesisRatio {
                // The ratio the wellbeing table prints (YearOverYear), never a second computation of it.
                guard let last = block.values.last, last.previousYear == year - 1, let ratio = last.ratio else {
                    throw SurveyDataError("block \(block.id) has no answers in \(year - 1)")
                }
                value = ratio
            } else {
                value = current
            }
        }
        return try measurement(source, year: year, figure: .computed(value), waves: waves)
    }

    private func responseRate(_ source: SurveySource, year: Int) throws -> SurveyMeasurement {
        let waves = try waves(source, years: [year])
        let yearWaves = waves[year] ?? []
        let staff = yearWaves.compactMap(\.staff)
        guard staff.count == yearWaves.count, !staff.isEmpty else {
            if try source.service != nil || !queries.serviceUsers(wave: yearWaves[0]).isEmpty {
                return try satisfactionResponseRate(source, year: year, waves: waves)
            }
            throw SurveyDataError("the \(year) wave has no count of staff or users invited; import it again with --staff N (or --users N)")
        }
        let respondents = yearWaves.map(\.respondents).reduce(0, +)
        guard respondents >= Breakdown.defaultMinimumGroupSize else {
            throw SurveyDataError("the response rate of \(year) rests on fewer than \(Breakdown.defaultMinimumGroupSize) respondents, "
                                  + "and Polso never publishes such a figure")
        }
        return try measurement(source, year: year, figure: .counts(numerator: respondents, denominator: staff.reduce(0, +)), waves: waves)
    }

    // MARK: - Shared

    /// The waves of the years asked, or an error naming the first missing one.
    func waves(_ source: SurveySource, years: [Int]) throws -> [Int: [Wave]] {
        let all = try queries.wavesByYear(instrument: source.survey, unit: source.unit)
        if let unit = source.unit {
            _ = try queries.unitWithholding(unit, instrument: source.survey, years: years.filter { all[$0] != nil },
                                            minimum: Breakdown.defaultMinimumGroupSize)
        }
        var chosen: [Int: [Wave]] = [:]
        for year in years {
            guard let waves = all[year] else {
                let unit = source.unit.map { " unit '\($0)'" } ?? ""
                throw SurveyDataError("missing wave \(source.survey) \(year)\(unit) (stored: \(all.keys.sorted().map(String.init).joined(separator: ", ")))")
            }
            chosen[year] = waves
        }
        return chosen
    }

    /// The figure with the waves and files it rests on; a wave whose import record is missing or
    /// damaged is an error, never a value without its provenance.
    func measurement(_ source: SurveySource, year: Int, figure: SurveyMeasurement.Figure, waves: [Int: [Wave]]) throws -> SurveyMeasurement {
        // A wave's respondents are a group's size: withheld as a breakdown of the year's waves would be,
        // and a unit's waves as `--by unit` withholds the unit.
        let minimum = Breakdown.defaultMinimumGroupSize
        var used: [SurveyMeasurement.WaveUsed] = []
        var files: [SurveyMeasurement.FileUsed] = []
        for year in waves.keys.sorted(by: >) {
            let yearWaves = waves[year] ?? []
            let hidden = SmallGroupSuppression.suppressed(sizes: yearWaves.map(\.respondents), minimum: minimum)
                .union(source.unit == nil ? try unitsWithheld(source.survey, year: year, waves: yearWaves, minimum: minimum) : [])
            for (index, wave) in yearWaves.enumerated() {
                used.append(.init(year: wave.year, unit: wave.unit, respondents: hidden.contains(index) ? nil : wave.respondents))
                files += try queries.files(of: wave)
            }
        }
        return SurveyMeasurement(source: source, key: SourceKey(source, planYear: year), figure: figure, waves: used, files: files)
    }

    /// Of the waves standing for a year's whole body, those of units that `--by unit` hides
    /// (planned with every other breakdown dimension); all of them when there is no such plan.
    /// None when the whole body has its own waves.
    /// - Throws: what reading the waves throws (a damaged store is an error, not a reason to withhold).
    func unitsWithheld(_ survey: String, year: Int, waves: [Wave], minimum: Int) throws -> Set<Int> {
        guard waves.contains(where: { !$0.unit.isEmpty }) else { return [] }
        let units = Array(Set(waves.map(\.unit))).sorted()
        let codebook = try queries.codebook(for: waves)
        guard let plan = try queries.breakdownSuppression(dimension: "unit", instrument: survey, wavesByYear: [year: waves],
                                                          codebook: codebook, minimum: minimum)
        else { return Set(waves.indices) }
        return Set(waves.indices.filter { plan.hides(year: year, group: units.firstIndex(of: waves[$0].unit)!) })
    }
}
