// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "auditsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "auditsim", targets: ["auditsim"]),
        .library(name: "AuditPolicy", targets: ["AuditPolicy"]),
        .library(name: "AuditReplay", targets: ["AuditReplay"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libyaml from the system: Debian `libyaml-dev`, pkg-config `yaml-0.1`.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // zlib from the system (Debian `zlib1g-dev`), for gzip-compressed corpora.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Policy model, YAML loading, validation, request attributes and evaluation.
        .target(name: "AuditPolicy", dependencies: ["CYAML"]),
        // Recorded events in, synthesized events, sizes and limits out.
        .target(name: "AuditReplay", dependencies: ["AuditPolicy", "CZlib"]),
        .executableTarget(
            name: "auditsim",
            dependencies: [
                "AuditPolicy",
                "AuditReplay",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "AuditPolicyTests", dependencies: ["AuditPolicy"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AuditReplayTests", dependencies: ["AuditReplay"]),
    ],
    swiftLanguageModes: [.v6]
)
