import Foundation
import PolsoCSV
import Store
import Surveys

/// Where draft mapping files go: beside the store (never beside the export, which may sit in a
/// read-only or shared folder), named after the export; an existing file is never overwritten
/// unless it is an earlier draft that is not the mapping file in use.
public struct DraftMappingFile: Sendable {
    /// The store option (`--store`); `nil` is `$POLSO_STORE`, else `./polso.sqlite`.
    public var store: String?
    /// The export the draft maps.
    public var export: String
    /// The mapping file in use, never overwritten.
    public var mapping: String?

    static let marker = "# Draft column mapping of "

    /// The drafts of `export`, beside `store`.
    public init(store: String?, export: String, mapping: String?) {
        self.store = store
        self.export = export
        self.mapping = mapping
    }

    /// The draft mapping of an export: every column decision and every open question.
    /// - Throws: ``PolsoError`` when the codebook, the mapping or the export cannot be read.
    public static func draft(export: String, survey: String, mapping: String?, csv: CSVReadOptions, sheet: String?) throws -> String {
        try PolsoError.catching {
            let codebook = try CodebookLocator.load(survey).codebook
            var options = ImportOptions(csv: csv, mapping: try mapping.map(ColumnMapping.load(path:)))
            options.sheet = sheet
            return try Importer(codebook: codebook, options: options).draftMapping(path: export)
        }
    }

    /// `<export name>.map.yaml` beside the store, or `.map-2.yaml`… when that name is taken by a
    /// file that is no earlier draft, or is the mapping in use.
    public func defaultPath() -> String {
        let store = SurveyStore.resolvePath(option: store)
        let name = export == "-" ? "stdin" : URL(fileURLWithPath: export).deletingPathExtension().lastPathComponent
        // A PostgreSQL store has no folder: the draft goes into the current one.
        let folder = SurveyStore.isPostgresURL(store)
            ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            : URL(fileURLWithPath: store).deletingLastPathComponent()
        var candidate = folder.appendingPathComponent("\(name).map.yaml")
        var counter = 2
        while !reusable(candidate.path) {
            candidate = folder.appendingPathComponent("\(name).map-\(counter).yaml")
            counter += 1
        }
        return candidate.path
    }

    private func reusable(_ path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return true }
        if let mapping, URL(fileURLWithPath: mapping).standardizedFileURL == URL(fileURLWithPath: path).standardizedFileURL { return false }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
        return text.hasPrefix(Self.marker)
    }

    /// Writes `draft` to `path` or to ``defaultPath()``; returns where.
    /// - Throws: ``PolsoError`` when the file cannot be written.
    public func write(_ draft: String, to path: String? = nil) throws(PolsoError) -> String {
        let target = path ?? defaultPath()
        do {
            try Data(draft.utf8).write(to: URL(fileURLWithPath: target))
        } catch {
            throw PolsoError("cannot write the draft mapping file \(target): \(error.localizedDescription)", kind: .output)
        }
        return target
    }

    /// Runs an import; when it is refused on its columns, writes the draft mapping and says where
    /// (or, with `advice`, names the command that writes it, for a dry run that writes nothing).
    func writingDraftOnRefusal<T>(advice: String?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ImportFailure {
            guard let draft = error.draftMapping else { throw PolsoError(error.description) }
            if let advice {
                throw PolsoError(error.description + "\nA draft mapping with every column decision and open question is written by: \(advice)")
            }
            let path = try write(draft)
            throw PolsoError(error.description + "\nA draft mapping with every column decision and open question was written to \(path): edit it and rerun with --map \(path)")
        } catch {
            throw PolsoError(error) ?? error
        }
    }
}
