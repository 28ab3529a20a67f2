// swift-tools-version:6.1
import PackageDescription

// The libFuzzer harness of the CSV and workbook readers and the importer (see README.md). The library targets
// are the main package's own sources, linked here so that the harness is built with
// -sanitize=fuzzer,address without touching the main package.
let package = Package(
    name: "PolsoFuzz",
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CLibCrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "PolsoCSV", dependencies: ["CLibCSV", "CLibCrypto"]),
        .target(name: "PolsoWorkbook", dependencies: ["PolsoCSV", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "PolsoYAML", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "Surveys", dependencies: ["PolsoCSV", "PolsoWorkbook", "PolsoYAML"]),
        .executableTarget(name: "PolsoFuzz", dependencies: ["PolsoCSV", "Surveys"]),
    ],
    swiftLanguageModes: [.v6]
)
