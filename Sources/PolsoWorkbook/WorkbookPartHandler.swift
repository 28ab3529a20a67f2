/// `xl/workbook.xml`: the sheets in tab order, and the date system.
final class WorkbookPartHandler: PartHandler {
    struct Sheet {
        var name: String
        var relationship: String
        var hidden: Bool
    }
    private(set) var sheets: [Sheet] = []
    private(set) var uses1904 = false
    /// Whether the part's root is a `workbook` element (a Word document's main part is not).
    private(set) var isWorkbook = false

    override func start(_ name: Substring, attributes: Attributes) {
        switch name {
        case "workbook": isWorkbook = true
        case "workbookPr":
            if let value = attributes["date1904"] { uses1904 = value == "1" || value.lowercased() == "true" }
        case "sheet":
            let state = attributes["state"] ?? "visible"
            sheets.append(Sheet(name: attributes["name"] ?? "", relationship: attributes["id"] ?? "", hidden: state != "visible"))
        default: break
        }
    }
}
