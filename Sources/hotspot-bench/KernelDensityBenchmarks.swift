import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis

/// Exact quartic density: 1,000,000 incidents, 50 m cells, 500 m bandwidth over the generated
/// county (the conformance wards' extent, about 60 × 50 km), as the peers' KDE scripts use it.
enum KernelDensityBenchmarks {
  static var all: [Benchmark] {
    [
      Benchmark(
        name: "quartic density of 1,000,000 incidents, 50 m cells, h 500 m", runs: 3,
        prepare: {
          let (x, y) = try points()
          let grid = SquareGrid(snapping: try countyExtent(), cellSize: 50)
          return Benchmark.Work(units: Double(x.count), unitName: "points") {
            let density = KernelDensity.evaluate(x: x, y: y, grid: grid, kernel: .quartic, bandwidth: 500)
            // Almost every point lies over a kilometre inside the extent: the surface holds them all.
            let total = density.reduce(0, +) * grid.cellArea / 1_000_000
            guard abs(total - Double(x.count)) < 0.02 * Double(x.count) else {
              throw BenchmarkCheckFailed(description: "the surface holds \(total) incidents")
            }
          }
        })
    ]
  }

  /// The generated conformance points when present (`HOTSPOT_BENCH_DATA` or /tmp/hotspot-data),
  /// else the benchmark's own 1,000,000 points.
  static func points() throws -> ([Double], [Double]) {
    let folder = ProcessInfo.processInfo.environment["HOTSPOT_BENCH_DATA"] ?? "/tmp/hotspot-data"
    let conformance = folder + "/points_1m.csv"
    let path =
      FileManager.default.fileExists(atPath: conformance) ? conformance : try IncidentReaderBenchmarks.plainFile()
    let (table, _) = try IncidentReader.read(files: [path], options: IncidentColumnOptions())
    return (table.x, table.y)
  }

  /// The conformance wards' bounding box when present, else the generated points' county.
  static func countyExtent() throws -> BoundingBox {
    let folder = ProcessInfo.processInfo.environment["HOTSPOT_BENCH_DATA"] ?? "/tmp/hotspot-data"
    let wards = folder + "/wards.geojson"
    if FileManager.default.fileExists(atPath: wards) {
      return try GeoJSONReader.read(file: wards).collection.boundingBox
    }
    return BoundingBox(minX: 400_000, minY: 520_000, maxX: 455_000, maxY: 565_000)
  }
}
