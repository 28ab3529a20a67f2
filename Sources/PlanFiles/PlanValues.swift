import Foundation
import Performance
import PolsoYAML

/// The values file that `polso push` writes beside a plan (`values.yaml`): one entry per
/// indicator whose plan entry has a `source:`, with the computed value and its provenance.
///
/// The plan stays as the user wrote it; reading a plan applies the values whose source still
/// matches the plan's (`PlanFile.load`). An entry for a source that changed since the push is
/// ignored, and the indicator reads as not computed until the next push.
public struct PlanValues: Sendable, Equatable, Codable {
    /// The file name, beside `plan.yaml`.
    package static let fileName = "values.yaml"

    /// One pushed value.
    public struct Entry: Sendable, Equatable, Codable {
        /// The indicator's path in the plan (`D1/D1.3`).
        public var path: String
        /// The source as described in the plan, for display.
        public var source: String
        /// What the value was computed from, field by field: it applies to the plan's indicator
        /// only while the key still matches its `source:`. Absent in files written before keys
        /// existed (the description is compared instead); the next push adds it.
        public var key: SourceKey?
        /// A computed value (means, ratios of means), unrounded.
        public var value: Double?
        /// A ratio of counts: numerator…
        public var numerator: Int?
        /// …and denominator (the value is numerator / denominator, × 100 for `%`).
        public var denominator: Int?
        /// The survey data were missing and `--allow-missing` made the value n.d.
        public var notAvailable: Bool?
        /// The instrument.
        public var survey: String
        /// The waves used, e.g. `2016 (124 respondents)`.
        public var waves: [String]
        /// The imported files behind those waves.
        public var files: [File]
        /// When the value was computed (ISO 8601, UTC).
        public var computedAt: String

        /// An entry.
        package init(path: String, source: String, key: SourceKey? = nil, value: Double? = nil, numerator: Int? = nil, denominator: Int? = nil,
                    notAvailable: Bool? = nil, survey: String, waves: [String], files: [File], computedAt: String) {
            self.path = path
            self.source = source
            self.key = key
            self.value = value
            self.numerator = numerator
            self.denominator = denominator
            self.notAvailable = notAvailable
            self.survey = survey
            self.waves = waves
            self.files = files
            self.computedAt = computedAt
        }

        enum CodingKeys: String, CodingKey {
            case path, source, key, value, numerator, denominator, notAvailable = "not_available", survey, waves, files
            case computedAt = "computed_at"
        }

        /// Decodes an entry; `value` may be written as a number or as text.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            path = try container.decode(String.self, forKey: .path)
            source = try container.decode(String.self, forKey: .source)
            key = try container.decodeIfPresent(SourceKey.self, forKey: .key)
            if let number = try? container.decodeIfPresent(Double.self, forKey: .value) {
                value = number
            } else if let text = try container.decodeIfPresent(String.self, forKey: .value) {
                guard let number = Double(text) else {
                    throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: "'\(text)' is not a number")
                }
                value = number
            } else {
                value = nil
            }
            numerator = try container.decodeIfPresent(Int.self, forKey: .numerator)
            denominator = try container.decodeIfPresent(Int.self, forKey: .denominator)
            notAvailable = try container.decodeIfPresent(Bool.self, forKey: .notAvailable)
            survey = try container.decode(String.self, forKey: .survey)
            waves = try container.decode([String].self, forKey: .waves)
            files = try container.decode([File].self, forKey: .files)
            computedAt = try container.decode(String.self, forKey: .computedAt)
        }

        /// Encodes an entry; `value` is written as text in its shortest exact form, because YAML
        /// encoders round doubles to 15 digits.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(source, forKey: .source)
            try container.encodeIfPresent(key, forKey: .key)
            try container.encodeIfPresent(value.map { "\($0)" }, forKey: .value)
            try container.encodeIfPresent(numerator, forKey: .numerator)
            try container.encodeIfPresent(denominator, forKey: .denominator)
            try container.encodeIfPresent(notAvailable, forKey: .notAvailable)
            try container.encode(survey, forKey: .survey)
            try container.encode(waves, forKey: .waves)
            try container.encode(files, forKey: .files)
            try container.encode(computedAt, forKey: .computedAt)
        }

        /// The entry of a measurement of the indicator at `path`, computed at `computedAt` (ISO 8601, UTC).
        package init(path: String, measurement: SurveyMeasurement, computedAt: String) {
            var value: Double?, numerator: Int?, denominator: Int?, notAvailable: Bool?
            switch measurement.figure {
            case let .counts(top, bottom): (numerator, denominator) = (top, bottom)
            case let .computed(number): value = number
            case .notAvailable: notAvailable = true
            }
            self.init(path: path, source: measurement.source.description, key: measurement.key, value: value, numerator: numerator,
                      denominator: denominator, notAvailable: notAvailable, survey: measurement.source.survey,
                      waves: measurement.waves.map { "\($0.year)\($0.unit.isEmpty ? "" : " \($0.unit)") (\($0.respondents.map { "\($0) respondents" } ?? "respondents withheld"))" },
                      files: measurement.files, computedAt: computedAt)
        }

        /// The same figure from the same data: key, figure, waves and files' SHA-256 compared field
        /// by field; the description and the computation time are display only.
        package func isSameResult(as other: Entry) -> Bool {
            var copy = other
            copy.computedAt = computedAt
            copy.source = source
            return copy == self
        }

        /// The same figure from the same data, but written before source keys existed: a push
        /// rewrites it with its key and keeps its time.
        package func isUnkeyedCopy(of keyed: Entry) -> Bool {
            guard key == nil, keyed.key != nil, source == keyed.source else { return false }
            var copy = self
            copy.key = keyed.key
            return copy.isSameResult(as: keyed)
        }

        /// Whether the value still answers the plan's `source:` for a plan of year `planYear`.
        package func applies(to source: SurveySource, planYear: Int) -> Bool {
            guard let key else { return self.source == source.description }
            return key.differences(from: SourceKey(source, planYear: planYear)).isEmpty
        }

        /// The value the scoring engine reads.
        public var measured: MeasuredValue {
            if notAvailable == true { return .notAvailable }
            if let numerator, let denominator { return .ratio(numerator: PrintedNumber(numerator), denominator: PrintedNumber(denominator)) }
            return value.map(MeasuredValue.computed) ?? .notAvailable
        }

        /// Survey, waves, files and time.
        public var provenance: Phrase {
            let fileList = files.map { "\($0.name) (sha-256 \($0.sha256.prefix(12))…)" }.joined(separator: ", ")
            return Phrase("provenance.reading", survey, waves.joined(separator: ", "), fileList, computedAt)
        }
    }

    /// An imported file behind a value (`name`, `sha256`).
    public typealias File = SurveyMeasurement.FileUsed

    /// The entries, in plan order.
    public var values: [Entry]

    /// A values file.
    package init(values: [Entry]) { self.values = values }

    /// The values file beside the plan named by `planPath`.
    package static func path(forPlan planPath: String) -> String {
        (PlanFile.resolve(planPath) as NSString).deletingLastPathComponent.appending("/\(fileName)")
    }

    /// Reads the values file beside a plan; an absent file has no values.
    package static func load(forPlan planPath: String) throws -> PlanValues {
        let path = path(forPlan: planPath)
        guard FileManager.default.fileExists(atPath: path) else { return PlanValues(values: []) }
        return try YAMLFile.load(PlanValues.self, path: path)
    }

    /// The file's text, with a header saying what it is.
    package func yaml() throws -> String {
        """
        # Written by `polso push`: the values of the indicators that take them from a survey
        # (`source:` in plan.yaml), with where they came from. Edit the plan, not this file.

        """ + (try YAMLFile.encode(self))
    }

    /// Writes the file beside the plan, atomically.
    package func write(forPlan planPath: String) throws {
        try Data(try yaml().utf8).write(to: URL(fileURLWithPath: Self.path(forPlan: planPath)), options: .atomic)
    }

    /// The plan with every survey-sourced indicator given its pushed value, when the entry's
    /// source still matches.
    package func applied(to plan: Plan) -> Plan {
        var plan = plan
        let year = plan.year
        let byPath = Dictionary(values.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        func apply(_ node: inout PlanNode, at path: NodePath) {
            let segments = node.segments
            for index in node.indicators.indices {
                guard case let .survey(source, _) = node.indicators[index].source,
                      let entry = byPath[path.appending(segments.indicators[index]).description],
                      entry.applies(to: source, planYear: year) else { continue }
                node.indicators[index].source = .survey(source, SurveyReading(value: entry.measured, provenance: entry.provenance))
            }
            for index in node.children.indices {
                apply(&node.children[index], at: path.appending(segments.children[index]))
            }
        }
        apply(&plan.root, at: NodePath())
        return plan
    }
}
