import Yams

/// Coding paths as users read them, and the YAML node a path leads to.
enum YAMLKeyPath {
    /// `blocks[2].sections[0].code`.
    static func render(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == "\(index)" {
                text += "[\(index)]"
            } else {
                if !text.isEmpty { text += "." }
                text += key.stringValue
            }
        }
        return text
    }

    /// The deepest node reachable along `path`.
    static func node(at path: [any CodingKey], in root: Node) -> Node? {
        var current = root
        var keyOfCurrent: Node?
        for key in path {
            switch current {
            case let .mapping(mapping):
                // Point at the key itself when a value cannot be found.
                guard let pair = mapping.first(where: { $0.key.string == key.stringValue }) else { return current }
                keyOfCurrent = pair.key
                current = pair.value.mark == nil ? pair.key : pair.value
            case let .sequence(sequence):
                guard let index = key.intValue, index < sequence.count else { return current }
                keyOfCurrent = nil
                current = sequence[index]
            default:
                return current
            }
        }
        // A nested mapping or list starts on the line below its key: point at the key.
        if let keyOfCurrent, current.scalar == nil { return keyOfCurrent }
        return current
    }
}

extension Decoder {
    /// Throws when the mapping being decoded holds a key that `keys` does not list, so that a
    /// misspelt key (`wieght:`) is reported instead of silently ignored.
    package func rejectUnknownKeys<Key: CodingKey & CaseIterable>(_ keys: Key.Type) throws {
        guard let container = try? container(keyedBy: AnyCodingKey.self) else { return }
        let known = Set(Key.allCases.map(\.stringValue))
        for key in container.allKeys where !known.contains(key.stringValue) {
            let expected = Key.allCases.map(\.stringValue).sorted().joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(
                codingPath: codingPath + [key],
                debugDescription: "unknown key '\(key.stringValue)'; expected one of: \(expected)"))
        }
    }
}
