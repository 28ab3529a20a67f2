import Foundation

/// A `multipart/form-data` form as received: text fields, and file fields written to disk.
package struct MultipartForm: Sendable {
    /// A file field.
    package struct File: Sendable {
        /// The name the browser gave (sanitised: one path segment, no control characters).
        package var name: String
        /// Where its bytes were written.
        package var url: URL
        /// How many bytes it holds.
        package var size: Int
    }

    /// The text fields.
    package var fields: [String: String] = [:]
    /// The file fields with a file chosen (an empty file input sends no bytes and is left out).
    package var files: [String: File] = [:]

    package init() {}
}
