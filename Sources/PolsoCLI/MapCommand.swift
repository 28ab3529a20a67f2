import ArgumentParser
import Foundation
import PolsoCSV
import Store
import Surveys

/// `polso map`: the draft mapping file of an export, written on request.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Write a draft mapping file (--map) for an export: every column decision and every open question.",
        discussion: """
        The draft is the one `polso import` writes when it refuses a file on its columns: items matched \
        by code, text or position, metadata and other columns ignored, and, as comments, each open question \
        with its nearest candidates. It is a valid mapping file as written.
        """)

    @Argument(help: ArgumentHelp("The export.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The questionnaire: a built-in name (anac-2013) or a codebook file.", valueName: "name|path"))
    var survey: String

    @Option(help: ArgumentHelp("Where to write the draft (default: beside the store, named after the export; - for standard output).", valueName: "path"))
    var out: String?

    @Option(help: ArgumentHelp("A mapping file to start from.", valueName: "file"))
    var map: String?

    @OptionGroup var storeOption: StoreOption

    @OptionGroup var csvOptions: CSVInputOptions

    func run() throws {
        let codebook = try translatingErrors { try CodebookLocator.load(survey).codebook }
        var options = ImportOptions(
            csv: csvOptions.readOptions,
            mapping: try translatingErrors { try map.map(ColumnMapping.load(path:)) })
        options.sheet = csvOptions.sheet
        let draft = try translatingErrors { try Importer(codebook: codebook, options: options).draftMapping(path: file) }
        if out == "-" {
            print(draft, terminator: "")
            return
        }
        let writer = DraftMappingWriter(storeOption: storeOption.store, export: file, mapPath: map)
        let path = try writer.write(draft, to: out)
        print("Draft mapping of \(ExportFile.displayName(file)) written to \(path): edit it, then rerun polso import with --map \(path)")
    }
}

/// Where draft mapping files go: beside the store (never beside the export, which may sit in a
/// read-only or shared folder), named after the export; an existing file is never overwritten
/// unless it is an earlier draft that is not the mapping file in use.
struct DraftMappingWriter {
    let storeOption: String?
    let export: String
    let mapPath: String?
    /// The command that writes the draft on request, said instead of writing it during a dry run
    /// (which writes nothing).
    var dryRunCommand: String? = nil

    static let marker = "# Draft column mapping of "

    func defaultPath() -> String {
        let store = URL(fileURLWithPath: SurveyStore.resolvePath(option: storeOption))
        let name = export == "-" ? "stdin" : URL(fileURLWithPath: export).deletingPathExtension().lastPathComponent
        let folder = store.deletingLastPathComponent()
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
        if let mapPath, URL(fileURLWithPath: mapPath).standardizedFileURL == URL(fileURLWithPath: path).standardizedFileURL { return false }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
        return text.hasPrefix(Self.marker)
    }

    /// Writes `draft` to `path` or to ``defaultPath()``; returns where.
    func write(_ draft: String, to path: String? = nil) throws -> String {
        let target = path ?? defaultPath()
        do {
            try Data(draft.utf8).write(to: URL(fileURLWithPath: target))
        } catch {
            throw PolsoFailure("cannot write the draft mapping file \(target): \(error.localizedDescription)")
        }
        return target
    }

    /// Like the global `translatingErrors`, and for an import refused on its columns writes the
    /// draft mapping and says where.
    func translatingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ImportFailure {
            guard let draft = error.draftMapping else { throw PolsoFailure(error.description) }
            if let dryRunCommand {
                throw PolsoFailure(error.description + "\nA draft mapping with every column decision and open question is written by: \(dryRunCommand)")
            }
            let path = try write(draft)
            throw PolsoFailure(error.description + "\nA draft mapping with every column decision and open question was written to \(path): edit it and rerun with --map \(path)")
        } catch {
            return try PolsoCLI.translatingErrors { () throws -> T in throw error }
        }
    }
}
