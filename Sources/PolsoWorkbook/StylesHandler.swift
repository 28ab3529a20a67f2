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
