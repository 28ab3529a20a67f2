import Hummingbird

/// An HTML page as a response: `text/html; charset=utf-8`, status 200 unless given.
public struct HTMLPage: ResponseGenerator, Sendable {
    /// The document.
    public var html: String
    /// The status.
    public var status: HTTPResponse.Status

    /// A page.
    public init(_ html: String, status: HTTPResponse.Status = .ok) {
        self.html = html
        self.status = status
    }

    /// The response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
