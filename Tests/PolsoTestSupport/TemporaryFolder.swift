import Foundation

/// A fresh folder under the system's temporary directory, for one test.
public struct TemporaryFolder: Sendable {
    /// The folder's path.
    public let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("polso-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    /// The path of `name` inside the folder (the file need not exist).
    public func path(_ name: String) -> String {
        path + "/" + name
    }

    /// Writes `bytes` to `name` inside the folder and returns the file's path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Writes `text` as UTF-8 to `name` inside the folder and returns the file's path.
    @discardableResult
    public func write(_ name: String, text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// The file's content as UTF-8 text.
    public func read(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }
}

/// Runs `body` with a fresh temporary folder, removed afterwards whatever happens.
public func withTemporaryFolder<T>(_ body: (TemporaryFolder) throws -> T) throws -> T {
    let folder = try TemporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder.path) }
    return try body(folder)
}

/// Runs the asynchronous `body` with a fresh temporary folder, removed afterwards whatever happens.
public func withTemporaryFolder<T>(_ body: (TemporaryFolder) async throws -> T) async throws -> T {
    let folder = try TemporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder.path) }
    return try await body(folder)
}

/// Files of the repository that the tests read (never write).
public enum Repository {
    /// The package's root folder.
    public static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The built-in ANAC 2013 codebook.
    public static var anacCodebook: String { root + "/surveys/anac-2013/codebook.yaml" }

    /// The committed LimeSurvey sample export of `year` (2014, 2015, 2016).
    public static func anacSample(year: Int) -> String {
        root + "/surveys/anac-2013/samples/limesurvey-\(year).csv"
    }
}
