// swift-tools-version: 6.0
// Hotspot: incident points and area boundaries in, decisions out.
// No package dependencies: only the Swift toolchain (Foundation, Dispatch, Swift Testing).

import PackageDescription

let package = Package(
  name: "Hotspot",
  products: [
    .library(name: "GeoCore", targets: ["GeoCore"]),
    .library(name: "GeoIO", targets: ["GeoIO"]),
    .library(name: "SpatialAnalysis", targets: ["SpatialAnalysis"]),
    .library(name: "Rendering", targets: ["Rendering"]),
    .library(name: "Analyses", targets: ["Analyses"]),
    .library(name: "Reports", targets: ["Reports"]),
    .executable(name: "hotspot", targets: ["hotspot"]),
  ],
  targets: [
    // MARK: - Library, in dependency order

    /// Values, coordinate reference systems, geometric algorithms.
    .target(name: "GeoCore", exclude: ["README.md"]),
    /// SHA-256 compression in C: the x86-64 SHA instructions when the CPU has them, else portable C.
    .target(name: "CSHA256"),
    /// Readers and writers: GeoJSON, CSV incidents, atomic output files.
    .target(name: "GeoIO", dependencies: ["GeoCore", "CSHA256"], exclude: ["README.md"]),
    /// Pure analysis: values in, values out; never touches a file.
    .target(name: "SpatialAnalysis", dependencies: ["GeoCore"], exclude: ["README.md"]),
    /// Tables, SVG maps and reports as strings; never writes a file.
    .target(
      name: "Rendering", dependencies: ["GeoCore", "SpatialAnalysis"], exclude: ["README.md"]),
    /// Every command's work as a request → result: loading areas and incidents with their rules,
    /// choosing defaults, composing analyses. Reads files; never writes one but through
    /// `AtomicFile`, never prints.
    .target(
      name: "Analyses", dependencies: ["GeoCore", "GeoIO", "SpatialAnalysis", "Rendering"],
      exclude: ["README.md"]),
    /// Results made into tables, maps and report sections (strings); never writes a file.
    .target(
      name: "Reports", dependencies: ["GeoCore", "GeoIO", "SpatialAnalysis", "Rendering", "Analyses"],
      exclude: ["README.md"]),

    // MARK: - Executables

    /// The command line: parse, dispatch, map errors to exit status.
    .executableTarget(
      name: "hotspot",
      dependencies: ["GeoCore", "GeoIO", "SpatialAnalysis", "Rendering", "Analyses", "Reports"]),
    /// `swift run -c release hotspot-bench [filter]`: speed of the library on generated data.
    .executableTarget(
      name: "hotspot-bench", dependencies: ["GeoCore", "GeoIO", "SpatialAnalysis", "Rendering", "Analyses"]),
    /// `swift run hotspot-sample [--output-dir GeoData]`: writes the synthetic sample county.
    .executableTarget(
      name: "hotspot-sample", dependencies: ["GeoCore", "GeoIO", "SpatialAnalysis"]),

    // MARK: - Tests

    .target(name: "TestSupport", dependencies: ["GeoCore", "SpatialAnalysis"], path: "Tests/TestSupport"),
    .testTarget(name: "GeoCoreTests", dependencies: ["GeoCore", "SpatialAnalysis", "TestSupport"]),
    .testTarget(
      name: "GeoIOTests", dependencies: ["GeoCore", "GeoIO", "SpatialAnalysis", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "SpatialAnalysisTests", dependencies: ["GeoCore", "GeoIO", "SpatialAnalysis", "TestSupport"]),
    .testTarget(
      name: "RenderingTests", dependencies: ["GeoCore", "GeoIO", "SpatialAnalysis", "Rendering", "TestSupport"],
      exclude: ["Snapshots"]),
    .testTarget(
      name: "AnalysesTests",
      dependencies: ["GeoCore", "GeoIO", "SpatialAnalysis", "Rendering", "Analyses", "TestSupport"]),
    .testTarget(
      name: "ReportsTests",
      dependencies: ["GeoCore", "GeoIO", "SpatialAnalysis", "Rendering", "Analyses", "Reports", "TestSupport"]),
    .testTarget(
      name: "HotspotCLITests",
      dependencies: ["hotspot", "GeoCore", "GeoIO", "SpatialAnalysis", "Analyses", "Reports", "TestSupport"],
      exclude: ["Snapshots"]),
    .testTarget(
      name: "SampleCountyTests",
      dependencies: ["hotspot-sample", "GeoCore", "GeoIO", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
