import Foundation
import Statistics
import Store
import Surveys

/// Reads stored waves into the tallies that `Statistics` works on.
struct SurveyQueries {
    let store: SurveyStore

    /// The waves used for an instrument and unit, grouped by year.
    ///
    /// With a unit: that unit's waves. Without: the whole-body waves when there are any for a
    /// year, else all of that year's unit waves pooled.
    func wavesByYear(instrument: String, unit: String?) throws -> [Int: [Wave]] {
        let waves = try store.waves(instrument: instrument)
        guard !waves.isEmpty else {
            throw PolsoFailure("no waves of \(instrument) in \(store.path); import one first: polso import FILE --survey \(instrument) --year YYYY")
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
            throw PolsoFailure("no waves of \(instrument) for unit '\(unit)'; units in the store: \(units.isEmpty ? "none" : units.joined(separator: ", "))")
        }
        return result
    }

    /// The codebook shared by the waves (they must all follow one version).
    func codebook(for waves: [Wave]) throws -> Codebook {
        let versions = Set(waves.map(\.instrumentVersion))
        guard versions.count == 1, let first = waves.first else {
            throw PolsoFailure("the waves follow different codebook versions (\(versions.sorted().joined(separator: ", "))); compare them one version at a time")
        }
        let codebook = try store.codebook(instrument: first.instrument, version: first.instrumentVersion)
        for wave in waves {
            guard try store.itemCodes(wave: wave.id) == codebook.items.map(\.code) else {
                throw PolsoFailure("wave \(wave.year) stores items that do not match codebook \(first.instrument) \(first.instrumentVersion)")
            }
        }
        return codebook
    }

    /// One tally per year, pooling the year's waves.
    func tallies(_ wavesByYear: [Int: [Wave]], codebook: Codebook) throws -> [Int: WaveTally] {
        var result: [Int: WaveTally] = [:]
        for (year, waves) in wavesByYear {
            var tally = WaveTally(codebook: codebook)
            try store.forEachResponse(waves: waves.map(\.id)) { answers, _ in tally.add(answers: answers) }
            result[year] = tally
        }
        return result
    }
}
