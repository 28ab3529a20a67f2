import Reports
import Store

/// `polso bodies`: the bodies a store holds, and their addition and change.
public struct BodyCatalog: Sendable {
    /// The store.
    public let store: SurveyStore

    /// The bodies of a store.
    public init(store: SurveyStore) { self.store = store }

    /// Every body, by code.
    /// - Throws: ``PolsoError`` when the store cannot be read.
    public func list() throws -> [Body] {
        try PolsoError.catching { try store.bodies() }
    }

    /// Every body as a table, labels in `locale` (`polso bodies list`).
    /// - Throws: ``PolsoError`` when the store cannot be read.
    public func table(locale: DisplayLocale) throws -> Rendered {
        BodyTable(rows: try list().map { BodyTable.Row(code: $0.code, name: $0.name, kind: $0.kind, optedIn: $0.optedIn, isPublic: $0.isPublic) },
                  locale: locale).rendered()
    }

    /// Adds a body (not opted in to the network benchmark and not public unless said), recording
    /// `actor` in the audit log.
    /// - Throws: ``PolsoError`` for an invalid or taken code, or an empty name.
    public func add(code: String, name: String, kind: String = "", optedIn: Bool = false, isPublic: Bool = false,
                    by actor: AuditActor = .commandLine) throws -> Body {
        let body = try PolsoError.catching { try store.addBody(code: code, name: name, kind: kind, optedIn: optedIn, isPublic: isPublic) }
        try ChangeAudit.record(.addBody, body: body.code, detail: Self.describe(body), by: actor, in: store,
                               done: "the body \(body.code) was added")
        return body
    }

    /// Changes a body; returns it as changed.
    /// - Throws: ``PolsoError`` naming the known bodies when `code` names none, for an empty
    ///   change (``PolsoError/Kind/usage``), an invalid or taken new code, or an empty name.
    public func change(_ code: String, _ change: BodyChange, by actor: AuditActor = .commandLine) throws -> Body {
        guard !change.isEmpty else {
            throw PolsoError("nothing to change: give --code, --name, --kind, --opt-in/--opt-out or --public/--private", kind: .usage)
        }
        let body = try PolsoError.catching { try store.changeBody(code, change) }
        try ChangeAudit.record(.changeBody, body: body.code, detail: (code == body.code ? "" : "was \(code); ") + Self.describe(body),
                               by: actor, in: store, done: "the body \(body.code) was changed")
        return body
    }

    /// A body's settings as the audit log records them.
    private static func describe(_ body: Body) -> String {
        "name \(body.name), kind \(body.kind.isEmpty ? "-" : body.kind), \(body.optedIn ? "opted in" : "opted out"), "
            + (body.isPublic ? "public" : "private")
    }
}
