import Foundation
import MultipartKit
import NIOCore
import PolsoKit

/// Reads a `multipart/form-data` body as it streams in: text fields kept in memory (each at most
/// ``fieldLimit`` bytes), each file written as it arrives to `folder/<field>/<its own name>`, the
/// whole body stopped at `limit` bytes. Nothing is held whole in memory.
package final class MultipartReceiver {
    /// The longest text field accepted.
    package static let fieldLimit = 64 * 1024

    private let parser: MultipartParser
    private let folder: URL
    private let limit: Int
    private var received = 0
    private var headers: [String: String] = [:]
    private var text: [UInt8] = []
    private var handle: FileHandle?
    private var current: MultipartForm.File?
    private var failure: PageFailure?
    private var form = MultipartForm()

    /// A receiver for a body of `contentType`, refusing more than `limit` bytes.
    /// - Throws: ``PageFailure`` (400) when the content type is not `multipart/form-data` with a boundary.
    package init(contentType: String, folder: URL, limit: Int) throws(PageFailure) {
        guard let boundary = Self.boundary(contentType) else {
            throw PageFailure(status: 400, message: "the form was not sent as multipart/form-data")
        }
        parser = MultipartParser(boundary: boundary)
        self.folder = folder
        self.limit = limit
        parser.onHeader = { [unowned self] name, value in headers[name.lowercased()] = value }
        parser.onBody = { [unowned self] buffer in body(&buffer) }
        parser.onPartComplete = { [unowned self] in partComplete() }
    }

    /// Reads the next chunk of the body.
    /// - Throws: ``PageFailure``: 413 past the limit or for a text field too long, 400 for a malformed body, 500 when a file cannot be written.
    package func feed(_ buffer: ByteBuffer) throws(PageFailure) {
        received += buffer.readableBytes
        guard received <= limit else {
            throw PageFailure(status: 413, message: "The file is larger than this server accepts (\(limit / 1_048_576) MiB, --max-upload). Nothing was stored.")
        }
        do {
            try parser.execute(buffer)
        } catch {
            throw PageFailure(status: 400, message: "the form could not be read: \(error)")
        }
        if let failure { throw failure }
    }

    /// The form, once the whole body has been fed.
    package func finish() throws(PageFailure) -> MultipartForm {
        if let failure { throw failure }
        try? handle?.close()
        return form
    }

    private func body(_ buffer: inout ByteBuffer) {
        guard failure == nil else { return }
        let disposition = Self.disposition(headers["content-disposition"] ?? "")
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        guard let filename = disposition.filename else {
            text += bytes
            if text.count > Self.fieldLimit {
                failure = PageFailure(status: 413, message: "the form field \(disposition.name ?? "?") is longer than \(Self.fieldLimit) bytes")
            }
            return
        }
        if current == nil {
            let name = UploadName.sanitised(filename)
            // One subfolder per field, so that the file keeps its own name (the store records it).
            let field = folder.appendingPathComponent(UploadName.sanitised(disposition.name ?? "file"))
            let url = field.appendingPathComponent(name)
            guard (try? FileManager.default.createDirectory(at: field, withIntermediateDirectories: true)) != nil,
                  FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let opened = FileHandle(forWritingAtPath: url.path) else {
                failure = PageFailure(status: 500, message: "cannot keep the uploaded file \(name)")
                return
            }
            handle = opened
            current = MultipartForm.File(name: name, url: url, size: 0)
        }
        do {
            try handle?.write(contentsOf: bytes)
            current?.size += bytes.count
        } catch {
            failure = PageFailure(status: 500, message: "cannot keep the uploaded file: \(error.localizedDescription)")
        }
    }

    private func partComplete() {
        let disposition = Self.disposition(headers["content-disposition"] ?? "")
        if let name = disposition.name {
            if let file = current {
                try? handle?.close()
                if file.size > 0 { form.files[name] = file }
            } else if disposition.filename == nil {
                form.fields[name] = String(decoding: text, as: UTF8.self)
            }
        }
        headers = [:]
        text = []
        handle = nil
        current = nil
    }

    /// The boundary parameter of a `multipart/form-data` content type.
    static func boundary(_ contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            let value = part.dropFirst("boundary=".count)
            let unquoted = value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 ? value.dropFirst().dropLast() : value
            return unquoted.isEmpty ? nil : String(unquoted)
        }
        return nil
    }

    /// The `name` and `filename` parameters of a `Content-Disposition: form-data` header; a quoted
    /// value may hold `;` (browsers send a file's name as it is, `;` included, with `"` as `%22`).
    static func disposition(_ header: String) -> (name: String?, filename: String?) {
        var parameters: [String: String] = [:]
        var key = "", value = "", inValue = false, quoted = false
        func close() {
            if inValue { parameters[key.trimmingCharacters(in: .whitespaces).lowercased()] = value }
            key = ""; value = ""; inValue = false; quoted = false
        }
        for character in header {
            if quoted {
                if character == "\"" { quoted = false } else { value.append(character) }
            } else if character == ";" {
                close()
            } else if inValue {
                if character == "\"" && value.isEmpty { quoted = true } else if character != " " || !value.isEmpty { value.append(character) }
            } else if character == "=" {
                inValue = true
            } else {
                key.append(character)
            }
        }
        close()
        return (parameters["name"], parameters["filename"])
    }
}
