import Foundation

/// The folders where Polso looks for what ships with it (`surveys/`, the bundled `reports/`):
/// the working folder, then the folders above the running executable, nearest first, so a binary
/// built or installed inside a checkout finds the checkout's files.
package enum InstallationFolders {
    /// Candidate folders, working folder first.
    package static func candidates() -> [URL] {
        var folders = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            folders.append(folder)
            folder.deleteLastPathComponent()
        }
        return folders
    }

    /// The first candidate folder that holds every one of `relativePaths`.
    package static func first(holding relativePaths: [String]) -> URL? {
        candidates().first { folder in
            relativePaths.allSatisfy { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
        }
    }
}
