import Performance
import PolsoYAML

/// An indicator's `source:`: the survey metric that gives it its value.
///
/// ```yaml
/// source:
///   survey: anac-2013                 # instrument id in the store
///   metric: synthesis-ratio           # see SurveySource.Metric
///   block: benessere_organizzativo    # block metrics
///   year: 2016                        # default: the plan's year
/// ```
struct SourceEntry: Decodable {
    let source: SurveySource

    enum CodingKeys: String, CodingKey, CaseIterable {
        case survey, metric, block, section, service, item, year, unit
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let metricText = try container.decode(String.self, forKey: .metric)
        guard let metric = SurveySource.Metric(rawValue: metricText) else {
            throw container.corrupted(.metric, "unknown metric '\(metricText)'; expected one of: "
                + SurveySource.Metric.allCases.map(\.rawValue).joined(separator: ", "))
        }
        source = SurveySource(
            survey: try container.decode(String.self, forKey: .survey), metric: metric,
            block: try container.decodeIfPresent(String.self, forKey: .block),
            section: try container.decodeIfPresent(String.self, forKey: .section),
            service: try container.decodeIfPresent(String.self, forKey: .service),
            item: try container.decodeIfPresent(String.self, forKey: .item),
            year: try container.decodeIfPresent(Int.self, forKey: .year),
            unit: try container.decodeIfPresent(String.self, forKey: .unit))
        switch metric {
        case .blockMean, .synthesisRatio:
            guard source.block != nil else { throw container.corrupted(.metric, "metric \(metric.rawValue) needs 'block:' (a block id of the codebook)") }
        case .sectionMean:
            guard source.section != nil else { throw container.corrupted(.metric, "metric section-mean needs 'section:' (a section code)") }
        default:
            break
        }
    }
}
