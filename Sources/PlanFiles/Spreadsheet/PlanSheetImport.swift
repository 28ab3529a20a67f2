import Performance
import PolsoWorkbook
import PolsoYAML

/// The spreadsheet layout read back into a plan document: settings rows unflattened, node rows
/// placed in the tree by their path (or parent code), every cell's key path recorded so that the
/// plan reader's errors can be told by sheet, row and column.
struct PlanSheetImport {
    let file: String
    /// Where each part of the generated document came from: its rendered key path (as in
    /// ``PolsoYAML/YAMLFileError/keyPath``) → sheet, row and columns.
    var origins: [String: Origin] = [:]
    /// The plan sheet's file and name, for the origins of its rows.
    var nodeSheet: (file: String?, name: String?) = (nil, nil)
    /// The plan sheet's columns by key path (`printed.value`), with an empty value.
    var nodeColumns: [String: CellOrigin] = [:]
    /// The settings sheet's, for what concerns the whole plan.
    var settingsSheet: (file: String?, name: String?) = (nil, nil)

    /// A cell's column letter, header and value.
    struct CellOrigin {
        var column: String
        var header: String
        var value: String

        init(_ column: String, _ header: String, _ value: String) {
            self.column = column
            self.header = header
            self.value = value
        }
    }

    struct Origin {
        var isNodeRow = false
        var file: String?
        var sheet: String?
        var line: Int
        /// Sub-key path (`printed.value`) → column letter, header and value.
        var cells: [String: CellOrigin]
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
        return table.rows.first { $0[keyColumn].text.trimmingCharacters(in: .whitespaces) == key }?[valueColumn].text.trimmingCharacters(in: .whitespaces)
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
        var root = SettingsBranch.mapping([])
        for row in table.rows {
            let key = row[keyColumn].text.trimmingCharacters(in: .whitespaces)
            let cell = row[valueColumn]
            let leaf = key.split(separator: ".").last.map(String.init) ?? key
            let value = try text(of: cell, table: table, line: row.line, column: valueColumn,
                                 numeric: PlanSheetExport.numericSettings.contains(leaf), notation: notation)
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
            } catch {
                throw self.error(table, row.line, keyColumn, key, error.message)
            }
            for length in 1...segments.count {
                let origin = Origin(file: table.file, sheet: table.name, line: row.line, cells: [
                    "": CellOrigin(SheetTable.letters(length == segments.count ? valueColumn : keyColumn),
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

    // MARK: cells

    /// A cell's text as the plan file writes it: a number cell in the plan's notation with the
    /// decimals its format shows; a text cell trimmed, without the formula guard's `'`.
    func text(of cell: PlanCell, table: SheetTable, line: Int, column: Int, numeric: Bool, notation: NumberNotation?) throws(PlanSheetError) -> String {
        guard let number = cell.number else {
            var text = cell.text.trimmingCharacters(in: .whitespaces)
            if table.name == nil, text.hasPrefix("'"), let next = text.unicodeScalars.dropFirst().first, ["=", "+", "-", "@", "\t", "\r"].contains(next) {
                text.removeFirst()
            }
            return text
        }
        // A code or a name typed as a number: a whole number reads one way; 1.1 would show 1,1 in
        // an Italian spreadsheet and 1.1 in an English one.
        if !numeric {
            guard number == number.rounded(), abs(number) < 1e15, !cell.isPercent else {
                throw error(table, line, column, cell.text, "this column holds text, but the cell is a number, which spreadsheets show "
                    + "differently by language: type it as text (format the cell as Text, or start it with ')")
            }
            return CellText.number(number)
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

    func header(_ table: SheetTable, _ column: Int) -> String { column < table.header.count ? table.header[column] : "" }

    func error(_ table: SheetTable, _ line: Int, _ column: Int, _ value: String, _ message: String) -> PlanSheetError {
        PlanSheetError(file: table.file ?? file, sheet: table.name, row: line, column: SheetTable.letters(column), header: header(table, column),
                       value: value, message: message)
    }
}

extension Character {
    /// `0`–`9` only.
    var isDigitASCII: Bool { ("0"..."9").contains(self) }
}
