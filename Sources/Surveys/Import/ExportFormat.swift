/// The survey tool an export comes from, recognised from its structure (see ``ExportLayout``).
public enum ExportFormat: String, Sendable, CaseIterable {
    /// LimeSurvey response export (CSV or the R data file).
    case limeSurvey = "LimeSurvey"
    /// Google Forms responses sheet saved as CSV.
    case googleForms = "Google Forms"
    /// Microsoft Forms responses saved as CSV.
    case microsoftForms = "Microsoft Forms"
    /// Qualtrics export (current, 2016 or legacy layout).
    case qualtrics = "Qualtrics"
    /// SurveyMonkey export (two header rows).
    case surveyMonkey = "SurveyMonkey"
    /// KoboToolbox export.
    case koboToolbox = "KoboToolbox"
    /// ODK Central or ODK Briefcase export.
    case odk = "ODK"
    /// Any other CSV with one header row.
    case plain = "plain CSV"

    /// Columns that hold response metadata, not answers, normalised with `TextKey.text`.
    static let metadataHeaders: [ExportFormat: Set<String>] = [
        .limeSurvey: ["id", "submitdate", "lastpage", "startlanguage", "seed", "token", "startdate", "datestamp",
                      "ipaddr", "refurl", "interviewtime", "firstname", "lastname", "email", "response id", "date submitted",
                      "last page", "start language", "date started", "date last action", "ip address", "referrer url",
                      "total time", "id della risposta", "data di invio", "data invio", "ultima pagina",
                      "lingua iniziale", "seme", "data di inizio", "data inizio", "data ultima azione",
                      "indirizzo ip", "url di provenienza", "tempo totale", "codice", "completed", "id risposta",
                      "data dell'ultima azione", "data di invio", "first name", "last name", "email address",
                      "access code", "nome", "cognome", "indirizzo email", "codice d'accesso"],
        .googleForms: ["timestamp", "informazioni cronologiche", "indirizzo email", "email address",
                       "punteggio", "score", "nome utente", "username"],
        .microsoftForms: ["id", "start time", "completion time", "email", "name", "last modified time",
                          "ora di inizio", "ora di completamento", "posta elettronica", "nome",
                          "ora dell'ultima modifica", "tempo di completamento"],
        .qualtrics: ["startdate", "enddate", "status", "ipaddress", "progress", "duration (in seconds)", "finished",
                     "recordeddate", "responseid", "responseset", "name", "emailaddress", "recipientlastname",
                     "recipientfirstname", "recipientemail", "externalreference", "externaldatareference",
                     "locationlatitude", "locationlongitude", "locationaccuracy", "distributionchannel", "userlanguage",
                     "q_recaptchascore", "q_relevantidduplicate"],
        .surveyMonkey: ["respondent id", "collector id", "start date", "end date", "ip address", "email address",
                        "first name", "last name", "custom data 1"],
        .koboToolbox: ["start", "end", "today", "deviceid", "username", "simserial", "subscriberid", "phonenumber",
                       "meta/instanceid", "__version__", "instanceid", "formhub/uuid"],
        .odk: ["start", "end", "today", "deviceid", "submissiondate", "meta-instanceid", "meta/instanceid", "meta:instanceid",
               "meta-instancename", "key", "submitterid", "submittername", "attachmentspresent", "attachmentsexpected",
               "status", "reviewstate", "edits", "formversion", "instanceid"],
    ]

    /// Timing columns of LimeSurvey exports, by code and in the text heading modes (English, Italian).
    static let limeSurveyTimingPrefixes = ["grouptime", "questiontime", "group time", "question time",
                                           "tempo per il gruppo", "tempo per la domanda"]

    /// Whether a header names a metadata column of this tool (of any tool for a plain CSV).
    /// Names starting with `_` are metadata in KoboToolbox files only.
    static func isMetadata(_ header: String, format: ExportFormat) -> Bool {
        let key = TextKey.text(header)
        if key.isEmpty { return false }
        switch format {
        case .koboToolbox where key.hasPrefix("_"): return true
        case .limeSurvey where limeSurveyTimingPrefixes.contains(where: key.hasPrefix): return true
        case .plain: return metadataHeaders.values.contains { $0.contains(key) }
        default: return metadataHeaders[format]?.contains(key) ?? false
        }
    }
}
