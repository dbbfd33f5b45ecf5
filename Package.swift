// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "auditsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "auditsim", targets: ["auditsim"]),
        .library(name: "AuditPolicy", targets: ["AuditPolicy"]),
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
        // Policy model, YAML loading, validation, request attributes and evaluation.
        .target(name: "AuditPolicy", dependencies: ["CYAML"]),
        .executableTarget(
            name: "auditsim",
            dependencies: [
                "AuditPolicy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "AuditPolicyTests", dependencies: ["AuditPolicy"]),
    ],
    swiftLanguageModes: [.v6]
)
