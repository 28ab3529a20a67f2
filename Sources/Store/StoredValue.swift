import GRDB

extension Row {
    /// The value of `column` as `Value`; a value of another type (a store edited outside Polso)
    /// is a ``StoreError`` naming the store, the table, the record and the value, never a trap.
    func stored<Value: DatabaseValueConvertible>(_ column: String, in table: String, of store: String) throws -> Value {
        do {
            return try decode(forColumn: column)
        } catch {
            let record = (self["id"] as DatabaseValue?).map { " \($0)" } ?? ""
            throw StoreError("\(store): \(table) record\(record): column \(column) holds \(self[column] as DatabaseValue? ?? .null), "
                + "not \(Self.kind(of: Value.self)): the store is damaged. Restore it from a backup, or remove the wave (polso waves remove) "
                + "and import its files again")
        }
    }

    /// `an integer`, `text`… for a message.
    private static func kind(of type: Any.Type) -> String {
        let name = "\(type)"
        if name.contains("Int") { return "an integer" }
        if name.contains("String") { return "text" }
        if name.contains("Bool") { return "a flag (0 or 1)" }
        if name.contains("Double") { return "a number" }
        return "a \(name)"
    }
}
