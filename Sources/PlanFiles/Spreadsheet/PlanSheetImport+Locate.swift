import PolsoYAML

extension PlanSheetImport {
    /// The plan reader's error on the generated file, told by the row and column it came from.
    func locate(_ error: YAMLFileError) -> PlanSheetError {
        var prefix = error.keyPath
        var rest: [String] = []
        while true {
            if let origin = origins[prefix] {
                let field = rest.reversed().joined(separator: ".")
                // The row's cell for the key; else the sheet's column for it (the cell is empty); else a
                // cell of the same group (`override.justification` for `override.achievement`).
                let group = (field.split(separator: ".").first.map(String.init) ?? field) + "."
                func inGroup(_ cells: [String: CellOrigin]) -> CellOrigin? {
                    cells.keys.sorted().first { $0.hasPrefix(group) }.flatMap { cells[$0] }
                }
                let sheetColumns = origin.isNodeRow ? nodeColumns : [:]
                let cell = origin.cells[field] ?? sheetColumns[field] ?? inGroup(origin.cells) ?? inGroup(sheetColumns) ?? origin.cells[""]
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
