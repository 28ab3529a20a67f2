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
