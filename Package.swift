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
        .target(name: "PolsoYAML", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Performance plans: the pure scoring engine, and the plan.yaml reader that feeds it.
        .target(name: "Performance"),
        .target(name: "PlanFiles", dependencies: ["Performance", "PolsoYAML"]),
        .target(name: "Reports", dependencies: ["Performance"]),
        .target(
            name: "PolsoCLI",
            dependencies: [
                "Reports", "Performance", "PlanFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "polso", dependencies: ["PolsoCLI"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
        .testTarget(name: "PerformanceTests", dependencies: ["Performance", "PlanFiles", "Reports"]),
        // Runs the built `polso` binary through Foundation's Process: no module dependencies, so
        // the tests exercise exactly what users run.
        .testTarget(name: "PolsoCLITests"),
    ],
    swiftLanguageModes: [.v6]
)
