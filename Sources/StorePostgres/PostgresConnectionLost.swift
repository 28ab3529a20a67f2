/// The connection closed under a COPY in progress (the server ended the session, the network failed).
struct PostgresConnectionLost: Error, CustomStringConvertible {
    var description: String { "the server closed the connection" }
}
