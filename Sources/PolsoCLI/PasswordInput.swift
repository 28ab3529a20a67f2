import ArgumentParser
import Foundation

/// Reads a new password from a file or standard input (never from an argument, which other users
/// of the machine see in the process list); on a terminal, without echo.
enum PasswordInput {
    static func read(file: String?, prompt: String) throws -> String {
        let text: String
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read the password file \(file): check that it exists and is readable")
            }
            text = String(decoding: data, as: UTF8.self)
        } else if isatty(STDIN_FILENO) == 1 {
            guard let entered = getpass(prompt) else { throw ValidationError("no password was entered") }
            text = String(cString: entered)
        } else {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        // The first line, without its line end: `echo secret | polso users add …` works as expected.
        let password = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map { String($0) } ?? ""
        let trimmed = password.hasSuffix("\r") ? String(password.dropLast()) : password
        guard !trimmed.isEmpty else {
            throw ValidationError("no password was given: pipe it on standard input or name a file with --password-file")
        }
        return trimmed
    }
}
