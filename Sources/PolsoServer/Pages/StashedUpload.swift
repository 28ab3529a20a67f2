import Foundation

/// An uploaded file kept between its preview and its confirmation, bound to the session and the
/// body that uploaded it, with the choices made in the form.
package struct StashedUpload: Sendable {
    /// What the file is.
    package enum Kind: String, Sendable {
        /// A survey export (CSV or xlsx).
        case survey
        /// A plan workbook.
        case plan
    }

    /// The random identifier the confirming form sends back.
    package var id: String
    /// The session that uploaded it: no other session may confirm it.
    package var session: String
    /// The body it was uploaded to.
    package var body: String
    /// Survey export or plan workbook.
    package var kind: Kind
    /// The folder holding the file (and the mapping), removed with the upload.
    package var folder: URL
    /// The file, under its original name (sanitised).
    package var file: URL
    /// The mapping file uploaded with it, if any.
    package var mapping: URL?
    /// The file's SHA-256 when it was previewed: the confirmation re-checks it.
    package var sha256: String
    /// The form's choices.
    package var survey: String
    package var year: Int
    package var unit: String?
    package var service: String?
    package var staff: Int?
    /// When it was uploaded; stale uploads are removed.
    package var created: Date
}
