import Foundation

/// The folders where Polso looks for local codebooks (`surveys/`): the working folder, then the
/// folders above the running executable, nearest first, so a binary built or installed inside a
/// checkout finds the checkout's files.
package enum InstallationFolders {
    /// Candidate folders, working folder first, each once (a binary in `/usr/bin` reaches `/`
    /// after two steps up, and the working folder may be one of them).
    package static func candidates() -> [URL] {
        var folders = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            folders.append(folder)
            folder.deleteLastPathComponent()
        }
        return distinct(folders)
    }

    /// `folders` without repeats, in their order, compared as standardized paths.
    package static func distinct(_ folders: [URL]) -> [URL] {
        var seen = Set<String>()
        return folders.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }
}
