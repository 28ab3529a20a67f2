/// Kind words on the plan sheet.
enum PlanSheetKinds {
    static let builtIn = ["area", "strategic", "operational", "project"]
    static let indicatorWords: Set<String> = ["indicator", "indicatore", "kpi"]
    /// Folded kind words → built-in kind: the identifiers and their Italian names.
    static let words: [String: String] = [
        "area": "area", "ambito": "area", "ambito strategico": "area", "area strategica": "area",
        "strategic": "strategic", "strategico": "strategic", "obiettivo strategico": "strategic",
        "operational": "operational", "operativo": "operational", "obiettivo operativo": "operational",
        "project": "project", "progetto": "project",
    ]
    /// The word an Italian export writes for a built-in kind.
    static let italianWord = ["strategic": "obiettivo strategico", "operational": "obiettivo operativo", "project": "progetto"]

    /// The kind cell of a node: a built-in kind in the sheet's language, a declared kind as declared.
    static func cell(_ kind: String, italian: Bool) -> String {
        italian ? italianWord[kind] ?? kind : kind
    }
}
