import Foundation
import PolsoCSV
import Surveys

/// Every fuzzed input is written to this file and read through the public reader and importer,
/// exactly as `polso import --dry-run` reads a file.
private let inputPath = FileManager.default.temporaryDirectory.appendingPathComponent("polso-fuzz-\(getpid()).csv").path

/// The malformed corpus's two-item codebook (scale 1–5), found from this file's path.
private let codebook: Codebook = {
    var root = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { root.deleteLastPathComponent() }
    return try! Codebook.load(path: root.appendingPathComponent("Tests/MalformedCorpus/codebook.yaml").path)
}()

/// Accepts every response and forgets it.
private struct DiscardingSink: ResponseSink {
    mutating func begin(_ layout: ResponseLayout) throws {}
    mutating func add(_ response: ResponseRow) throws {}
}

/// libFuzzer's entry point: any error is a valid outcome; a crash, a sanitizer report, a
/// timeout or running out of memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard FileManager.default.createFile(atPath: inputPath, contents: Data(bytes: data, count: size)) else { return 0 }
    if let reader = try? CSVReader(path: inputPath) {
        try? reader.forEachRecord { record in
            for field in 0..<record.count { _ = record.string(field) }
        }
    }
    var options = ImportOptions()
    options.writesRejects = false
    options.surveyYear = 2024
    var sink = DiscardingSink()
    _ = try? Importer(codebook: codebook, options: options).run(path: inputPath, into: &sink, progress: nil)
    return 0
}

/// libFuzzer's driver, called from the executable's entry point: SwiftPM names an executable's
/// entry `PolsoFuzz_main` and points `main` at it, so the harness starts libFuzzer itself.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("PolsoFuzz_main")
public func polsoFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
