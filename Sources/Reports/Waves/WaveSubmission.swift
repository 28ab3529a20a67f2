/// When a wave's responses were submitted, or why that is not known, as the waves listing says it.
public enum WaveSubmission: Sendable, Equatable, Encodable {
    /// The first and last submission dates; `orderUnknown` when the export did not tell day/month
    /// order and the range covers both readings.
    case range(first: String, last: String, orderUnknown: Bool)
    /// The export stamped every date 1980-01-01 (an anonymised survey).
    case anonymised
    /// Imported before the store recorded dates (format 3).
    case notRecorded
    /// The export had a date column, but no date in it could be read.
    case unreadable
    /// The export had no submission-date column.
    case noDates

    /// The first date of a range.
    var first: String? { if case let .range(first, _, _) = self { first } else { nil } }
    /// The last date of a range.
    var last: String? { if case let .range(_, last, _) = self { last } else { nil } }

    /// A fixed English key for CSV and JSON.
    var kind: String {
        switch self {
        case let .range(_, _, orderUnknown): orderUnknown ? "range, day/month order unknown" : "range"
        case .anonymised: "anonymised"
        case .notRecorded: "not recorded"
        case .unreadable: "unreadable"
        case .noDates: "no dates"
        }
    }

    /// The listing's cell.
    func text(_ locale: DisplayLocale) -> String {
        let it = locale == .italian
        switch self {
        case let .range(first, last, orderUnknown):
            return (it ? "dal \(first) al \(last)" : "\(first) to \(last)")
                + (orderUnknown ? (it ? " (ordine giorno/mese ignoto)" : " (day/month order unknown)") : "")
        case .anonymised: return it ? "anonimizzato (1980-01-01)" : "anonymised (1980-01-01)"
        case .notRecorded: return it ? "non registrato (importato prima del formato 3)" : "not recorded (imported before store v3)"
        case .unreadable: return it ? "illeggibile" : "unreadable"
        case .noDates: return it ? "nessuna data nell'export" : "no dates in the export"
        }
    }

    private enum CodingKeys: String, CodingKey { case kind, first, last }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(first, forKey: .first)
        try container.encodeIfPresent(last, forKey: .last)
    }
}
