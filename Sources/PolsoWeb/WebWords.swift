import Reports

/// The pages' own labels in Italian and English (the figures' labels come from `Reports`).
package struct WebWords: Sendable {
    package let locale: DisplayLocale
    private var it: Bool { locale == .italian }

    package init(locale: DisplayLocale) { self.locale = locale }

    package func title(_ section: PageSection) -> String {
        switch section {
        case .home: it ? "Sintesi" : "Overview"
        case .importing: it ? "Importa" : "Import"
        case .wellbeing: it ? "Benessere organizzativo" : "Organisational wellbeing"
        case .satisfaction: it ? "Soddisfazione dell'utenza" : "Customer satisfaction"
        case .plans: it ? "Piani della performance" : "Performance plans"
        case .network: it ? "Confronto tra enti" : "Network benchmark"
        }
    }

    package func role(_ role: PageRole) -> String {
        switch role {
        case .administrator: it ? "amministratore" : "administrator"
        case .analyst: it ? "analista" : "analyst"
        case .reader: it ? "lettore" : "reader"
        }
    }

    var navigation: String { it ? "Sezioni" : "Sections" }
    var skip: String { it ? "Vai al contenuto" : "Skip to content" }
    var switchLanguage: String { it ? "English" : "Italiano" }
    var logout: String { it ? "Esci" : "Sign out" }
    var waves: String { it ? "Rilevazioni" : "Waves" }
    var noWaves: String { it ? "Nessuna rilevazione importata." : "No wave imported yet." }
    var survey: String { it ? "Indagine" : "Survey" }
    var year: String { it ? "Anno" : "Year" }
    var unit: String { it ? "Unità" : "Unit" }
    var wholeBody: String { it ? "intero ente" : "whole body" }
    var respondents: String { it ? "Rispondenti" : "Respondents" }
    var files: String { it ? "File" : "Files" }
    var submitted: String { it ? "Compilazione" : "Submitted" }
    var importedAt: String { it ? "importato il" : "imported" }
    var latest: String { it ? "Ultimi risultati" : "Latest figures" }
    var plans: String { it ? "Piani" : "Plans" }
    var noPlans: String { it ? "Nessun piano." : "No plan." }
    var achievement: String { it ? "Raggiungimento" : "Achievement" }
    var findings: String { it ? "Rilievi" : "Findings" }
    var unreadable: String { it ? "illeggibile" : "unreadable" }
    var positive: String { it ? "giudizi positivi" : "positive" }
    var pooled: String { it ? "tutti i servizi" : "all services" }
    var downloads: String { it ? "Scarica" : "Download" }
    var view: String { it ? "Vista" : "View" }
    var show: String { it ? "Mostra" : "Show" }
    var groupedBy: String { it ? "Suddividi per" : "Break down by" }
    var noBreakdown: String { it ? "nessuna suddivisione" : "no breakdown" }
    var yearOverYear: String { it ? "confronto tra anni" : "year over year" }
    var grouping: String { it ? "Righe" : "Rows" }
    var byService: String { it ? "per servizio" : "by service" }
    var byItem: String { it ? "per domanda" : "by item" }
    var service: String { it ? "Servizio" : "Service" }
    var allServices: String { it ? "tutti" : "all" }
    var file: String { it ? "File dell'esportazione (CSV o xlsx) o cartella di lavoro del piano" : "Export file (CSV or xlsx) or plan workbook" }
    var fileHint: String { it ? "Nulla viene salvato finché non confermi l'anteprima." : "Nothing is stored until you confirm the preview." }
    var kind: String { it ? "Contenuto" : "Content" }
    var surveyExport: String { it ? "esportazione di un'indagine" : "survey export" }
    var planWorkbook: String { it ? "piano (cartella di lavoro)" : "plan (workbook)" }
    var mapping: String { it ? "Mappatura delle colonne (facoltativa, YAML)" : "Column mapping (optional, YAML)" }
    var staff: String { it ? "Personale invitato (facoltativo)" : "Staff invited (optional)" }
    var preview: String { it ? "Anteprima" : "Preview" }
    var confirm: String { it ? "Conferma e salva" : "Confirm and store" }
    var cancel: String { it ? "Annulla" : "Cancel" }
    var checked: String { it ? "Controllo del file (nulla è stato salvato)" : "File check (nothing stored)" }
    var refused: String { it ? "Il file non può essere importato" : "The file cannot be imported" }
    var draftMapping: String { it ? "Scarica la bozza di mappatura, correggila e caricala con il file" : "Download the draft mapping, edit it and upload it with the file" }
    var stored: String { it ? "Importazione completata" : "Import complete" }
    var statistics: String { it ? "Statistiche come verranno salvate" : "Statistics as they would be stored" }
    var readOnly: String { it ? "Il tuo ruolo consente solo la lettura." : "Your role may only read." }
    var tree: String { it ? "Albero della performance" : "Performance tree" }
    var checks: String { it ? "Verifiche" : "Checks" }
    var noFindings: String { it ? "Nessun rilievo." : "No findings." }
    var push: String { it ? "Aggiorna i valori dalle indagini" : "Update the values from the surveys" }
    var pushPreview: String { it ? "Valori da aggiornare" : "Values to update" }
    var nothingToPush: String { it ? "Nessun valore cambia." : "No value changes." }
    var noSources: String { it ? "Nessun indicatore prende il valore da un'indagine." : "No indicator takes its value from a survey." }
    var before: String { it ? "Prima" : "Before" }
    var after: String { it ? "Dopo" : "After" }
    var indicator: String { it ? "Indicatore" : "Indicator" }
    var source: String { it ? "Fonte" : "Source" }
    var removed: String { it ? "tolto (il piano non lo prende più da un'indagine)" : "removed (the plan no longer takes it from a survey)" }
    var missing: String { it ? "Dati mancanti, registrati come n.d." : "Missing data, recorded as n.d." }
    var report: String { it ? "Relazione" : "Report" }
    var explanation: String { it ? "Come è calcolato" : "How it is computed" }
    var back: String { it ? "Torna al piano" : "Back to the plan" }
    var node: String { it ? "Nodo" : "Node" }
    var name: String { it ? "Nome" : "Name" }
    var weight: String { it ? "Peso" : "Weight" }
    var target: String { it ? "Target" : "Target" }
    var value: String { it ? "Valore" : "Value" }
    var band: String { it ? "Giudizio" : "Band" }
    var error: String { it ? "Errore" : "Error" }
    var pushed: String { it ? "Valori aggiornati" : "Values updated" }
}

extension WebWords {
    /// `Torna a Importa`.
    func back(to section: PageSection) -> String { (it ? "Torna a " : "Back to ") + title(section) }
}

extension WebWords {
    /// The heading of a page whose survey has no data yet.
    var noData: String { it ? "Nessun dato" : "No data" }
}

extension WebWords {
    /// What confirming a plan workbook does.
    func planStored(_ id: String, replaces: Bool) -> String {
        switch (it, replaces) {
        case (true, false): "Confermando, il piano sarà salvato come \(id)."
        case (true, true): "Confermando, il piano sostituirà il plan.yaml di \(id) (i valori già calcolati restano)."
        case (false, false): "Confirming stores the plan as \(id)."
        case (false, true): "Confirming replaces the plan.yaml of \(id) (the values already pushed stay)."
        }
    }
}
