import Foundation
import GRDB

extension SQLiteStore {
    func bodies() throws -> [Body] {
        try database.read { db in try SurveyStore.bodies(db, store: path) }
    }

    func addBody(_ body: Body) throws -> Body {
        try writing { db in
            if let taken = try SurveyStore.bodies(db, store: path).first(where: { $0.code == body.code }) {
                throw SurveyStore.takenCode(body.code, by: taken, store: path, adding: true)
            }
            try db.execute(sql: "INSERT INTO body (code, name, kind, opted_in, public, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [body.code, body.name, body.kind, body.optedIn, body.isPublic, UTCTimestamp.iso8601(Date())])
            return try SurveyStore.body(db, code: body.code, store: path)
        }
    }

    func changeBody(_ code: String, _ change: BodyChange) throws -> Body {
        try writing { db in
            let old = try SurveyStore.body(db, code: code, store: path)
            if let newCode = change.code, newCode != code, let taken = try SurveyStore.bodies(db, store: path).first(where: { $0.code == newCode }) {
                throw SurveyStore.takenCode(newCode, by: taken, store: path, adding: false)
            }
            let body = SurveyStore.applying(change, to: old)
            try db.execute(sql: "UPDATE body SET code = ?, name = ?, kind = ?, opted_in = ?, public = ? WHERE id = ?",
                           arguments: [body.code, body.name, body.kind, body.optedIn, body.isPublic, body.id])
            return body
        }
    }
}
