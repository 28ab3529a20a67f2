import Foundation
import PolsoCSV
import Surveys

/// `polso codebook draft FILE`: a first codebook (YAML) inferred from an export.
public enum CodebookDrafting {
    /// The draft of the export at `file` (CSV or .xlsx), named `name` or after the file.
    /// - Throws: ``PolsoError`` when the export cannot be read or holds nothing to draft from.
    public static func draft(file: String, name: String?, options: CSVReadOptions, sheet: String?) throws -> String {
        try PolsoError.catching {
            DraftYAML.render(try CodebookDraft(profile: ExportProfile(path: file, options: options, sheet: sheet), name: name))
        }
    }

    /// Writes a draft to a new file; an existing file is never overwritten.
    /// - Throws: ``PolsoError`` when `path` exists or cannot be written.
    public static func write(_ yaml: String, to path: String) throws(PolsoError) {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw PolsoError("\(path) already exists: choose another --out, or remove it first", kind: .output)
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(yaml.utf8)) else {
            throw PolsoError("cannot write \(path): check the folder exists and is writable", kind: .output)
        }
    }
}
