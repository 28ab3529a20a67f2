import Foundation
import Store
import StorePostgres

/// Appends a change to the store's audit log, once the change is made: every operation that
/// changes a body's data calls this where the change is, so the CLI and the server record the same.
package enum ChangeAudit {
    /// Records `action` on `body` by `actor`.
    /// - Throws: ``PolsoError`` (`store`) saying that the change was made but not recorded.
    package static func record(_ action: AuditEntry.Action, body: String?, detail: String, by actor: AuditActor,
                               in store: SurveyStore, done: String) throws(PolsoError) {
        do {
            try store.appendAudit(AuditEntry(at: Date(), user: actor.user, body: body, action: action, detail: detail,
                                             address: actor.address))
        } catch {
            throw PolsoError("\(done), but the audit log of \(SurveyStore.displayName(store.path)) could not record it: "
                             + (PolsoError(error)?.message ?? error.localizedDescription)
                             + "; tell the store's administrator, who can add the entry by hand", kind: .store)
        }
    }
}
