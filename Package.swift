// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Polso",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "polso", targets: ["polso"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // multipart/form-data parsing for the import page's uploads.
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.100.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.29.0"),
    ],
    targets: [
        // libcsv from Debian's libcsv-dev; Debian ships no pkg-config file, so the module map links it by name.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        // libxlsxwriter from Debian's libxlsxwriter-dev, for the workbooks Polso writes (plan export).
        .systemLibrary(name: "CLibXlsxWriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // OpenSSL's libcrypto from Debian's libssl-dev, for SHA-256 with the CPU's SHA instructions
        // (swift-crypto would build BoringSSL from source: see docs/store-and-speed.md).
        .systemLibrary(name: "CLibCrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "PolsoCSV", dependencies: ["CLibCSV", "CLibCrypto"]),
        .target(name: "PolsoYAML", dependencies: [.product(name: "Yams", package: "Yams")]),
        // .xlsx workbooks read into the CSV reader's records: ZIPFoundation for the container, XMLParser for the XML.
        .target(
            name: "PolsoWorkbook",
            dependencies: ["PolsoCSV", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(name: "Surveys", dependencies: ["PolsoCSV", "PolsoWorkbook", "PolsoYAML"]),
        .target(name: "Statistics", dependencies: ["Surveys"]),
        // Performance plans: the pure scoring engine, and the plan.yaml reader that feeds it.
        .target(name: "Performance"),
        // Plan files: plan.yaml, and the one-row-per-node spreadsheets (xlsx, CSV) it is imported from and exported to.
        .target(
            name: "PlanFiles",
            dependencies: ["Performance", "PolsoYAML", "PolsoCSV", "PolsoWorkbook", "CLibXlsxWriter",
                           .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Store",
            dependencies: [
                "Surveys", "PolsoCSV",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The PostgreSQL engine of the store (a network of bodies), through PostgresNIO.
        .target(
            name: "StorePostgres",
            dependencies: [
                "Store", "Surveys",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The one place where a survey statistic becomes an indicator value (polso push).
        .target(name: "SurveyMetrics", dependencies: ["Surveys", "Statistics", "Store", "Performance", "PlanFiles"]),
        .target(name: "Reports", dependencies: ["PolsoCSV", "Surveys", "Statistics", "Performance"]),
        // The library facade: every user-level operation as a typed call returning values and throwing
        // PolsoError; the CLI (and later the web server) only parse, call it and render.
        .target(
            name: "PolsoKit",
            dependencies: ["PolsoCSV", "PolsoWorkbook", "PolsoYAML", "Surveys", "Statistics", "Store", "StorePostgres", "Reports", "Performance",
                           "PlanFiles", "SurveyMetrics",
                           // The demo's samples ship inside the binary as a ZIP archive (BundledSampleArchive).
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The web pages: pure HTML views of PolsoKit's results (no HTTP, no I/O), escaped, Italian and English.
        .target(name: "PolsoWeb", dependencies: ["PolsoKit", "Reports", "Performance", "PlanFiles"]),
        // The web server (polso serve): Hummingbird, sessions, CSRF, scoping per body; handlers call PolsoKit.
        .target(
            name: "PolsoServer",
            dependencies: [
                "PolsoKit", "PolsoWeb", "Store", "PolsoCSV", "Reports", "Surveys", "Performance",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "PolsoCLI",
            dependencies: [
                "PolsoKit", "PolsoServer", "PolsoCSV", "PolsoWorkbook", "PolsoYAML", "Surveys", "Statistics", "Store", "Reports", "Performance", "PlanFiles", "SurveyMetrics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "polso", dependencies: ["PolsoCLI"]),
        // Fixtures shared by the test suites (temporary folders, export builders, a small codebook).
        .target(name: "PolsoTestSupport", dependencies: ["Surveys"], path: "Tests/PolsoTestSupport"),
        .testTarget(name: "PolsoCSVTests", dependencies: ["PolsoCSV", "PolsoTestSupport"]),
        .testTarget(
            name: "PolsoWorkbookTests",
            dependencies: ["PolsoWorkbook", "PolsoCSV", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]  // workbooks, their CSV twins and the script that makes them, read by path
        ),
        .testTarget(name: "SurveysTests", dependencies: ["Surveys", "PolsoCSV", "PolsoWorkbook", "PolsoYAML", "PolsoTestSupport"]),
        .testTarget(
            name: "StatisticsTests",
            dependencies: ["Statistics", "Surveys", "Store", "Reports", "PolsoTestSupport"],
            exclude: ["Fixtures"]  // reference values and the script that computes them, read by path
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "StorePostgres", "Surveys", "PolsoTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
        .testTarget(name: "PolsoKitTests", dependencies: ["PolsoKit", "Reports", "Statistics", "Store", "SurveyMetrics", "Surveys", "PolsoTestSupport"]),
        .testTarget(name: "PolsoWebTests", dependencies: ["PolsoWeb", "PolsoKit", "Reports", "Performance", "PolsoTestSupport"]),
        .testTarget(
            name: "PolsoServerTests",
            dependencies: [
                "PolsoServer", "PolsoKit", "Store", "StorePostgres", "PolsoTestSupport", "PolsoWeb", "Reports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(name: "PerformanceTests", dependencies: ["Performance", "PlanFiles", "PolsoYAML", "Reports"]),
        .testTarget(
            name: "PlanFilesTests",
            dependencies: ["PlanFiles", "Performance", "PolsoWorkbook"],
            exclude: ["Fixtures"]  // workbooks made by openpyxl and LibreOffice, and the script that makes them
        ),
        // Runs the built `polso` binary through Foundation's Process: no module dependencies, so
        // the tests exercise exactly what users run.
        .testTarget(name: "PolsoCLITests", dependencies: ["PolsoTestSupport"], exclude: ["Fixtures"]),  // the read-back script, run by path
    ],
    swiftLanguageModes: [.v6]
)
