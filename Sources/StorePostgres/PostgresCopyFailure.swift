/// The failure of a COPY stream, carrying the server's or the connection's error.
struct PostgresCopyFailure: Error {
    var underlying: any Error
}
