// swift-tools-version: 6.0
import Foundation
import PackageDescription

// libFuzzer targets, one per reader of untrusted bytes. Built apart from the main package
// (libFuzzer supplies `main`), with `scripts/fuzz`:
//   swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address
// which instruments every Swift module, so coverage guides the fuzzer through the readers.
let fuzzer: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
// A path dependency is known by its folder's name, which is the clone's name.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
    .lowercased()
let package = Package(
    name: "ehcp-audit-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "FuzzJSONRecords", dependencies: ["FuzzSupport", .product(name: "EHCPAuditFormats", package: root)],
            swiftSettings: fuzzer),
        .executableTarget(
            name: "FuzzXMLRecords", dependencies: ["FuzzSupport", .product(name: "EHCPAuditXML", package: root)],
            swiftSettings: fuzzer),
        .executableTarget(
            name: "FuzzFramework", dependencies: ["FuzzSupport", .product(name: "EHCPAuditFormats", package: root)],
            swiftSettings: fuzzer),
        .executableTarget(
            name: "FuzzPopulationCSV",
            dependencies: ["FuzzSupport", .product(name: "EHCPAuditFormats", package: root)], swiftSettings: fuzzer),
        .executableTarget(
            name: "FuzzSEN2",
            dependencies: [
                "FuzzSupport", .product(name: "EHCPAuditXML", package: root),
                .product(name: "EHCPAuditSampling", package: root),
            ], swiftSettings: fuzzer),
        .executableTarget(
            name: "FuzzBenchmarkBundle",
            dependencies: ["FuzzSupport", .product(name: "EHCPAuditKit", package: root)], swiftSettings: fuzzer),
        .executableTarget(
            name: "FuzzPlanDocuments",
            dependencies: ["FuzzSupport", .product(name: "EHCPAuditDocuments", package: root)], swiftSettings: fuzzer),
    ]
)
