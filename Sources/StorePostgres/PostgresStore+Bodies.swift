import Foundation
import PostgresNIO
import Store

extension PostgresStore {
    package func bodies() throws -> [Body] {
        try reading { session in try Self.bodies(session) }
    }

    package func addBody(_ body: Body) throws -> Body {
        try writing(operation: "addition of a body") { session in
            if let taken = try Self.bodies(session).first(where: { $0.code == body.code }) {
                throw SurveyStore.takenCode(body.code, by: taken, store: name, adding: true)
            }
            try session.execute("""
                INSERT INTO body (code, name, kind, opted_in, public, created_at)
                VALUES (\(body.code), \(body.name), \(body.kind), \(body.optedIn), \(body.isPublic), \(UTCTimestamp.iso8601(Date())))
                """)
            return try Self.body(session, code: body.code, store: name)
        }
    }

    package func changeBody(_ code: String, _ change: BodyChange) throws -> Body {
        try writing(operation: "change of a body") { session in
            let old = try Self.body(session, code: code, store: name)
            if let newCode = change.code, newCode != code, let taken = try Self.bodies(session).first(where: { $0.code == newCode }) {
                throw SurveyStore.takenCode(newCode, by: taken, store: name, adding: false)
            }
            let body = SurveyStore.applying(change, to: old)
            try session.execute("""
                UPDATE body SET code = \(body.code), name = \(body.name), kind = \(body.kind), opted_in = \(body.optedIn), public = \(body.isPublic)
                WHERE id = \(body.id)
                """)
            return body
        }
    }

    /// The bodies, by code.
    static func bodies(_ session: PostgresSession) throws -> [Body] {
        try session.rows("SELECT id, code, name, kind, opted_in, public FROM body ORDER BY code").map { row in
            let (id, code, name, kind, optedIn, isPublic) = try row.decode((Int64, String, String, String, Bool, Bool).self)
            return Body(id: id, code: code, name: name, kind: kind, optedIn: optedIn, isPublic: isPublic)
        }
    }
}
