import Performance

/// Rows of the plan sheet placed in the tree: by path or by parent code.
extension PlanSheetImport {
    struct NodeRow {
        var line: Int
        var shared: Bool
        var isIndicator: Bool
        var segments: [String]      // path mode
        var parent: String?         // parent mode
        var code: String
        var mapping: [YAMLTree.Entry]
        var cells: [String: CellOrigin]
        /// Row indices of the indicators and of the child nodes, in row order.
        var indicators: [Int] = []
        var children: [Int] = []
    }

    mutating func tree(_ table: SheetTable, notation: NumberNotation?, kinds: Set<String>) throws(PlanSheetError)
        -> (main: [YAMLTree.Entry], shared: [YAMLTree]) {
        nodeSheet = (table.file, table.name)
        var columns: [Int: PlanColumn] = [:]
        var seen: [String: Int] = [:]
        var ignored: Set<Int> = []
        for (index, header) in table.header.enumerated() where !header.trimmingCharacters(in: .whitespaces).isEmpty {
            // A body's own columns (`# Responsabile politico`) are kept out of the plan by a leading '#'.
            if header.hasPrefix("#") {
                ignored.insert(index)
                continue
            }
            let folded = PlanColumn.fold(header)
            guard let column = PlanColumn.all.first(where: { $0.foldedHeaders.contains(folded) }) else {
                throw error(table, table.headerLine, index, header, "unknown column (the sheet's first row is its header; "
                    + "start a header with '#' to leave its column out); expected one of: "
                    + PlanColumn.all.map { "\($0.english) (\($0.italian))" }.joined(separator: ", "))
            }
            if let earlier = seen[column.english] {
                throw error(table, table.headerLine, index, header, "column \(SheetTable.letters(earlier)) ('\(table.header[earlier])') "
                    + "already means '\(column.english)': keep one of the two")
            }
            seen[column.english] = index
            columns[index] = column
            nodeColumns[column.keyPath.joined(separator: ".")] = CellOrigin(SheetTable.letters(index), header, "")
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
            for index in row.cells.indices where !ignored.contains(index) {
                guard let column = columns[index] else {
                    guard row[index].text.trimmingCharacters(in: .whitespaces).isEmpty else {
                        throw error(table, row.line, index, row[index].text, "a value in a column without header: give the column its header, "
                            + "or start the header with '#' to leave the column out")
                    }
                    continue
                }
                let value = try text(of: row[index], table: table, line: row.line, column: index, numeric: column.numeric, notation: notation)
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

    func nodeRow(_ line: Int, _ texts: [String: (index: Int, text: String)], table: SheetTable, kinds: Set<String>) throws(PlanSheetError) -> NodeRow {
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
            } else if let builtIn = PlanSheetKinds.words[folded] {
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
        var cells: [String: CellOrigin] = [:]
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
            cells[column.keyPath.joined(separator: ".")] = CellOrigin(SheetTable.letters(index), table.header[index], text)
        }
        for (key, given) in [("kind", cell(.kind)), ("code", cell(.code)), ("ref", cell(.ref))] {
            if let given { cells[key] = CellOrigin(SheetTable.letters(given.index), table.header[given.index], given.text) }
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
    func place(_ rows: inout [NodeRow], table: SheetTable, byPath: Bool) throws(PlanSheetError) {
        let pathIndex = table.header.firstIndex { PlanColumn.path.foldedHeaders.contains(PlanColumn.fold($0)) }
        let parentIndex = table.header.firstIndex { PlanColumn.parent.foldedHeaders.contains(PlanColumn.fold($0)) }
        if byPath {
            var byKey: [String: Int] = [:]
            for index in rows.indices {
                guard !rows[index].segments.isEmpty else {
                    throw error(table, rows[index].line, pathIndex!, "", "every row needs its path: the codes from the body down "
                        + "to the row's node, joined by '/' (a member of the body has its code alone)")
                }
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

    func attach(_ index: Int, to parent: Int, _ rows: inout [NodeRow], table: SheetTable, column: Int) throws(PlanSheetError) {
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
    func checkSegments(_ rows: [NodeRow], table: SheetTable, column: Int) throws(PlanSheetError) {
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

    mutating func build(_ index: Int, _ rows: [NodeRow], _ keyPath: String) -> YAMLTree {
        let row = rows[index]
        var mapping = row.mapping
        origins[keyPath] = Origin(isNodeRow: true, file: nodeSheet.file, sheet: nodeSheet.name, line: row.line, cells: row.cells)
        if !row.indicators.isEmpty {
            mapping.append(YAMLTree.Entry("indicators", .sequence(row.indicators.enumerated().map { build($1, rows, "\(keyPath).indicators[\($0)]") })))
        }
        if !row.children.isEmpty {
            mapping.append(YAMLTree.Entry("children", .sequence(row.children.enumerated().map { build($1, rows, "\(keyPath).children[\($0)]") })))
        }
        return .mapping(mapping)
    }
}
