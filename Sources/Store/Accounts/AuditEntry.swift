import Foundation

/// One line of the audit log: who did what, in which body, when, from where.
package struct AuditEntry: Sendable, Equatable {
    /// What was done.
    package enum Action: String, Sendable, CaseIterable {
        case signIn = "sign-in"
        case signInRefused = "sign-in-refused"
        case signOut = "sign-out"
        case importWave = "import"
        case removeWave = "remove"
        case push
        case editPlan = "plan-edit"
        case importPlan = "plan-import"
        case addBody = "body-add"
        case changeBody = "body-change"
        case addUser = "user-add"
        case grantRole = "user-grant"
        case removeUser = "user-remove"
    }

    /// When, to the second.
    package var at: Date
    /// The user's e-mail address (kept as text: the entry outlives the account).
    package var user: String
    /// The body acted on; nil for signing in and out and for user management.
    package var body: String?
    /// What was done.
    package var action: Action
    /// What it was done to (a wave, a file and its SHA-256, a plan), as the action's page words it.
    package var detail: String
    /// The client's address for a web request; nil from the command line.
    package var address: String?

    /// An entry.
    package init(at: Date, user: String, body: String?, action: Action, detail: String = "", address: String? = nil) {
        self.at = at
        self.user = user
        self.body = body
        self.action = action
        self.detail = detail
        self.address = address
    }
}
