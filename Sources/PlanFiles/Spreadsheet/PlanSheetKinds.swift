/// Kind words on the plan sheet.
enum PlanSheetKinds {
    static let builtIn = ["area", "strategic", "operational", "project"]
    static let indicatorWords: Set<String> = ["indicator", "indicatore", "kpi"]
    /// Folded kind words → built-in kind: the identifiers and their Italian names.
    static let italian: [String: String] = [
        "area": "area", "ambito": "area", "ambito strategico": "area", "area strategica": "area",
        "strategic": "strategic", "strategico": "strategic", "obiettivo strategico": "strategic",
        "operational": "operational", "operativo": "operational", "obiettivo operativo": "operational",
        "project": "project", "progetto": "project",
    ]
}
