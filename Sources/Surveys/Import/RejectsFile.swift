import Foundation
import PolsoCSV

/// The rejects file of `--skip-invalid-rows`: the original fields, the line, and the reason.
///
/// Written under a temporary name beside its target; the caller puts it in place once the import
/// commits (``PendingFile/commit()``), or it is removed.
struct RejectsFile {
    let path: String
    let pending: PendingFile
    private var handle: FileHandle?
    private let headers: [String]

    /// `<file>.rejects.csv` beside the file; `stdin.rejects.csv` in the current folder for standard input.
    static func defaultPath(for file: String) -> String {
        if file == InputSource.standardInputName { return "stdin.rejects.csv" }
        let url = URL(fileURLWithPath: file)
        return url.deletingPathExtension().path + ".rejects.csv"
    }

    init(path: String, headers: [String]) {
        self.path = path
        self.headers = headers
        pending = PendingFile(target: path)
    }

    mutating func append(fields: [String], line: Int, reason: String) throws {
        if handle == nil {
            guard FileManager.default.createFile(atPath: pending.temporaryPath, contents: nil),
                  let opened = FileHandle(forWritingAtPath: pending.temporaryPath) else {
                throw ImportFailure(file: path, problems: [], total: 0, advice: "cannot write the rejects file \(path)")
            }
            handle = opened
            try opened.write(contentsOf: Data(CSVFieldQuoting.record(["line", "reason"] + headers).utf8))
        }
        try handle?.write(contentsOf: Data(CSVFieldQuoting.record([String(line), reason] + fields).utf8))
    }

    func close() throws {
        try handle?.close()
    }
}
