import Store

/// The body a request under `/b/{code}/` is about, and the role the signed-in user holds there.
/// Handlers take the body from here, never from a form field or a query parameter.
public struct BodyAccess: Sendable, Equatable {
    /// The body's code, as in the URL and the store.
    public var code: String
    /// The body's name, as the store has it.
    public var name: String
    /// The user's role in it (an administrator of the network holds `.administrator` everywhere).
    package var role: UserRole
}
