/// The settings' nested mappings and lists while their `a.b.1.c` rows are read.
indirect enum SettingsBranch {
    case mapping([(String, SettingsBranch)])
    case list([SettingsBranch])
    case leaf(String)

    struct Conflict: Error { let message: String }

    mutating func insert(_ value: String, at segments: ArraySlice<String>) throws(Conflict) {
        guard let first = segments.first else {
            throw Conflict(message: "this key is also used for nested keys (another row has '\(segments)…')")
        }
        let rest = segments.dropFirst()
        let isIndex = first.allSatisfy(\.isDigitASCII)
        switch self {
        case var .mapping(entries):
            guard !isIndex else { throw Conflict(message: "'\(first)' is a list position where the key expects names") }
            if let at = entries.firstIndex(where: { $0.0 == first }) {
                guard !rest.isEmpty else { throw Conflict(message: "the key is given twice") }
                if case .leaf = entries[at].1 { throw Conflict(message: "'\(first)' already has a value of its own") }
                try entries[at].1.insert(value, at: rest)
                self = .mapping(entries)
                return
            }
            entries.append((first, rest.isEmpty ? .leaf(value) : (rest.first!.allSatisfy(\.isDigitASCII) ? .list([]) : .mapping([]))))
            if !rest.isEmpty { try entries[entries.count - 1].1.insert(value, at: rest) }
            self = .mapping(entries)
        case var .list(items):
            guard let position = Int(first), isIndex else { throw Conflict(message: "'\(first)' should be a list position (1, 2, …)") }
            if position == items.count + 1 {
                items.append(rest.isEmpty ? .leaf(value) : (rest.first!.allSatisfy(\.isDigitASCII) ? .list([]) : .mapping([])))
            } else if position < 1 || position > items.count + 1 {
                throw Conflict(message: "list positions count 1, 2, 3… in order; \(position) comes after \(items.count)")
            } else if rest.isEmpty {
                throw Conflict(message: "the key is given twice")
            }
            if !rest.isEmpty { try items[position - 1].insert(value, at: rest) }
            self = .list(items)
        case .leaf:
            throw Conflict(message: "a key above this one already has a value of its own")
        }
    }

    var tree: YAMLTree {
        switch self {
        case let .mapping(entries): return .mapping(entries.map { YAMLTree.Entry($0.0, $0.1.tree) })
        case let .list(items): return .sequence(items.map(\.tree))
        case let .leaf(text): return .scalar(text)
        }
    }
}
