import Foundation
import Statistics
import Store
import Surveys

/// Reads stored waves into what `Statistics` works on: the one place that chooses which waves
/// stand for a body's survey, year and unit.
package struct SurveyQueries {
    /// The store read.
    package let store: SurveyStore
    /// The code of the body whose waves are read: no query reads another body's.
    package let body: String

    /// Queries over one body's waves in a store.
    package init(store: SurveyStore, body: String) {
        self.store = store
        self.body = body
    }

    /// The waves used for an instrument and unit, grouped by year.
    ///
    /// With a unit: that unit's waves. Without: the whole-body waves when there are any for a
    /// year, else all of that year's unit waves pooled.
    package func wavesByYear(instrument: String, unit: String?) throws -> [Int: [Wave]] {
        let waves = try store.waves(body: body, instrument: instrument)
        guard !waves.isEmpty else {
            let of = try store.bodies().count > 1 ? " of body '\(body)'" : ""
            throw SurveyDataError("no waves of \(instrument)\(of) in \(store.path); import one first: polso import FILE --survey \(instrument) --year YYYY\(of.isEmpty ? "" : " --body \(body)")")
        }
        var result: [Int: [Wave]] = [:]
        for (year, yearWaves) in Dictionary(grouping: waves, by: \.year) {
            if let unit {
                let chosen = yearWaves.filter { $0.unit == unit }
                if !chosen.isEmpty { result[year] = chosen }
            } else {
                let whole = yearWaves.filter { $0.unit.isEmpty }
                result[year] = whole.isEmpty ? yearWaves : whole
            }
        }
        if let unit, result.isEmpty {
            let units = Set(waves.map(\.unit)).filter { !$0.isEmpty }.sorted()
            throw SurveyDataError("no waves of \(instrument) for unit '\(unit)'; units in the store: \(units.isEmpty ? "none" : units.joined(separator: ", "))")
        }
        return result
    }

    /// The codebook shared by the waves (they must all follow one version).
    package func codebook(for waves: [Wave]) throws -> Codebook {
        let versions = Set(waves.map(\.instrumentVersion))
        guard versions.count == 1, let first = waves.first else {
            throw SurveyDataError("the waves follow different codebook versions (\(versions.sorted().joined(separator: ", "))); compare them one version at a time")
        }
        let codebook = try store.codebook(instrument: first.instrument, version: first.instrumentVersion)
        for wave in waves {
            guard try store.itemCodes(wave: wave.id) == codebook.items.map(\.code) else {
                throw SurveyDataError("wave \(wave.year) stores items that do not match codebook \(first.instrument) \(first.instrumentVersion): "
                    + "the store is damaged or was changed by hand; remove the wave (\(WaveName(instrument: first.instrument, year: wave.year, unit: wave.unit, body: wave.body).removeCommand)) and import its file again")
            }
        }
        return codebook
    }
}

extension SurveyQueries {
    /// One answer tally per year, pooling the year's waves.
    package func tallies(_ wavesByYear: [Int: [Wave]], codebook: Codebook) throws -> [Int: WaveTally] {
        try perYear(wavesByYear, codebook: codebook, start: WaveTally(codebook: codebook)) { tally, answers, _ in tally.add(answers: answers) }
    }

    /// One respondent-level accumulator per year, pooling the year's waves. The covariances and
    /// pairwise sums are added on a second core (``CovariationWorker``), the same figures.
    package func accumulators(_ wavesByYear: [Int: [Wave]], codebook: Codebook,
                              batchRows: Int = CovariationWorker.batchRows) throws -> [Int: WellbeingAccumulator] {
        var result: [Int: WellbeingAccumulator] = [:]
        let points = codebook.answerPoints
        for (year, waves) in wavesByYear {
            var accumulator = WellbeingAccumulator(codebook: codebook)
            let worker = CovariationWorker(accumulator.covariation, rowLength: codebook.items.count, batchRows: batchRows)
            try store.forEachResponse(waves: waves.map(\.id), points: points) { answers, _ in
                accumulator.addIndexes(answers: answers)
                worker.add(answers)
            }
            accumulator.covariation = worker.finish()
            result[year] = accumulator
        }
        return result
    }

    /// Folds every respondent of each year's waves into a copy of `start`, one pass per year.
    func perYear<Result>(_ wavesByYear: [Int: [Wave]], codebook: Codebook, start: Result,
                         _ add: (inout Result, UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void) throws -> [Int: Result] {
        var result: [Int: Result] = [:]
        let points = codebook.answerPoints
        for (year, waves) in wavesByYear {
            var value = start
            try store.forEachResponse(waves: waves.map(\.id), points: points) { answers, demographics in add(&value, answers, demographics) }
            result[year] = value
        }
        return result
    }

    /// Staff invited per year, when every wave of the year knows it.
    package func staff(_ wavesByYear: [Int: [Wave]]) -> [Int: Int] {
        var result: [Int: Int] = [:]
        for (year, waves) in wavesByYear {
            let counts = waves.compactMap(\.staff)
            if counts.count == waves.count, !counts.isEmpty { result[year] = counts.reduce(0, +) }
        }
        return result
    }

    /// Tallies per group and year for a breakdown by a demographic question or by unit; a
    /// question's groups are named by its options in `language` (`it`, `en`) when the codebook has them,
    /// the last label being `nil`: the respondents who did not say.
    package func breakdownTallies(dimension: String, instrument: String, wavesByYear: [Int: [Wave]], codebook: Codebook,
                                 language: String? = nil) throws -> (labels: [String?], tallies: [Int: [WaveTally]]) {
        if dimension == "unit" {
            let waves = try store.waves(body: body, instrument: instrument).filter { !$0.unit.isEmpty && wavesByYear[$0.year] != nil }
            let units = Array(Set(waves.map(\.unit))).sorted()
            guard !units.isEmpty else {
                throw SurveyDataError("no unit waves of \(instrument): import files with --unit NAME to break down by unit")
            }
            var tallies: [Int: [WaveTally]] = [:]
            for year in wavesByYear.keys {
                tallies[year] = try units.map { unit in
                    var tally = WaveTally(codebook: codebook)
                    let ids = waves.filter { $0.year == year && $0.unit == unit }.map(\.id)
                    try store.forEachResponse(waves: ids, points: codebook.answerPoints) { answers, _ in tally.add(answers: answers) }
                    return tally
                }
            }
            return (units, tallies)
        }
        guard let question = codebook.demographics.firstIndex(where: { $0.code == dimension }) else {
            let known = (codebook.demographics.map(\.code) + ["unit"]).joined(separator: ", ")
            throw SurveyDataError("--by \(dimension): \(codebook.instrument) has no such demographic question; use one of: \(known)")
        }
        let options = codebook.demographics[question].options(language: language)
        let splits = try perYear(wavesByYear, codebook: codebook, start: DemographicTallies(codebook: codebook, question: question)) { split, answers, demographics in
            split.add(answers: answers, demographics: demographics)
        }
        // Groups: the options in order, then the respondents who did not say.
        let tallies = splits.mapValues { Array($0.byCode.dropFirst()) + [$0.tally(code: 0)] }
        return (options + [nil], tallies)
    }
}

extension SurveyQueries {
    /// One customer-satisfaction input per year, pooling the year's waves: answers split by
    /// service, planned services (the largest figure given) and users (summed over the waves).
    package func satisfactionInputs(_ wavesByYear: [Int: [Wave]], codebook: Codebook) throws -> [Int: SatisfactionYearInput] {
        let talliesByYear = try perYear(wavesByYear, codebook: codebook, start: try serviceTallies(codebook)) { tallies, answers, demographics in
            tallies.add(answers: answers, demographics: demographics)
        }
        return try satisfactionInputs(wavesByYear, tallies: talliesByYear)
    }

    /// Empty per-service tallies of a satisfaction codebook.
    func serviceTallies(_ codebook: Codebook) throws -> ServiceTallies {
        guard let empty = ServiceTallies(codebook: codebook) else {
            throw SurveyDataError("codebook \(codebook.instrument) \(codebook.version) is no customer-satisfaction questionnaire: it lacks the satisfaction: key (see docs/satisfaction.md)")
        }
        return empty
    }

    /// The inputs of `tallies` (one per year of `wavesByYear`) with the planned services and users
    /// given at import.
    func satisfactionInputs(_ wavesByYear: [Int: [Wave]], tallies talliesByYear: [Int: ServiceTallies]) throws -> [Int: SatisfactionYearInput] {
        var result: [Int: SatisfactionYearInput] = [:]
        for (year, waves) in wavesByYear {
            var input = SatisfactionYearInput(tallies: talliesByYear[year]!)
            for wave in waves {
                let counts = try store.serviceCounts(wave: wave.id)
                if let planned = counts.plannedServices { input.plannedServices = max(input.plannedServices ?? 0, planned) }
                input.users.merge(counts.users, uniquingKeysWith: +)
            }
            result[year] = input
        }
        return result
    }
}

extension Codebook {
    /// The scale points of each item, in stored order: an answer outside them that is no special
    /// code is a damaged store.
    var answerPoints: [ClosedRange<Int>] { items.indices.map { scale(ofItem: $0).points } }
}
