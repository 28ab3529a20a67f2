import Performance

/// The plan document flattened into the spreadsheet layout: one row per node, indicator and
/// `ref:` on the plan sheet, one `key | value` row per plan-level setting on the settings sheet.
enum PlanSheetExport {
    /// Top-level keys that hold the tree; every other top-level key is a setting.
    static let treeKeys: Set<String> = ["indicators", "children", "shared"]
    /// Settings whose values are numbers as printed.
    static let numericSettings: Set<String> = ["year", "decimals", "tolerance", "critical_threshold", "from", "above", "below", "to",
                                               "indicators", "objectives", "achievement"]

    /// The two sheets of `document` (a plan.yaml's tree), with Italian or English headers.
    static func tables(_ document: YAMLTree, italian: Bool, file: String) throws(PlanSheetError) -> (settings: SheetTable, nodes: SheetTable) {
        guard case let .mapping(entries) = document else { throw PlanSheetError(file: file, message: "the plan is not a YAML mapping") }
        let notation = document["numbers"]?.text.flatMap(NumberNotation.init(rawValue:))
        var settings: [SheetTable.Row] = []
        for entry in entries where !treeKeys.contains(entry.key) {
            try flatten(entry.value, key: entry.key, file: file) { key, text in
                let leaf = key.split(separator: ".").last.map(String.init) ?? key
                settings.append(SheetTable.Row(line: settings.count + 2, cells: [
                    PlanCell(text: key), PlanCell.written(text, numeric: numericSettings.contains(leaf), notation: notation)]))
            }
        }
        var rows: [[String: String]] = []
        var walker = Walker(italian: italian, file: file, rows: [])
        try walker.members(of: document, under: [], shared: false)
        if case let .sequence(shared)? = document["shared"] {
            for (index, node) in shared.enumerated() {
                try walker.node(node, path: [segment(node, among: shared.prefix(index))], shared: true)
            }
        }
        rows = walker.rows
        let used = PlanColumn.all.filter { column in
            column != .parent && (column == .path || column == .kind || column == .code || rows.contains { $0[column.english] != nil })
        }
        let nodeRows = rows.enumerated().map { index, row in
            SheetTable.Row(line: index + 2, cells: used.map { column in
                PlanCell.written(row[column.english] ?? "", numeric: column.numeric, notation: notation)
            })
        }
        return (SheetTable(name: italian ? "Impostazioni" : "Settings", header: [SettingsColumn.key, SettingsColumn.value].map { $0.header(italian: italian) },
                           rows: settings),
                SheetTable(name: italian ? "Piano" : "Plan", header: used.map { $0.header(italian: italian) }, rows: nodeRows))
    }

    /// `profile.bands.1.label`-style keys for every scalar under `tree`; list items count from 1.
    static func flatten(_ tree: YAMLTree, key: String, file: String, _ emit: (String, String) throws(PlanSheetError) -> Void) throws(PlanSheetError) {
        switch tree {
        case let .scalar(text):
            try emit(key, text)
        case let .mapping(entries):
            guard !entries.isEmpty else { throw PlanSheetError(file: file, message: "'\(key)' is an empty mapping: remove it or give it keys") }
            for entry in entries {
                guard !entry.key.contains("."), !entry.key.isEmpty, !entry.key.allSatisfy(\.isNumber) else {
                    throw PlanSheetError(file: file, message: "the key '\(key).\(entry.key)' cannot be a settings key (a key with a '.' or only digits)")
                }
                try flatten(entry.value, key: key + "." + entry.key, file: file, emit)
            }
        case let .sequence(items):
            guard !items.isEmpty else { throw PlanSheetError(file: file, message: "'\(key)' is an empty list: remove it or give it items") }
            for (index, item) in items.enumerated() { try flatten(item, key: "\(key).\(index + 1)", file: file, emit) }
        }
    }

    /// The path segment of `node` after its `earlier` siblings: its code, `code#n` for a repeat
    /// (``Performance/PlanNode/segments``).
    static func segment(_ node: YAMLTree, among earlier: ArraySlice<YAMLTree>) -> String {
        let code = identity(node)
        let count = earlier.filter { identity($0) == code }.count + 1
        return count == 1 ? code : "\(code)#\(count)"
    }

    static func identity(_ node: YAMLTree) -> String { node["code"]?.text ?? node["ref"]?.text ?? "" }

    /// Walks the tree in file order: a node's row, its indicators, then its children.
    private struct Walker {
        let italian: Bool
        let file: String
        var rows: [[String: String]]

        mutating func members(of node: YAMLTree, under path: [String], shared: Bool) throws(PlanSheetError) {
            var siblings: [YAMLTree] = []
            for (key, isIndicator) in [("indicators", true), ("children", false)] {
                guard let list = node[key] else { continue }
                guard case let .sequence(items) = list else {
                    throw PlanSheetError(file: file, message: "'\(key)' under '\(path.joined(separator: "/"))' is not a list")
                }
                for item in items {
                    let childPath = path + [segment(item, among: siblings[...])]
                    siblings.append(item)
                    if isIndicator {
                        try row(item, path: childPath, shared: shared, kind: italian ? "indicatore" : "indicator")
                    } else {
                        try self.node(item, path: childPath, shared: shared)
                    }
                }
            }
        }

        mutating func node(_ node: YAMLTree, path: [String], shared: Bool) throws(PlanSheetError) {
            try row(node, path: path, shared: shared, kind: nil)
            try members(of: node, under: path, shared: shared)
        }

        private mutating func row(_ node: YAMLTree, path: [String], shared: Bool, kind: String?) throws(PlanSheetError) {
            let where_ = path.joined(separator: "/")
            guard case let .mapping(entries) = node else {
                throw PlanSheetError(file: file, message: "the entry at '\(where_)' is not a mapping")
            }
            var row: [String: String] = [PlanColumn.path.english: where_]
            if shared { row[PlanColumn.shared.english] = italian ? "sì" : "yes" }
            if let kind { row[PlanColumn.kind.english] = kind }
            for entry in entries where entry.key != "indicators" && entry.key != "children" {
                switch entry.value {
                case let .scalar(text):
                    try put(entry.key == "kind" ? PlanSheetKinds.cell(text, italian: italian) : text, at: [entry.key], in: &row, node: where_)
                case let .mapping(inner):
                    for sub in inner {
                        guard let text = sub.value.text else {
                            throw PlanSheetError(file: file, message: "'\(where_)': '\(entry.key).\(sub.key)' is not a single value and has no column")
                        }
                        try put(text, at: [entry.key, sub.key], in: &row, node: where_)
                    }
                case let .sequence(items) where entry.key == "value_from":
                    let texts = items.compactMap(\.text)
                    guard texts.count == items.count, !texts.contains(where: { $0.contains(";") }) else {
                        throw PlanSheetError(file: file, message: "'\(where_)': value_from must be a list of node paths without ';'")
                    }
                    try put(texts.joined(separator: "; "), at: [entry.key], in: &row, node: where_)
                case .sequence:
                    throw PlanSheetError(file: file, message: "'\(where_)': the list '\(entry.key)' has no column in the plan sheet")
                }
            }
            rows.append(row)
        }

        private func put(_ text: String, at keyPath: [String], in row: inout [String: String], node: String) throws(PlanSheetError) {
            guard let column = PlanColumn.holding(keyPath) else {
                throw PlanSheetError(file: file, message: "'\(node)': the key '\(keyPath.joined(separator: "."))' has no column in the plan sheet")
            }
            row[column.english] = text
        }
    }
}
