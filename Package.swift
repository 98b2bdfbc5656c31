// swift-tools-version: 6.0
import PackageDescription

// Module arrows point inward: the executable and the readers/renderers depend on the
// pure core `EHCPAudit`; the core depends on nothing but the standard library and
// swift-numerics' RealModule (pure mathematics).
let package = Package(
    name: "ehcp-audit",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "EHCPAuditKit", targets: ["EHCPAuditKit"]),
        .library(name: "EHCPAudit", targets: ["EHCPAudit"]),
        .library(name: "EHCPAuditFormats", targets: ["EHCPAuditFormats"]),
        .library(name: "EHCPAuditXML", targets: ["EHCPAuditXML"]),
        .library(name: "EHCPAuditDocuments", targets: ["EHCPAuditDocuments"]),
        .library(name: "EHCPAuditSampling", targets: ["EHCPAuditSampling"]),
        .library(name: "EHCPAuditStore", targets: ["EHCPAuditStore"]),
        .library(name: "EHCPAuditReports", targets: ["EHCPAuditReports"]),
        .library(name: "EHCPAuditSynthetic", targets: ["EHCPAuditSynthetic"]),
        .library(name: "EHCPAuditServer", targets: ["EHCPAuditServer"]),
        .executable(name: "ehcp-audit", targets: ["ehcp-audit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The core's only dependency: log, exp and log-gamma for the funnel plot's exact binomial.
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // The workspace's /metrics (serve --metrics-port): swift-metrics, kept in Prometheus's text format.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Reads plan documents (.docx, .odt) and writes the synthetic ones.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // OpenID Connect sign-in: the provider's discovery document and keys, and the ID token's check.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        // Documentation only: `swift package generate-documentation --target EHCPAudit`.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .target(name: "EHCPAudit", dependencies: [.product(name: "RealModule", package: "swift-numerics")]),
        // Threads that overlap reading, scoring and storing: a target, not a product, so
        // embedders never see it (its header says why it is not a package off the shelf).
        .target(name: "EHCPAuditConcurrency"),
        .target(
            name: "EHCPAuditFormats",
            dependencies: ["EHCPAudit", "EHCPAuditSampling", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "EHCPAuditSampling",
            dependencies: ["EHCPAudit", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "EHCPAuditStore",
            dependencies: [
                "EHCPAudit", "EHCPAuditConcurrency", "EHCPAuditFormats", "EHCPAuditSampling",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for binding bulk inserts (RowInsert) without boxing each value.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "EHCPAuditReports",
            dependencies: ["EHCPAudit", "EHCPAuditFormats", "EHCPAuditSampling"]),
        .target(
            name: "EHCPAuditSynthetic",
            dependencies: ["EHCPAudit", "EHCPAuditSampling", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .target(
            name: "EHCPAuditXML",
            dependencies: [
                "EHCPAudit", "EHCPAuditSampling", "CLibXML2", .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The XSD documents the format; the reader checks the same rules in Swift.
            exclude: ["ehcp-audit-record.xsd"]
        ),
        .target(
            name: "EHCPAuditDocuments",
            dependencies: ["EHCPAudit", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The shipped frameworks and plan-check rules, criteria/*.yaml (through the symlink
        // Sources/EHCPAuditBuiltIn/criteria), built into the binary so it runs in any folder.
        .target(
            name: "EHCPAuditBuiltIn",
            resources: [
                .embedInCode("criteria/ehcp-qa.yaml"), .embedInCode("criteria/annual-review.yaml"),
                .embedInCode("criteria/family-voice.yaml"), .embedInCode("criteria/plan-checks.yaml"),
            ]
        ),
        .target(
            name: "EHCPAuditKit",
            dependencies: [
                "EHCPAudit", "EHCPAuditBuiltIn", "EHCPAuditConcurrency", "EHCPAuditFormats", "EHCPAuditReports",
                "EHCPAuditXML", "EHCPAuditSampling", "EHCPAuditStore", "EHCPAuditDocuments",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "EHCPAuditServer",
            dependencies: [
                "EHCPAuditKit", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                // Threads for the store and bcrypt, off Swift's cooperative pool (BlockingWork).
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // Only what this module imports is in scope: GRDB's string-building `SQL` must not
            // take over the page templates' string literals.
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "ehcp-audit",
            dependencies: [
                "EHCPAuditKit", "EHCPAuditSynthetic", "EHCPAuditServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "EHCPAuditTestSupport", dependencies: ["EHCPAuditKit", "EHCPAuditSynthetic"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "EHCPAuditTests", dependencies: ["EHCPAudit", "EHCPAuditTestSupport"]),
        .testTarget(name: "EHCPAuditConcurrencyTests", dependencies: ["EHCPAuditConcurrency"]),
        .testTarget(name: "EHCPAuditBuiltInTests", dependencies: ["EHCPAuditBuiltIn", "EHCPAuditTestSupport"]),
        .testTarget(name: "EHCPAuditFormatsTests", dependencies: ["EHCPAuditFormats", "EHCPAuditTestSupport"]),
        .testTarget(
            name: "EHCPAuditReportsTests", dependencies: ["EHCPAuditReports", "EHCPAuditTestSupport"],
            // The renderers' golden files, read and written by path (scripts/update-goldens).
            exclude: ["Golden"]),
        .testTarget(name: "EHCPAuditXMLTests", dependencies: ["EHCPAuditXML", "CLibXML2", "EHCPAuditTestSupport"]),
        .testTarget(
            name: "EHCPAuditDocumentsTests",
            dependencies: ["EHCPAuditDocuments", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "EHCPAuditSamplingTests", dependencies: ["EHCPAuditSampling", "EHCPAuditTestSupport"]),
        .testTarget(
            name: "EHCPAuditSyntheticTests",
            dependencies: [
                "EHCPAuditSynthetic", "EHCPAuditTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "EHCPAuditStoreTests",
            dependencies: [
                "EHCPAuditStore", "EHCPAuditConcurrency", "EHCPAuditTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            // Golden files the tests read from this folder (StoredJSONGoldenTests).
            exclude: ["Fixtures"]),
        .testTarget(
            name: "EHCPAuditKitTests", dependencies: ["EHCPAuditKit", "EHCPAuditConcurrency", "EHCPAuditTestSupport"]),
        .testTarget(
            name: "EHCPAuditServerTests",
            dependencies: [
                "EHCPAuditServer", "EHCPAuditTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"), .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "JWTKit", package: "jwt-kit"),
            ]
        ),
        .testTarget(name: "CLITests", dependencies: ["ehcp-audit", "CLibXML2", "EHCPAuditTestSupport"]),
    ]
)
