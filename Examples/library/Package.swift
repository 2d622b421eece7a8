// swift-tools-version: 6.0
// Hotspot used as a library: two small programs against the package two folders up.
import PackageDescription

let package = Package(
  name: "HotspotLibraryExamples",
  dependencies: [.package(name: "Hotspot", path: "../..")],
  targets: [
    /// 2024 anti-social behaviour per division: the ten highest rates, and a choropleth.
    .executableTarget(
      name: "asb-per-division",
      dependencies: [
        .product(name: "Analyses", package: "Hotspot"), .product(name: "Reports", package: "Hotspot"),
      ]),
    /// A density surface for GIS, and the patrol cells that hold a quarter of the incidents.
    .executableTarget(
      name: "density-and-patrol",
      dependencies: [
        .product(name: "Analyses", package: "Hotspot"), .product(name: "Reports", package: "Hotspot"),
      ]),
  ],
  swiftLanguageModes: [.v6]
)
