// swift-tools-version: 6.0
import PackageDescription
import Foundation

let package = Package(
    name: "auditsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "auditsim", targets: ["auditsim"]),
        .library(name: "AuditPolicy", targets: ["AuditPolicy"]),
        .library(name: "AuditReplay", targets: ["AuditReplay"]),
        .library(name: "AuditCorpus", targets: ["AuditCorpus"]),
        .library(name: "AuditAnalysis", targets: ["AuditAnalysis"]),
        .library(name: "AuditLint", targets: ["AuditLint"]),
        .library(name: "AuditEstimate", targets: ["AuditEstimate"]),
        .library(name: "AuditSimIO", targets: ["AuditSimIO"]),
        .library(name: "AuditCloudTrail", targets: ["AuditCloudTrail"]),
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
        // SIMD classification of JSON bytes (SSE2, AVX2 and PCLMUL chosen at run time, scalar elsewhere) for the replay's scanners.
        .target(name: "CScan"),
        // Policy model, YAML loading, validation, request attributes and evaluation.
        .target(name: "AuditPolicy", dependencies: ["CYAML"]),
        // Recorded events in, synthesized events, sizes and limits out.
        .target(name: "AuditReplay", dependencies: ["AuditPolicy", "CZlib", "CScan"]),
        // Fake recordings: a deterministic generator of EKS audit traffic, and the bundled sample built from it.
        .target(name: "AuditCorpus", dependencies: ["AuditPolicy", "CZlib"]),
        // Exact reasoning over every possible request: classes, shadowing, diff (and what it changes in a recorded corpus), coverage, policy tests, and their reports.
        .target(name: "AuditAnalysis", dependencies: ["AuditPolicy", "AuditReplay"]),
        // Lint checks (one file each, with ID, documentation and examples), configuration, suppressions, output formats.
        .target(name: "AuditLint", dependencies: ["AuditPolicy", "AuditReplay", "AuditAnalysis"]),
        // CloudWatch volume and cost from replays: prices, breakdowns, what-if, suggestions, merge, HTML report.
        .target(name: "AuditEstimate", dependencies: ["AuditReplay", "AuditAnalysis"]),
        // AWS CloudTrail: EKS logging gaps, access changes and node instance lifetimes, compared with audit recordings.
        .target(name: "AuditCloudTrail", dependencies: ["AuditPolicy", "AuditReplay"]),
        // The command line's edge: safe outputs, policy and file inputs, broken pipes.
        .target(name: "AuditSimIO", dependencies: ["AuditPolicy"]),
        .executableTarget(
            name: "auditsim",
            dependencies: [
                "AuditPolicy",
                "AuditReplay",
                "AuditCorpus",
                "AuditAnalysis",
                "AuditLint",
                "AuditEstimate",
                "AuditSimIO",
                "AuditCloudTrail",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `auditsim-bench`: generates a corpus of 1 GB or more and measures replay speed and memory.
        .executableTarget(name: "auditsim-bench", dependencies: ["AuditPolicy", "AuditReplay", "AuditCorpus", "AuditAnalysis", "AuditLint"]),
        .testTarget(name: "AuditPolicyTests", dependencies: ["AuditPolicy"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AuditReplayTests", dependencies: ["AuditReplay", "AuditCorpus"]),
        .testTarget(name: "AuditCorpusTests", dependencies: ["AuditCorpus", "AuditReplay"]),
        .testTarget(name: "AuditAnalysisTests", dependencies: ["AuditAnalysis"]),
        .testTarget(name: "AuditLintTests", dependencies: ["AuditLint"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AuditEstimateTests", dependencies: ["AuditEstimate", "AuditCorpus"]),
        .testTarget(name: "AuditSimIOTests", dependencies: ["AuditSimIO"]),
        .testTarget(name: "AuditCloudTrailTests", dependencies: ["AuditCloudTrail", "AuditReplay", "AuditCorpus"]),
        // The command line as users run it: exit codes, help text, README examples.
        .testTarget(name: "AuditSimCLITests", dependencies: ["auditsim"], exclude: ["Fixtures", "Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets. What each one checks is the library target FuzzTargets (Fuzz/FuzzTargets),
// built by every `swift build` so that it keeps up with the libraries; the executables that
// hand it to libFuzzer (Fuzz/<Target>/main.swift) are declared only when AUDITSIM_FUZZ=1, and
// Scripts/fuzz.sh builds them with `-sanitize=fuzzer,address`.
package.targets.append(.target(
    name: "FuzzTargets",
    dependencies: ["AuditPolicy", "AuditReplay", "AuditAnalysis", "AuditLint", "AuditEstimate", "AuditCloudTrail"],
    path: "Fuzz/FuzzTargets"
))
if ProcessInfo.processInfo.environment["AUDITSIM_FUZZ"] == "1" {
    let fuzzTargets = ["FuzzPolicy", "FuzzLint", "FuzzReplay", "FuzzRequestURI", "FuzzExplainBatch",
                       "FuzzTestFile", "FuzzConfiguration", "FuzzEstimateMerge", "FuzzCloudTrail", "FuzzScanner"]
    package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"))
    for name in fuzzTargets {
        package.targets.append(.executableTarget(name: name, dependencies: ["FuzzTargets", "FuzzDriver"], path: "Fuzz/\(name)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
