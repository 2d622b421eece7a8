import Analyses
import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis

/// `hotspot emerging`'s whole request on the goal's size: 1,000,000 incidents over 24 months read
/// from CSV, binned into 250 m cells over the sample county (`GeoData/areas.geojson`, about 24,000
/// cells), space-time Gi* with one lag, Mann–Kendall and the 17 categories. The goal is the whole
/// process in under 2 s in release; `Examples/benchmarks/compare-peers.sh` (task `emerging`) times
/// the command line itself.
enum EmergingPipelineBenchmarks {
  static let rowCount = 1_000_000
  static let months = 24

  static var all: [Benchmark] {
    [
      Benchmark(
        name: "emerging: 1,000,000 incidents × 24 months into 250 m cells over the sample county", runs: 3,
        prepare: {
          let areas = FileManager.default.currentDirectoryPath + "/GeoData/areas.geojson"
          guard FileManager.default.fileExists(atPath: areas) else {
            throw BenchmarkSkipped(description: "run from the package folder: \(areas) is absent")
          }
          let path = try file()
          let request = EmergingRequest(
            features: FeatureSource(areasFile: areas, incidents: IncidentSource(files: [path]), cell: 250))
          return Benchmark.Work(units: Double(rowCount), unitName: "incidents") {
            let result = try request.run()
            guard result.cube.stepCount == months, result.locationCount > 20_000,
              result.categoryCounts.contains(where: { $0.category == .intensifyingHotSpot && $0.count > 0 })
            else { throw BenchmarkCheckFailed(description: "unexpected cube or categories") }
          }
        })
    ]
  }

  /// `id,easting,northing,month`: 1,000,000 incidents in 2023-01…2024-12 over the sample county's
  /// extent (uniform background, and a patch around Wexcombe busier every month), made once.
  static func file() throws -> String {
    let path = benchmarkFolder + "/emerging-\(rowCount)x\(months).csv"
    if FileManager.default.fileExists(atPath: path) { return path }
    var rng = SplitMix64(seed: 19)
    var text = "id,easting,northing,month\n"
    text.reserveCapacity(rowCount * 36)
    for id in 0..<rowCount {
      let month = Int(rng.next() % UInt64(months))
      let easting: Double
      let northing: Double
      // One incident in eight near Wexcombe, its share rising with the month.
      if rng.next() % 8 == 0 && Int(rng.next() % UInt64(months)) <= month {
        easting = 451_500 + Double(rng.next() % 200_000) / 100
        northing = 536_600 + Double(rng.next() % 200_000) / 100
      } else {
        easting = 415_000 + Double(rng.next() % 4_300_000) / 100
        northing = 526_000 + Double(rng.next() % 3_400_000) / 100
      }
      let year = 2023 + month / 12
      let m = month % 12 + 1
      text += "\(id),\(NumberText.fixed(easting, digits: 2)),\(NumberText.fixed(northing, digits: 2)),"
      text += "\(year)-\(m < 10 ? "0" : "")\(m)\n"
    }
    try AtomicFile.write(text, to: path)
    return path
  }
}
