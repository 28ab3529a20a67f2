// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Polso",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "polso", targets: ["polso"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // libcsv from Debian's libcsv-dev; Debian ships no pkg-config file, so the module map links it by name.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .target(name: "PolsoCSV", dependencies: ["CLibCSV"]),
        .target(name: "PolsoYAML", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "Reports"),
        .target(
            name: "PolsoCLI",
            dependencies: ["Reports", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "polso", dependencies: ["PolsoCLI"]),
        .testTarget(name: "PolsoCSVTests", dependencies: ["PolsoCSV"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
    ],
    swiftLanguageModes: [.v6]
)
