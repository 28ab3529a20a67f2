import Foundation

/// One column of the plan sheet: the key of a node's or indicator's YAML mapping it holds, and
/// the headers that name it (English and Italian; others accepted on import).
struct PlanColumn: Equatable, Sendable {
    /// The English header, which is also the column's identity.
    let english: String
    /// The Italian header written by an Italian export.
    let italian: String
    /// Further headers accepted on import.
    let aliases: [String]
    /// The key path inside the node's mapping (`printed`, `value`), or empty for the layout's own
    /// columns (shared, path, parent).
    let keyPath: [String]
    /// Whether its cells are numbers as printed, written as number cells when that loses nothing.
    let numeric: Bool
    /// Width in characters.
    let width: Double

    init(_ english: String, _ italian: String, _ keyPath: [String], numeric: Bool = false, width: Double = 12, aliases: [String] = []) {
        self.english = english
        self.italian = italian
        self.keyPath = keyPath
        self.numeric = numeric
        self.width = width
        self.aliases = aliases
    }

    func header(italian: Bool) -> String { italian ? self.italian : english }

    static let shared = PlanColumn("shared", "Condiviso", [], width: 10)
    static let path = PlanColumn("path", "Percorso", [], width: 24)
    static let parent = PlanColumn("parent", "Padre", [], width: 16, aliases: ["parent code", "codice padre"])
    static let kind = PlanColumn("kind", "Tipo", ["kind"], width: 12, aliases: ["livello", "level"])
    static let code = PlanColumn("code", "Codice", ["code"], width: 12, aliases: ["cod"])
    static let ref = PlanColumn("ref", "Rif", ["ref"], width: 10, aliases: ["riferimento", "shared node", "nodo condiviso"])

    /// Every column, in the order an export writes them.
    static let all: [PlanColumn] = [
        shared, path, parent, kind, code, ref,
        PlanColumn("name", "Nome", ["name"], width: 40,
                   aliases: ["obiettivo", "indicatore", "descrizione", "denominazione", "objective", "indicator"]),
        PlanColumn("weight", "Peso", ["weight"], numeric: true, width: 8, aliases: ["peso %", "weight %"]),
        PlanColumn("assumed weight", "Peso ipotizzato", ["assumed_weight"], numeric: true, width: 10, aliases: ["peso assunto"]),
        PlanColumn("perspective", "Prospettiva", ["perspective"], width: 16, aliases: ["prospettiva bsc"]),
        PlanColumn("mission", "Missione", ["mission"], width: 10, aliases: ["missione programma"]),
        PlanColumn("responsible", "Responsabile", ["responsible"], width: 16),
        PlanColumn("formula", "Formula", ["formula"], width: 30, aliases: ["algoritmo", "algoritmo di calcolo"]),
        PlanColumn("unit", "Unità di misura", ["unit"], width: 8, aliases: ["unita", "udm"]),
        PlanColumn("comparator", "Comparatore", ["comparator"], width: 8, aliases: ["operatore", "segno"]),
        PlanColumn("target", "Target", ["target"], numeric: true, width: 10, aliases: ["valore atteso", "valore obiettivo"]),
        PlanColumn("baseline", "Baseline", ["baseline"], width: 10, aliases: ["valore di partenza", "valore iniziale"]),
        PlanColumn("value", "Valore", ["value"], numeric: true, width: 10,
                   aliases: ["valore misurato", "valore consuntivo", "consuntivo", "valore rilevato"]),
        PlanColumn("numerator", "Numeratore", ["value", "numerator"], numeric: true, width: 10),
        PlanColumn("denominator", "Denominatore", ["value", "denominator"], numeric: true, width: 10),
        PlanColumn("value from", "Valore da", ["value_from"], width: 16, aliases: ["valore da nodi"]),
        PlanColumn("source survey", "Fonte indagine", ["source", "survey"], width: 12),
        PlanColumn("source metric", "Fonte metrica", ["source", "metric"], width: 14),
        PlanColumn("source block", "Fonte blocco", ["source", "block"], width: 12),
        PlanColumn("source section", "Fonte sezione", ["source", "section"], width: 10),
        PlanColumn("source service", "Fonte servizio", ["source", "service"], width: 12),
        PlanColumn("source item", "Fonte domanda", ["source", "item"], width: 10),
        PlanColumn("source year", "Fonte anno", ["source", "year"], numeric: true, width: 8),
        PlanColumn("source unit", "Fonte unità", ["source", "unit"], width: 8),
        PlanColumn("late justification", "Giustificazione ritardo", ["late_justification"], width: 24),
        PlanColumn("bands", "Fasce", ["bands"], width: 10),
        PlanColumn("decimals", "Decimali", ["decimals"], numeric: true, width: 8),
        PlanColumn("cap", "Tetto", ["cap"], width: 6),
        PlanColumn("override achievement", "Raggiungimento forzato", ["override", "achievement"], numeric: true, width: 12),
        PlanColumn("override value", "Valore forzato", ["override", "value"], numeric: true, width: 12),
        PlanColumn("override justification", "Giustificazione forzatura", ["override", "justification"], width: 30,
                   aliases: ["motivazione forzatura"]),
        PlanColumn("printed value", "Valore pubblicato", ["printed", "value"], numeric: true, width: 12, aliases: ["valore stampato"]),
        PlanColumn("printed achievement", "Grado di raggiungimento", ["printed", "achievement"], numeric: true, width: 14,
                   aliases: ["grado di raggiungimento pubblicato", "% raggiungimento", "% di raggiungimento", "raggiungimento",
                             "achievement"]),
        PlanColumn("note", "Note", ["note"], width: 30, aliases: ["nota", "notes"]),
    ]

    /// The column a key path of a node mapping is written in.
    static func holding(_ keyPath: [String]) -> PlanColumn? {
        all.first { !$0.keyPath.isEmpty && $0.keyPath == keyPath }
    }

    /// Every header this column answers to, folded (``fold(_:)``).
    var foldedHeaders: Set<String> {
        Set(([english, italian] + aliases).map(Self.fold))
    }

    /// A header as compared: case, accents, `_ . - /` and runs of spaces do not matter.
    static func fold(_ header: String) -> String {
        let folded = header.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var result = ""
        var space = false
        for character in folded {
            if character == " " || character == "_" || character == "." || character == "-" || character == "/" || character.isWhitespace {
                space = !result.isEmpty
            } else {
                if space { result.append(" ") }
                space = false
                result.append(character)
            }
        }
        return result
    }
}
