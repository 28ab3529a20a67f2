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

/// A `.rels` part: relationship id → (type, target resolved against the part's folder).
final class RelationshipsHandler: PartHandler {
    struct Relationship {
        var type: String
        var target: String
    }
    private let folder: String
    private(set) var relationships: [String: Relationship] = [:]

    /// Relationships of a part in `folder` (`xl` for `xl/workbook.xml`).
    init(folder: String) {
        self.folder = folder
    }

    override func start(_ name: Substring, attributes: Attributes) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        if attributes["TargetMode"] == "External" { return }
        relationships[id] = Relationship(type: attributes["Type"] ?? "", target: Self.resolve(target, in: folder))
    }

    /// The first relationship whose type ends with `/kind` (`styles`, `sharedStrings`).
    func target(ofType kind: String) -> String? {
        relationships.values.filter { $0.type.hasSuffix("/" + kind) }.map(\.target).min()
    }

    /// `worksheets/sheet1.xml` in `xl` → `xl/worksheets/sheet1.xml`; `/xl/…` is from the root.
    static func resolve(_ target: String, in folder: String) -> String {
        var components: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }
}

/// `xl/styles.xml`: the number style of every cell format (`cellXfs`), by the index cells give in `s`.
final class StylesHandler: PartHandler {
    private var customFormats: [Int: String] = [:]
    private var formatIds: [Int] = []
    private var inCellFormats = false

    override func start(_ name: Substring, attributes: Attributes) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] { customFormats[id] = code }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats:
            formatIds.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    override func end(_ name: Substring) {
        if name == "cellXfs" { inCellFormats = false }
    }

    /// Style index → number style. A custom code overrides a built-in id's meaning.
    var styles: [NumberStyle] {
        formatIds.map { id in customFormats[id].map(NumberStyle.of(formatCode:)) ?? NumberStyle.builtIn(id) }
    }

    /// Style index → decimals shown and percentage, read the same way.
    var numberFormats: [NumberFormat] {
        formatIds.map { id in customFormats[id].map(NumberFormat.of(formatCode:)) ?? NumberFormat.builtIn(id) }
    }
}

/// `xl/sharedStrings.xml`: every string item, rich-text runs joined, phonetic runs left out.
final class SharedStringsHandler: PartHandler {
    private(set) var strings: [String] = []
    private var current = ""
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0

    override func start(_ name: Substring, attributes: Attributes) {
        switch name {
        case "si":
            inItem = true
            current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = inItem && phoneticDepth == 0
        default: break
        }
    }

    override func end(_ name: Substring) {
        switch name {
        case "si":
            strings.append(CellText.unescaped(current))
            inItem = false
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    override func characters(_ text: String) {
        if inText { current += text }
    }
}
