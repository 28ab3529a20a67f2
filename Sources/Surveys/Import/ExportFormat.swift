/// The survey tool an export comes from, recognised from its header.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// LimeSurvey response export.
    case limeSurvey = "LimeSurvey"
    /// Google Forms responses sheet saved as CSV.
    case googleForms = "Google Forms"
    /// Microsoft Forms responses saved as CSV.
    case microsoftForms = "Microsoft Forms"
    /// Qualtrics export (three header rows, or two in older exports).
    case qualtrics = "Qualtrics"
    /// KoboToolbox or ODK export.
    case koboToolbox = "KoboToolbox"
    /// Any other CSV with one header row.
    case plain = "plain CSV"

    /// Columns that hold response metadata, not answers, normalised with `TextKey.text`.
    static let metadataHeaders: [ExportFormat: Set<String>] = [
        .limeSurvey: ["id", "submitdate", "lastpage", "startlanguage", "seed", "token", "startdate", "datestamp",
                      "ipaddr", "refurl", "interviewtime", "response id", "date submitted", "last page",
                      "start language", "date started", "date last action", "ip address", "referrer url",
                      "total time", "id della risposta", "data di invio", "data invio", "ultima pagina",
                      "lingua iniziale", "seme", "data di inizio", "data inizio", "data ultima azione",
                      "indirizzo ip", "url di provenienza", "tempo totale", "codice", "completed"],
        .googleForms: ["timestamp", "informazioni cronologiche", "indirizzo email", "email address",
                       "punteggio", "score", "nome utente", "username"],
        .microsoftForms: ["id", "start time", "completion time", "email", "name", "last modified time",
                          "ora di inizio", "ora di completamento", "posta elettronica", "nome",
                          "ora dell'ultima modifica", "tempo di completamento"],
        .qualtrics: ["startdate", "enddate", "status", "ipaddress", "progress", "duration (in seconds)", "finished",
                     "recordeddate", "responseid", "recipientlastname", "recipientfirstname", "recipientemail",
                     "externalreference", "externaldatareference", "locationlatitude", "locationlongitude",
                     "distributionchannel", "userlanguage", "q_recaptchascore", "q_relevantidduplicate"],
        .koboToolbox: ["start", "end", "today", "deviceid", "username", "simserial", "subscriberid", "phonenumber",
                       "meta/instanceid", "meta-instanceid", "submissiondate", "key", "__version__", "instanceid",
                       "formhub/uuid"],
    ]

    /// Recognises the format from the first header row (normalised).
    static func detect(headers: [String]) -> ExportFormat {
        let keys = Set(headers.map(TextKey.text))
        if keys.contains("responseid") || (keys.contains("startdate") && keys.contains("recordeddate")) { return .qualtrics }
        if keys.contains("_uuid") || keys.contains("_submission_time") || keys.contains("meta/instanceid")
            || keys.contains("meta-instanceid") { return .koboToolbox }
        if keys.contains("submitdate") || keys.contains("lastpage") || keys.contains("startlanguage")
            || keys.contains("data di invio") || keys.contains("date submitted")
            || headers.contains(where: { $0.contains("[SQ") }) { return .limeSurvey }
        if keys.contains("informazioni cronologiche") || keys.contains("timestamp") { return .googleForms }
        if keys.contains("completion time") || keys.contains("ora di completamento") || keys.contains("start time") {
            return .microsoftForms
        }
        return .plain
    }

    /// Whether a header names a metadata column of any known tool.
    static func isMetadata(_ header: String) -> Bool {
        let key = TextKey.text(header)
        if key.isEmpty { return false }
        if key.hasPrefix("_") || key.hasPrefix("grouptime") || key.hasPrefix("questiontime") { return true }
        return metadataHeaders.values.contains { $0.contains(key) }
    }
}
