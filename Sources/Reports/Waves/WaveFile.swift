import Foundation
import Surveys

/// One file of a wave's import log as the waves listing shows it (`polso waves list --files`).
package struct WaveFile: Sendable, Equatable, Encodable {
    /// The file's name as given at import.
    package var name: String
    /// Respondents stored from it.
    package var respondents: Int
    /// `csv` or `xlsx`.
    package var format: String
    /// Its SHA-256, hexadecimal.
    package var sha256: String
    /// When it was imported (ISO 8601).
    package var importedAt: String
    /// Whether the store recorded its id and date columns (format 3 on).
    package var identityRecorded: Bool
    /// The respondent-id column, if any.
    package var idColumn: String?
    /// The submission-date column, if any.
    package var dateColumn: String?
    /// The first and last submission dates read.
    package var firstSubmitted: String?
    package var lastSubmitted: String?
    /// How day and month were told apart (``SubmissionDates/DayMonthOrder``'s raw value).
    package var dayMonthOrder: String?
    /// Dates read, anonymised (1980-01-01) and unreadable.
    package var datesRead: Int
    package var datesAnonymised: Int
    package var datesUnreadable: Int

    /// A file of the import log.
    package init(name: String, respondents: Int, format: String, sha256: String, importedAt: String, identityRecorded: Bool,
                 idColumn: String?, dateColumn: String?, firstSubmitted: String?, lastSubmitted: String?, dayMonthOrder: String?,
                 datesRead: Int, datesAnonymised: Int, datesUnreadable: Int) {
        self.name = name
        self.respondents = respondents
        self.format = format
        self.sha256 = sha256
        self.importedAt = importedAt
        self.identityRecorded = identityRecorded
        self.idColumn = idColumn
        self.dateColumn = dateColumn
        self.firstSubmitted = firstSubmitted
        self.lastSubmitted = lastSubmitted
        self.dayMonthOrder = dayMonthOrder
        self.datesRead = datesRead
        self.datesAnonymised = datesAnonymised
        self.datesUnreadable = datesUnreadable
    }

    /// The name without its folder, as the table's files column shows it.
    var shortName: String { URL(fileURLWithPath: name).lastPathComponent }

    /// `sat.csv 120 respondents, csv, sha-256 …, 2026-…, ids from "id", submitted … (…)`.
    func line(_ locale: DisplayLocale) -> String {
        let it = locale == .italian
        let format = NumberFormat(locale: locale)
        func counted(_ number: Int, _ one: String, _ many: String) -> String { "\(format.integer(number)) " + (number == 1 ? one : many) }
        var text = "\(name) " + (it ? counted(respondents, "rispondente", "rispondenti") : counted(respondents, "respondent", "respondents"))
            + ", \(self.format), sha-256 \(sha256), " + (it ? "importato " : "") + importedAt
        guard identityRecorded else {
            return text + (it ? ", id e date non registrati (importato prima del formato 3)" : ", ids and dates not recorded (imported before store v3)")
        }
        if let idColumn { text += it ? ", id da \"\(idColumn)\"" : ", ids from \"\(idColumn)\"" }
        guard let dateColumn else { return text + (it ? ", nessuna data di compilazione" : ", no submission dates") }
        if let firstSubmitted, let lastSubmitted {
            text += it ? ", compilato dal \(firstSubmitted) al \(lastSubmitted) (\(counted(datesRead, "data", "date")) da \"\(dateColumn)\""
                : ", submitted \(firstSubmitted) to \(lastSubmitted) (\(counted(datesRead, "date", "dates")) from \"\(dateColumn)\""
            switch dayMonthOrder.flatMap(SubmissionDates.DayMonthOrder.init(rawValue:)) {
            case .dayFirst?: text += it ? ", lette con il giorno prima del mese" : ", read day first"
            case .monthFirst?: text += it ? ", lette con il mese prima del giorno" : ", read month first"
            case .unknown?: text += it ? ", ordine giorno/mese ignoto: l'intervallo copre entrambe le letture"
                : ", day/month order unknown: the range covers both readings"
            default: break
            }
            text += ")"
        }
        if datesAnonymised > 0 { text += ", " + (it ? counted(datesAnonymised, "data anonimizzata", "date anonimizzate") : counted(datesAnonymised, "anonymised date", "anonymised dates")) }
        if datesUnreadable > 0 { text += ", " + (it ? counted(datesUnreadable, "data illeggibile", "date illeggibili") : counted(datesUnreadable, "unreadable date", "unreadable dates")) }
        return text
    }
}
