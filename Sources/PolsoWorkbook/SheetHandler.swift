/// Streams the cells of one worksheet and hands on each row as the texts the user sees,
/// one per column from `A` (missing cells of a sparse row filled with empty text).
final class SheetHandler: PartHandler {
    private let sheet: String
    private let file: String
    private let part: String
    private let sharedStrings: [String]
    private let styles: [NumberStyle]
    private let uses1904: Bool
    private let onRow: (_ row: Int, _ cells: [String], _ formats: [NumberFormat?]) throws -> Void
    /// Number formats by style index, when the caller wants each number cell's format.
    private let numberFormats: [NumberFormat]?
    private var formats: [NumberFormat?] = []
    private var formatIndex = 0

    private var row = 0
    private var cells: [String] = []
    private var column = -1
    private var type = "n"
    private var style = NumberStyle.number
    private var value = ""
    private var inlineText = ""
    private var inCell = false
    private var inValue = false
    private var inInline = false
    private var inInlineText = false
    private var phoneticDepth = 0
    private(set) var sawSheetData = false

    init(sheet: String, file: String, part: String, sharedStrings: [String], styles: [NumberStyle], uses1904: Bool,
         numberFormats: [NumberFormat]? = nil,
         onRow: @escaping (_ row: Int, _ cells: [String], _ formats: [NumberFormat?]) throws -> Void) {
        self.numberFormats = numberFormats
        self.sheet = sheet
        self.file = file
        self.part = part
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.uses1904 = uses1904
        self.onRow = onRow
    }

    override func start(_ name: Substring, attributes: Attributes) {
        switch name {
        case "row": startRow(attributes)
        case "c": startCell(attributes)
        case "v" where inCell: inValue = true
        case "is" where inCell: inInline = true
        case "rPh" where inInline: phoneticDepth += 1
        case "t" where inInline: inInlineText = phoneticDepth == 0
        case "sheetData": sawSheetData = true
        default: break
        }
    }

    override func end(_ name: Substring) {
        switch name {
        case "row": endRow()
        case "c": endCell()
        case "v": inValue = false
        case "is": inInline = false
        case "rPh" where inInline: phoneticDepth -= 1
        case "t": inInlineText = false
        default: break
        }
    }

    override func characters(_ text: String) {
        if inValue {
            value += text
        } else if inInlineText {
            inlineText += text
        }
    }

    private func startRow(_ attributes: Attributes) {
        let number: Int
        if let text = attributes["r"] {
            guard let parsed = Int(text), parsed > row, parsed <= CellReference.maxRows else {
                return fail("row number '\(text)' after row \(row): rows must be numbered upwards from 1 to \(CellReference.maxRows)")
            }
            number = parsed
        } else {
            number = row + 1
        }
        row = number
        cells.removeAll(keepingCapacity: true)
        if numberFormats != nil { formats.removeAll(keepingCapacity: true) }
        column = -1
    }

    private func startCell(_ attributes: Attributes) {
        if let reference = attributes["r"] {
            guard let parsed = CellReference.parse(reference), parsed.row == nil || parsed.row == row, parsed.column > column else {
                return fail("cell reference '\(reference)' in row \(row) after column \(CellReference.letters(ofColumn: max(column, 0))): cells must be in their row, left to right")
            }
            column = parsed.column
        } else {
            column += 1
            guard column < CellReference.maxColumns else { return fail("row \(row) has more than \(CellReference.maxColumns) cells") }
        }
        type = attributes["t"] ?? "n"
        let styleIndex = attributes["s"].flatMap { Int($0) } ?? 0
        style = styles.indices.contains(styleIndex) ? styles[styleIndex] : .number
        formatIndex = styleIndex
        value = ""
        inlineText = ""
        inCell = true
    }

    private func endCell() {
        guard inCell else { return }
        inCell = false
        guard let text = cellText() else { return }
        if cells.count < column { cells.append(contentsOf: repeatElement("", count: column - cells.count)) }
        cells.append(text)
        if let numberFormats {
            if formats.count < column { formats.append(contentsOf: repeatElement(nil, count: column - formats.count)) }
            let shownAsNumber = type == "n" && !text.isEmpty && (style == .number || Double(text) != nil)
            formats.append(shownAsNumber ? (numberFormats.indices.contains(formatIndex) ? numberFormats[formatIndex] : .general) : nil)
        }
    }

    /// The cell's text as shown, or `nil` after failing on a value the cell's type cannot hold.
    private func cellText() -> String? {
        switch type {
        case "s":
            guard let index = Int(value.trimmingSpaces), sharedStrings.indices.contains(index) else {
                fail("cell \(reference) refers to shared string '\(value)', but the workbook has \(sharedStrings.count)")
                return nil
            }
            return sharedStrings[index]
        case "inlineStr": return CellText.unescaped(inlineText)
        case "str", "e": return CellText.unescaped(value)
        case "b":
            switch value.trimmingSpaces {
            case "1", "true": return "TRUE"
            case "0", "false": return "FALSE"
            case "": return ""
            default:
                fail("cell \(reference) is a boolean holding '\(value)'")
                return nil
            }
        case "d":
            // ISO 8601 (strict OOXML): shown as the other dates, without `T`, zone or fraction.
            var text = value.trimmingSpaces.replacingFirst("T", with: " ")
            if text.hasSuffix("Z") { text.removeLast() }
            if let dot = text.firstIndex(of: ".") { text = String(text[..<dot]) }
            if style == .date, text.hasSuffix(" 00:00:00") { text.removeLast(9) }
            return text
        case "n":
            let trimmed = value.trimmingSpaces
            if trimmed.isEmpty { return "" }
            guard let number = Double(trimmed) else {
                fail("cell \(reference) is a number holding '\(value)'")
                return nil
            }
            if style != .number, let date = CellText.date(serial: number, style: style, uses1904: uses1904) { return date }
            return CellText.number(number)
        default:
            fail("cell \(reference) has the unknown type '\(type)'")
            return nil
        }
    }

    private func endRow() {
        var end = cells.count
        while end > 0 && cells[end - 1].isEmpty { end -= 1 }
        cells.removeSubrange(end...)
        if numberFormats != nil, formats.count > end { formats.removeSubrange(end...) }
        do {
            try onRow(row, cells, formats)
        } catch {
            stopError = error
        }
    }

    private var reference: String { CellReference.text(sheet: sheet, column: column, row: row) }

    private func fail(_ detail: String) {
        if stopError == nil { stopError = WorkbookError(file: file, kind: .malformed(part: part, detail: detail)) }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first > 0x20 && last > 0x20 && first < 0x80 && last < 0x80 { return self }
        var text = self[...]
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }

    fileprivate func replacingFirst(_ target: Character, with replacement: Character) -> String {
        guard let index = firstIndex(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(index...index, with: String(replacement))
        return copy
    }
}
