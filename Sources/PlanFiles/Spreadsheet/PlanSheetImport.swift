import Performance
import PolsoYAML

/// The spreadsheet layout read back into a plan document: settings rows unflattened, node rows
/// placed in the tree by their path (or parent code), every cell's key path recorded so that the
/// plan reader's errors can be told by sheet, row and column.
struct PlanSheetImport {
    let file: String
    /// Where each part of the generated document came from: its rendered key path (as in
    /// ``PolsoYAML/YAMLFileError/keyPath``) → sheet, row and columns.
    private(set) var origins: [String: Origin] = [:]
    /// The plan sheet's file and name, for the origins of its rows.
    private var nodeSheet: (file: String?, name: String?) = (nil, nil)
    /// The settings sheet's, for what concerns the whole plan.
    private var settingsSheet: (file: String?, name: String?) = (nil, nil)

    struct Origin {
        var file: String?
        var sheet: String?
        var line: Int
        /// Sub-key path (`printed.value`) → column letter, header and value.
        var cells: [String: (column: String, header: String, value: String)]
    }

    init(file: String) { self.file = file }

    /// The plan document the two sheets describe.
    mutating func document(settings: SheetTable, nodes: SheetTable) throws(PlanSheetError) -> YAMLTree {
        let notationText = try settingText("numbers", in: settings)
        let notation = notationText.flatMap { NumberNotation(rawValue: $0) }
        var top = try settingsTree(settings, notation: notation)
        let kinds = Set(PlanSheetKinds.builtIn + top.declaredKinds)
        let (main, shared) = try tree(nodes, notation: notation, kinds: kinds)
        var entries: [YAMLTree.Entry] = []
        for key in ["body", "year", "document", "numbers", "code", "name", "kinds", "profile", "printed", "override"] {
            if let index = top.entries.firstIndex(where: { $0.key == key }) { entries.append(top.entries.remove(at: index)) }
        }
        entries += main
        if !shared.isEmpty { entries.append(YAMLTree.Entry("shared", .sequence(shared))) }
        entries += top.entries
        return .mapping(entries)
    }

    // MARK: settings

    private func columns(of table: SheetTable) throws(PlanSheetError) -> (key: Int, value: Int) {
        let folded = table.header.map(PlanColumn.fold)
        guard let key = folded.firstIndex(where: { SettingsColumn.key.foldedHeaders.contains($0) }),
              let value = folded.firstIndex(where: { SettingsColumn.value.foldedHeaders.contains($0) }) else {
            throw PlanSheetError(file: table.file ?? file, sheet: table.name, row: table.headerLine,
                                 message: "the settings need the columns 'key' and 'value' (Italian: 'Chiave', 'Valore'), found: "
                                    + table.header.filter { !$0.isEmpty }.map { "'\($0)'" }.joined(separator: ", "))
        }
        return (key, value)
    }

    private func settingText(_ key: String, in table: SheetTable) throws(PlanSheetError) -> String? {
        let (keyColumn, valueColumn) = try columns(of: table)
        return table.rows.first { $0[keyColumn].text.trimmingCharacters(in: .whitespaces) == key }?[valueColumn].text
    }

    private struct Top {
        var entries: [YAMLTree.Entry]
        var declaredKinds: [String] {
            guard let kinds = entries.first(where: { $0.key == "kinds" }), case let .mapping(list) = kinds.value else { return [] }
            return list.map(\.key)
        }
    }

    /// `profile.bands.1.label | non raggiunto` rows back into nested mappings and lists.
    private mutating func settingsTree(_ table: SheetTable, notation: NumberNotation?) throws(PlanSheetError) -> Top {
        settingsSheet = (table.file, table.name)
        let (keyColumn, valueColumn) = try columns(of: table)
        var root = Branch.mapping([])
        for row in table.rows {
            let key = row[keyColumn].text.trimmingCharacters(in: .whitespaces)
            let cell = row[valueColumn]
            let value = try text(of: cell, table: table, line: row.line, column: valueColumn, notation: notation)
            if key.isEmpty {
                guard value.isEmpty else {
                    throw error(table, row.line, keyColumn, "", "a setting's value needs its key (e.g. 'body', 'profile.preset')")
                }
                continue
            }
            guard !value.isEmpty else { continue }
            let segments = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !segments.contains(where: \.isEmpty) else {
                throw error(table, row.line, keyColumn, key, "a key is words joined by '.' (profile.bands.1.label)")
            }
            do {
                try root.insert(value, at: segments[...])
            } catch let reason {
                throw error(table, row.line, keyColumn, key, reason.message)
            }
            for length in 1...segments.count {
                let origin = Origin(file: table.file, sheet: table.name, line: row.line, cells: [
                    "": (SheetTable.letters(length == segments.count ? valueColumn : keyColumn),
                         header(table, length == segments.count ? valueColumn : keyColumn), length == segments.count ? value : key)])
                let rendered = Self.rendered(Array(segments.prefix(length)))
                if length == segments.count || origins[rendered] == nil { origins[rendered] = origin }
            }
        }
        guard case let .mapping(entries) = root.tree else { return Top(entries: []) }
        return Top(entries: entries)
    }

    /// `profile.bands.1.from` → `profile.bands[0].from`, as YAML errors name it.
    static func rendered(_ segments: [String]) -> String {
        var text = ""
        for segment in segments {
            if let index = Int(segment), segment.allSatisfy(\.isDigitASCII) {
                text += "[\(index - 1)]"
            } else {
                text += (text.isEmpty ? "" : ".") + segment
            }
        }
        return text
    }

    // MARK: nodes

    private struct NodeRow {
        var line: Int
        var shared: Bool
        var isIndicator: Bool
        var segments: [String]      // path mode
        var parent: String?         // parent mode
        var code: String
        var mapping: [YAMLTree.Entry]
        var cells: [String: (column: String, header: String, value: String)]
        var members: [Int] = []     // indices of indicator rows, then child rows, in row order
        var indicators: [Int] = []
        var children: [Int] = []
    }

    private mutating func tree(_ table: SheetTable, notation: NumberNotation?, kinds: Set<String>) throws(PlanSheetError)
        -> (main: [YAMLTree.Entry], shared: [YAMLTree]) {
        nodeSheet = (table.file, table.name)
        var columns: [Int: PlanColumn] = [:]
        var seen: [String: Int] = [:]
        for (index, header) in table.header.enumerated() where !header.trimmingCharacters(in: .whitespaces).isEmpty {
            let folded = PlanColumn.fold(header)
            guard let column = PlanColumn.all.first(where: { $0.foldedHeaders.contains(folded) }) else {
                throw error(table, table.headerLine, index, header, "unknown column; expected one of: "
                    + PlanColumn.all.map { "\($0.english) (\($0.italian))" }.joined(separator: ", "))
            }
            if let earlier = seen[column.english] {
                throw error(table, table.headerLine, index, header, "column \(SheetTable.letters(earlier)) ('\(table.header[earlier])') "
                    + "already means '\(column.english)': keep one of the two")
            }
            seen[column.english] = index
            columns[index] = column
        }
        let pathColumn = seen[PlanColumn.path.english], parentColumn = seen[PlanColumn.parent.english]
        if pathColumn != nil && parentColumn != nil {
            throw error(table, table.headerLine, parentColumn!, table.header[parentColumn!],
                        "give either a path column or a parent column, not both")
        }
        guard pathColumn != nil || (parentColumn != nil && seen[PlanColumn.code.english] != nil) else {
            throw PlanSheetError(file: table.file ?? file, sheet: table.name, row: table.headerLine,
                                 message: "the plan sheet needs a 'path' column (Percorso), or 'parent' (Padre) and 'code' (Codice) columns")
        }
        var rows: [NodeRow] = []
        for row in table.rows {
            var texts: [String: (index: Int, text: String)] = [:]
            for (index, column) in columns {
                let value = try text(of: row[index], table: table, line: row.line, column: index, notation: notation)
                if !value.isEmpty { texts[column.english] = (index, value) }
            }
            guard !texts.isEmpty else { continue }
            rows.append(try nodeRow(row.line, texts, table: table, kinds: kinds))
        }
        try place(&rows, table: table, byPath: pathColumn != nil)
        var main: [YAMLTree.Entry] = []
        let roots = rows.indices.filter { rows[$0].segments.count == 1 && !rows[$0].shared }
        let rootIndicators = roots.filter { rows[$0].isIndicator }, rootChildren = roots.filter { !rows[$0].isIndicator }
        if !rootIndicators.isEmpty {
            main.append(YAMLTree.Entry("indicators", .sequence(rootIndicators.enumerated().map { build($1, rows, "indicators[\($0)]") })))
        }
        if !rootChildren.isEmpty {
            main.append(YAMLTree.Entry("children", .sequence(rootChildren.enumerated().map { build($1, rows, "children[\($0)]") })))
        }
        let sharedRoots = rows.indices.filter { rows[$0].segments.count == 1 && rows[$0].shared }
        for index in sharedRoots where rows[index].isIndicator {
            throw error(table, rows[index].line, seen[PlanColumn.kind.english] ?? 0, "indicator", "a shared definition is a node, not an indicator")
        }
        return (main, sharedRoots.enumerated().map { build($1, rows, "shared[\($0)]") })
    }

    private func nodeRow(_ line: Int, _ texts: [String: (index: Int, text: String)], table: SheetTable, kinds: Set<String>) throws(PlanSheetError) -> NodeRow {
        func cell(_ column: PlanColumn) -> (index: Int, text: String)? { texts[column.english] }
        var shared = false
        if let mark = cell(.shared) {
            switch PlanColumn.fold(mark.text) {
            case "yes", "si", "x", "true", "1": shared = true
            case "no", "false", "0": shared = false
            default: throw error(table, line, mark.index, mark.text, "write yes (sì) for a row of a shared node's definition, or leave it empty")
            }
        }
        var isIndicator = false
        var kind: String?
        if let kindCell = cell(.kind) {
            let folded = PlanColumn.fold(kindCell.text)
            if PlanSheetKinds.indicatorWords.contains(folded) {
                isIndicator = true
            } else if let builtIn = PlanSheetKinds.italian[folded] {
                kind = builtIn
            } else if kinds.contains(kindCell.text.trimmingCharacters(in: .whitespaces)) {
                kind = kindCell.text.trimmingCharacters(in: .whitespaces)
            } else {
                throw error(table, line, kindCell.index, kindCell.text, "unknown kind; expected indicator (indicatore) or one of: "
                    + kinds.sorted().joined(separator: ", ") + " (declare other kinds in the settings: kinds.<id> | <name>)")
            }
        }
        let ref = cell(.ref)?.text
        if kind == nil, !isIndicator, ref == nil {
            throw PlanSheetError(file: table.file ?? file, sheet: table.name, row: line, column: cell(.kind).map { SheetTable.letters($0.index) },
                                 message: "a row needs its kind (area, strategic, operational, project, indicator or a declared kind), "
                                    + "or a ref to a shared node")
        }
        if ref != nil, let kindCell = cell(.kind) {
            throw error(table, line, kindCell.index, kindCell.text, "a ref row takes its kind from the shared node: leave the kind empty")
        }
        var segments: [String] = []
        if let path = cell(.path) {
            segments = path.text.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !segments.contains(where: \.isEmpty) else {
                throw error(table, line, path.index, path.text, "a path is codes joined by '/' (AS2/OS_2.4/KPI1), with no empty code")
            }
        }
        let identity = ref ?? cell(.code)?.text ?? segments.last.map(Self.code(ofSegment:))
        guard let code = identity else {
            throw PlanSheetError(file: table.file ?? file, sheet: table.name, row: line, message: "a row needs a code (or a path ending in it)")
        }
        if let last = segments.last, Self.code(ofSegment: last) != code {
            let path = cell(.path)!
            throw error(table, line, path.index, path.text, "the path ends in '\(last)' but the row's \(ref == nil ? "code" : "ref") is '\(code)'")
        }
        // The mapping, in the order a person writes it: code (or ref), kind, then the columns' order.
        var mapping: [YAMLTree.Entry] = [YAMLTree.Entry(ref == nil ? "code" : "ref", .scalar(code))]
        if let kind { mapping.append(YAMLTree.Entry("kind", .scalar(kind))) }
        var cells: [String: (column: String, header: String, value: String)] = [:]
        for column in PlanColumn.all where column.keyPath.count > 0 && !["code", "kind", "ref"].contains(column.keyPath[0]) {
            guard let (index, text) = cell(column) else { continue }
            let value: YAMLTree
            if column.keyPath == ["value_from"] {
                let paths = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                value = paths.count == 1 ? .scalar(paths[0]) : .sequence(paths.map(YAMLTree.scalar))
            } else {
                value = .scalar(text)
            }
            if column.keyPath.count == 1 {
                if column.keyPath[0] == "value", cell(PlanColumn.holding(["value", "numerator"])!) != nil
                    || cell(PlanColumn.holding(["value", "denominator"])!) != nil {
                    throw error(table, line, index, text, "give either a value or a numerator and a denominator, not both")
                }
                mapping.append(YAMLTree.Entry(column.keyPath[0], value))
            } else if let parent = mapping.firstIndex(where: { $0.key == column.keyPath[0] }), case var .mapping(inner) = mapping[parent].value {
                inner.append(YAMLTree.Entry(column.keyPath[1], value))
                mapping[parent].value = .mapping(inner)
            } else {
                mapping.append(YAMLTree.Entry(column.keyPath[0], .mapping([YAMLTree.Entry(column.keyPath[1], value)])))
            }
            cells[column.keyPath.joined(separator: ".")] = (SheetTable.letters(index), table.header[index], text)
        }
        for (key, kindName) in [("kind", cell(.kind)), ("code", cell(.code)), ("ref", cell(.ref))] {
            if let kindName { cells[key] = (SheetTable.letters(kindName.index), table.header[kindName.index], kindName.text) }
        }
        return NodeRow(line: line, shared: shared, isIndicator: isIndicator, segments: segments, parent: cell(.parent)?.text,
                       code: code, mapping: mapping, cells: cells)
    }

    /// `KPI1#2` → `KPI1`.
    static func code(ofSegment segment: String) -> String {
        guard let hash = segment.lastIndex(of: "#"), let position = Int(segment[segment.index(after: hash)...]), position >= 2 else { return segment }
        return String(segment[..<hash])
    }

    /// Gives every row its parent: by path (the parent's path must be an earlier row's), or by
    /// parent code (unique among the rows, cycles refused). Fills `segments` in parent mode.
    private func place(_ rows: inout [NodeRow], table: SheetTable, byPath: Bool) throws(PlanSheetError) {
        let pathIndex = table.header.firstIndex { PlanColumn.path.foldedHeaders.contains(PlanColumn.fold($0)) }
        let parentIndex = table.header.firstIndex { PlanColumn.parent.foldedHeaders.contains(PlanColumn.fold($0)) }
        if byPath {
            var byKey: [String: Int] = [:]
            for index in rows.indices {
                let key = (rows[index].shared ? "shared:" : "") + rows[index].segments.joined(separator: "/")
                let pathText = rows[index].segments.joined(separator: "/")
                if let earlier = byKey[key] {
                    throw error(table, rows[index].line, pathIndex!, pathText, "duplicate path: row \(rows[earlier].line) has it too; "
                        + "a code printed twice among siblings is written code#2 for its second occurrence")
                }
                byKey[key] = index
                guard rows[index].segments.count > 1 else { continue }
                let parentKey = (rows[index].shared ? "shared:" : "") + rows[index].segments.dropLast().joined(separator: "/")
                guard let parent = byKey[parentKey] else {
                    throw error(table, rows[index].line, pathIndex!, pathText, "no earlier row has the parent path '"
                        + rows[index].segments.dropLast().joined(separator: "/") + "': list a node before its members")
                }
                try attach(index, to: parent, &rows, table: table, column: pathIndex!)
            }
            try checkSegments(rows, table: table, column: pathIndex!)
            return
        }
        // Parent codes: each names one node row (by code, or by path written with '/').
        var parents: [Int?] = Array(repeating: nil, count: rows.count)
        for index in rows.indices {
            guard let parent = rows[index].parent else { continue }
            let candidates = rows.indices.filter { $0 != index && !rows[$0].isIndicator && rows[$0].shared == rows[index].shared && rows[$0].code == parent }
            guard let found = candidates.first else {
                throw error(table, rows[index].line, parentIndex!, parent, "parent code not found: no node row has the code '\(parent)'")
            }
            guard candidates.count == 1 else {
                throw error(table, rows[index].line, parentIndex!, parent, "parent code is ambiguous: rows "
                    + candidates.map { "\(rows[$0].line)" }.joined(separator: ", ") + " have it; use a path column instead")
            }
            parents[index] = found
        }
        for index in rows.indices {
            var chain = [index]
            var current = parents[index]
            while let next = current {
                if chain.contains(next) {
                    throw error(table, rows[index].line, parentIndex!, rows[index].parent ?? "", "the parent codes form a cycle: rows "
                        + (chain + [next]).map { "\(rows[$0].line)" }.joined(separator: " → "))
                }
                chain.append(next)
                current = parents[next]
            }
        }
        func segments(_ index: Int) -> [String] {
            (parents[index].map(segments) ?? []) + [rows[index].code]
        }
        for index in rows.indices {
            rows[index].segments = segments(index)
            if let parent = parents[index] { try attach(index, to: parent, &rows, table: table, column: parentIndex!) }
        }
    }

    private func attach(_ index: Int, to parent: Int, _ rows: inout [NodeRow], table: SheetTable, column: Int) throws(PlanSheetError) {
        guard !rows[parent].isIndicator else {
            throw error(table, rows[index].line, column, rows[index].segments.joined(separator: "/"),
                        "its parent (row \(rows[parent].line)) is an indicator; only nodes have members")
        }
        guard rows[parent].mapping.first?.key != "ref" else {
            throw error(table, rows[index].line, column, rows[index].segments.joined(separator: "/"),
                        "its parent (row \(rows[parent].line)) is a ref: members of a shared node belong under its definition")
        }
        if rows[index].isIndicator { rows[parent].indicators.append(index) } else { rows[parent].children.append(index) }
    }

    /// A repeated code must be written `code#n` where the plan reader numbers it so (indicators
    /// first, then child nodes); anything else would give the node another identity.
    private func checkSegments(_ rows: [NodeRow], table: SheetTable, column: Int) throws(PlanSheetError) {
        func check(_ members: [Int]) throws(PlanSheetError) {
            var seen: [String: Int] = [:]
            for index in members {
                let code = rows[index].code
                seen[code, default: 0] += 1
                let expected = seen[code] == 1 ? code : "\(code)#\(seen[code]!)"
                if rows[index].segments.last != expected {
                    throw error(table, rows[index].line, column, rows[index].segments.joined(separator: "/"),
                                "this is occurrence \(seen[code]!) of '\(code)' among its siblings: its path ends in '\(expected)'")
                }
            }
        }
        let top = rows.indices.filter { rows[$0].segments.count == 1 && !rows[$0].shared }
        try check(top.filter { rows[$0].isIndicator } + top.filter { !rows[$0].isIndicator })
        for row in rows { try check(row.indicators + row.children) }
    }

    private mutating func build(_ index: Int, _ rows: [NodeRow], _ keyPath: String) -> YAMLTree {
        let row = rows[index]
        var mapping = row.mapping
        origins[keyPath] = Origin(file: nodeSheet.file, sheet: nodeSheet.name, line: row.line, cells: row.cells)
        if !row.indicators.isEmpty {
            mapping.append(YAMLTree.Entry("indicators", .sequence(row.indicators.enumerated().map { build($1, rows, "\(keyPath).indicators[\($0)]") })))
        }
        if !row.children.isEmpty {
            mapping.append(YAMLTree.Entry("children", .sequence(row.children.enumerated().map { build($1, rows, "\(keyPath).children[\($0)]") })))
        }
        return .mapping(mapping)
    }

    // MARK: cells

    /// A cell's text as the plan file writes it: a number cell in the plan's notation with the
    /// decimals its format shows; a text cell trimmed, without the formula guard's `'`.
    private func text(of cell: PlanCell, table: SheetTable, line: Int, column: Int, notation: NumberNotation?) throws(PlanSheetError) -> String {
        guard let number = cell.number else {
            var text = cell.text.trimmingCharacters(in: .whitespaces)
            if table.name == nil, text.hasPrefix("'"), let next = text.unicodeScalars.dropFirst().first, ["=", "+", "-", "@"].contains(next) {
                text.removeFirst()
            }
            return text
        }
        if cell.isPercent {
            let shown = PlanCell.shown(number * 100, decimals: nil, notation: notation)
            throw error(table, line, column, cell.text, "the cell is formatted as a percentage: it shows \(shown) % but holds "
                + "\(cell.text); type \(shown) in a cell with a number format, or as text (\(shown) %)")
        }
        let text = PlanCell.shown(number, decimals: cell.decimals, notation: notation)
        if notation == nil, case .ambiguous = PrintedNumber.read(text) {
            throw error(table, line, column, cell.text, "the number would be written \(text), which reads two ways in a plan that does not "
                + "declare its notation: add the setting 'numbers' (it or en)")
        }
        return text
    }

    private func header(_ table: SheetTable, _ column: Int) -> String { column < table.header.count ? table.header[column] : "" }

    private func error(_ table: SheetTable, _ line: Int, _ column: Int, _ value: String, _ message: String) -> PlanSheetError {
        PlanSheetError(file: table.file ?? file, sheet: table.name, row: line, column: SheetTable.letters(column), header: header(table, column),
                       value: value, message: message)
    }
}

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

/// The settings' nested mappings and lists while they are read.
private indirect enum Branch {
    case mapping([(String, Branch)])
    case list([Branch])
    case leaf(String)

    struct Conflict: Error { let message: String }

    mutating func insert(_ value: String, at segments: ArraySlice<String>) throws(Conflict) {
        guard let first = segments.first else {
            throw Conflict(message: "this key is also used for nested keys (another row has '\(segments)…')")
        }
        let rest = segments.dropFirst()
        let isIndex = first.allSatisfy(\.isDigitASCII)
        switch self {
        case var .mapping(entries):
            guard !isIndex else { throw Conflict(message: "'\(first)' is a list position where the key expects names") }
            if let at = entries.firstIndex(where: { $0.0 == first }) {
                guard !rest.isEmpty else { throw Conflict(message: "the key is given twice") }
                if case .leaf = entries[at].1 { throw Conflict(message: "'\(first)' already has a value of its own") }
                try entries[at].1.insert(value, at: rest)
                self = .mapping(entries)
                return
            }
            entries.append((first, rest.isEmpty ? .leaf(value) : (rest.first!.allSatisfy(\.isDigitASCII) ? .list([]) : .mapping([]))))
            if !rest.isEmpty { try entries[entries.count - 1].1.insert(value, at: rest) }
            self = .mapping(entries)
        case var .list(items):
            guard let position = Int(first), isIndex else { throw Conflict(message: "'\(first)' should be a list position (1, 2, …)") }
            if position == items.count + 1 {
                items.append(rest.isEmpty ? .leaf(value) : (rest.first!.allSatisfy(\.isDigitASCII) ? .list([]) : .mapping([])))
            } else if position < 1 || position > items.count + 1 {
                throw Conflict(message: "list positions count 1, 2, 3… in order; \(position) comes after \(items.count)")
            } else if rest.isEmpty {
                throw Conflict(message: "the key is given twice")
            }
            if !rest.isEmpty { try items[position - 1].insert(value, at: rest) }
            self = .list(items)
        case .leaf:
            throw Conflict(message: "a key above this one already has a value of its own")
        }
    }

    var tree: YAMLTree {
        switch self {
        case let .mapping(entries): return .mapping(entries.map { YAMLTree.Entry($0.0, $0.1.tree) })
        case let .list(items): return .sequence(items.map(\.tree))
        case let .leaf(text): return .scalar(text)
        }
    }
}

extension PlanSheetImport {
    /// The plan reader's error on the generated file, told by the row and column it came from.
    func locate(_ error: YAMLFileError) -> PlanSheetError {
        var prefix = error.keyPath
        var rest: [String] = []
        while true {
            if let origin = origins[prefix] {
                let field = rest.reversed().joined(separator: ".")
                let cell = origin.cells[field] ?? origin.cells[rest.last ?? ""] ?? origin.cells[""]
                return PlanSheetError(file: origin.file ?? file, sheet: origin.sheet, row: origin.line, column: cell?.column,
                                      header: cell?.header, value: cell?.value, message: error.message)
            }
            guard let cut = prefix.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            let piece = prefix[cut...].hasPrefix(".") ? String(prefix[prefix.index(after: cut)...]) : String(prefix[cut...])
            if !piece.hasPrefix("[") { rest.append(piece) }
            prefix = String(prefix[..<cut])
        }
        // A key the whole plan misses (body, year) is a row of the settings.
        let missing = error.keyPath.isEmpty && error.message.hasPrefix("missing required key")
        return PlanSheetError(file: settingsSheet.file ?? file, sheet: settingsSheet.name,
                              message: error.message + (missing ? ": add it as a row of the settings (key | value)" : ""))
    }
}

extension Character {
    /// `0`–`9` only.
    fileprivate var isDigitASCII: Bool { ("0"..."9").contains(self) }
}
