import Foundation

/// What a page handler answers, before HTTP: a status, a content type, the bytes, and for a
/// download the file name it is saved under.
package struct PageReply: Sendable {
    /// The HTTP status.
    package var status: Int
    /// The media type with its charset.
    package var contentType: String
    /// The body.
    package var body: Data
    /// For a download: the name offered (`Content-Disposition: attachment`).
    package var filename: String?

    /// An HTML page.
    package static func page(_ html: String, status: Int = 200) -> PageReply {
        PageReply(status: status, contentType: "text/html; charset=utf-8", body: Data(html.utf8))
    }

    /// A file to download.
    package static func download(_ data: Data, contentType: String, filename: String) -> PageReply {
        PageReply(status: 200, contentType: contentType, body: data, filename: filename)
    }

    /// A text file to download.
    package static func download(_ text: String, contentType: String, filename: String) -> PageReply {
        download(Data(text.utf8), contentType: contentType + "; charset=utf-8", filename: filename)
    }
}
