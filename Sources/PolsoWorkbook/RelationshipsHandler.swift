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
