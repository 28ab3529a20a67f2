import Foundation
import GRDB

extension SurveyStore {
    /// The bodies, by code.
    package func bodies() throws -> [Body] {
        try engine.bodies()
    }

    /// The body with `code`.
    /// - Throws: ``StoreError`` naming the known bodies when there is none.
    package func body(code: String) throws -> Body {
        let all = try bodies()
        guard let body = all.first(where: { $0.code == code }) else { throw Self.unknownBody(code, store: path, bodies: all) }
        return body
    }

    /// The body a command works on: the one `code` names, or with no code the store's only body.
    /// - Throws: ``StoreError`` naming the known bodies when `code` names none, or when `code` is
    ///   `nil` and the store holds several (which one is meant is not guessed).
    package func resolveBody(_ code: String?) throws -> Body {
        if let code { return try body(code: code) }
        let all = try bodies()
        guard all.count == 1 else {
            throw StoreError("the store \(path) holds \(all.count) bodies: choose one with --body CODE (\(Self.list(all)))")
        }
        return all[0]
    }

    /// Adds a body.
    /// - Throws: ``StoreError`` for an invalid or taken code or an empty name.
    @discardableResult
    package func addBody(code: String, name: String, kind: String = "", optedIn: Bool = false, isPublic: Bool = false) throws -> Body {
        try Body.checkCode(code)
        let name = try Self.checkName(name)
        return try engine.addBody(Body(id: 0, code: code, name: name, kind: kind.trimmingCharacters(in: .whitespaces), optedIn: optedIn, isPublic: isPublic))
    }

    /// Changes a body's code, name, kind, opt-in or public flag; returns it as changed.
    /// - Throws: ``StoreError`` naming the known bodies when `code` names none, or for a new code
    ///   that is invalid or taken, or an empty name.
    @discardableResult
    package func changeBody(_ code: String, _ change: BodyChange) throws -> Body {
        if let newCode = change.code { try Body.checkCode(newCode) }
        var change = change
        change.name = try change.name.map(Self.checkName)
        change.kind = change.kind?.trimmingCharacters(in: .whitespaces)
        return try engine.changeBody(code, change)
    }

    /// The refusal of a body code already taken.
    package static func takenCode(_ code: String, by taken: Body, store: String, adding: Bool) -> StoreError {
        adding ? StoreError("the store \(store) already holds a body with code '\(code)' (\(taken.name)); change it with polso bodies set \(code)")
               : StoreError("the store \(store) already holds a body with code '\(code)' (\(taken.name)); choose another code")
    }

    /// `change` applied to `body`.
    package static func applying(_ change: BodyChange, to body: Body) -> Body {
        var body = body
        body.code = change.code ?? body.code
        body.name = change.name ?? body.name
        body.kind = change.kind ?? body.kind
        body.optedIn = change.optedIn ?? body.optedIn
        body.isPublic = change.isPublic ?? body.isPublic
        return body
    }

    static func bodies(_ db: Database, store: String) throws -> [Body] {
        try Row.fetchAll(db, sql: "SELECT id, code, name, kind, opted_in, public FROM body ORDER BY code").map { row in
            func value<Value: DatabaseValueConvertible>(_ column: String) throws -> Value { try row.stored(column, in: "body", of: store) }
            return Body(id: try value("id"), code: try value("code"), name: try value("name"), kind: try value("kind"),
                        optedIn: try value("opted_in"), isPublic: try value("public"))
        }
    }

    static func body(_ db: Database, code: String, store: String) throws -> Body {
        let all = try bodies(db, store: store)
        guard let body = all.first(where: { $0.code == code }) else { throw unknownBody(code, store: store, bodies: all) }
        return body
    }

    /// The refusal of a body code the store does not hold, naming those it holds (both engines).
    package static func unknownBody(_ code: String, store: String, bodies: [Body]) -> StoreError {
        StoreError("no body '\(code)' in \(store); its bodies: \(list(bodies)). polso bodies add CODE --name NAME adds one")
    }

    /// Whether the store holds more than one body (messages then name a wave's body).
    static func holdsSeveralBodies(_ db: Database) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM body") ?? 0 > 1
    }

    package static func list(_ bodies: [Body]) -> String {
        bodies.isEmpty ? "none" : bodies.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
    }

    private static func checkName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw StoreError("a body's name cannot be empty") }
        return trimmed
    }
}
