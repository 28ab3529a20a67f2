import ArgumentParser
import Foundation
import PolsoCSV

/// `--delimiter` and `--encoding` (CSV) and `--sheet` (workbook), shared by the commands that read an export.
struct CSVInputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The sheet of an .xlsx workbook to read (default: the first visible one).", valueName: "name"))
    var sheet: String?

    @Option(help: ArgumentHelp("Field separator: ',', ';' or 'tab' (default: sniffed from the header).", valueName: "c"))
    var delimiter: String?

    @Option(help: ArgumentHelp("utf-8 or windows-1252 (default: UTF-8 when valid, else Windows-1252).", valueName: "name"))
    var encoding: String?

    @Option(name: .customLong("max-input-size"), help: ArgumentHelp(
        "The largest input read, in bytes or with K, M or G (KiB, MiB, GiB; default 2G): a larger file, or a pipe that goes on longer, is refused.",
        valueName: "size"))
    var maxInputSize: String?

    func validate() throws {
        if let maxInputSize, Self.byteCount(maxInputSize) == nil {
            throw ValidationError("--max-input-size must be a positive number of bytes, or one with K, M or G (e.g. 500M, 4G), not '\(maxInputSize)'")
        }
        if let delimiter, Self.delimiterByte(delimiter) == nil {
            throw ValidationError("--delimiter must be ',', ';' or 'tab', not '\(delimiter)'")
        }
        if let encoding, TextEncoding(rawValue: encoding.lowercased()) == nil {
            throw ValidationError("--encoding must be utf-8 or windows-1252, not '\(encoding)'")
        }
    }

    /// The options as given on the command line, to repeat them in a suggested command.
    var arguments: [String] {
        (sheet.map { ["--sheet", $0] } ?? []) + (delimiter.map { ["--delimiter", $0] } ?? []) + (encoding.map { ["--encoding", $0] } ?? [])
            + (maxInputSize.map { ["--max-input-size", $0] } ?? [])
    }

    /// The reader's options for the user's choices.
    var readOptions: CSVReadOptions {
        CSVReadOptions(delimiter: delimiter.flatMap(Self.delimiterByte), encoding: encoding.flatMap { TextEncoding(rawValue: $0.lowercased()) },
                       sizeLimit: maxInputSize.flatMap(Self.byteCount) ?? CSVReadOptions.defaultSizeLimit)
    }

    /// `1048576`, `512K`, `500M`, `4G` (also `4GiB`, `4g`) as bytes; `nil` when not a positive size.
    static func byteCount(_ text: String) -> Int? {
        var digits = text.trimmingCharacters(in: .whitespaces).uppercased()
        if digits.hasSuffix("IB") { digits.removeLast(2) } else if digits.hasSuffix("B") { digits.removeLast() }
        var shift = 0
        if let unit = digits.last, let power = ["K": 10, "M": 20, "G": 30, "T": 40][String(unit)] {
            shift = power
            digits.removeLast()
        }
        guard let number = Int(digits), number > 0, number <= Int.max >> shift else { return nil }
        return number << shift
    }

    static func delimiterByte(_ text: String) -> UInt8? {
        switch text.lowercased() {
        case ",", "comma": return UInt8(ascii: ",")
        case ";", "semicolon": return UInt8(ascii: ";")
        case "tab", "\t", "\\t": return 0x09
        default: return nil
        }
    }
}
