/// An element's attributes, looked up by local name (`id` finds `r:id`).
struct Attributes {
    let dictionary: [String: String]

    subscript(_ name: String) -> String? {
        if let value = dictionary[name] { return value }
        return dictionary.first { key, _ in key.hasSuffix(":" + name) }?.value
    }
}
