import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis

/// CSV read speed in rows/s on a 1,000,000-row incident file.
enum IncidentReaderBenchmarks {
  static let rowCount = 1_000_000

  static var all: [Benchmark] {
    [
      Benchmark(
        name: "read 1,000,000 CSV incident rows (easting/northing/lon/lat)", runs: 5,
        prepare: {
          let path = try plainFile()
          return Benchmark.Work(units: Double(rowCount), unitName: "rows") {
            let (table, report) = try IncidentReader.read(files: [path], options: IncidentColumnOptions())
            guard table.count == rowCount, report.dataRows == rowCount,
              table.category?.values.count == 3
            else { throw BenchmarkCheckFailed(description: "read \(table.count) rows") }
          }
        }),
      Benchmark(
        name: "stream 1,000,000 CSV incident rows in 65,536-row chunks", runs: 5,
        prepare: {
          let path = try plainFile()
          return Benchmark.Work(units: Double(rowCount), unitName: "rows") {
            var rows = 0
            _ = try IncidentReader.stream(file: path, options: IncidentColumnOptions()) { chunk in
              rows += chunk.count
            }
            guard rows == rowCount else { throw BenchmarkCheckFailed(description: "streamed \(rows) rows") }
          }
        }),
      readWithThreads(1),
      readWithThreads(IncidentReadPlan.automatic.threads),
    ]
  }

  /// The plain file read with `threads` parsing threads; the table must equal the one-thread read.
  static func readWithThreads(_ threads: Int) -> Benchmark {
    Benchmark(
      name: "read 1,000,000 CSV incident rows on \(threads) thread\(threads == 1 ? "" : "s")", runs: 5,
      prepare: {
        let path = try plainFile()
        let plan = IncidentReadPlan(threads: threads)
        let reference = try IncidentReader.read(
          files: [path], options: IncidentColumnOptions(), plan: IncidentReadPlan(threads: 1)
        ).table
        return Benchmark.Work(units: Double(rowCount), unitName: "rows") {
          let (table, _) = try IncidentReader.read(
            files: [path], options: IncidentColumnOptions(), plan: plan)
          guard table.x == reference.x, table.y == reference.y, table.date == reference.date,
            table.category == reference.category
          else { throw BenchmarkCheckFailed(description: "\(threads) threads read another table") }
        }
      })
  }

  /// `id,easting,northing,lon,lat,month,category`, like the conformance points files: easting and
  /// northing to the centimetre over a 55 × 45 km county, lon/lat derived with 6 decimals.
  static func plainFile() throws -> String {
    let path = benchmarkFolder + "/points-\(rowCount).csv"
    if FileManager.default.fileExists(atPath: path) { return path }
    var rng = SplitMix64(seed: 7)
    let categories = ["Personal", "Nuisance", "Environmental"]
    var text = "id,easting,northing,lon,lat,month,category\n"
    text.reserveCapacity(rowCount * 64)
    for id in 0..<rowCount {
      let easting = 400_000 + Double(rng.next() % 5_500_000) / 100
      let northing = 520_000 + Double(rng.next() % 4_500_000) / 100
      let lonLat = BritishNationalGrid.unproject(Point(x: easting, y: northing))
      let month = Int(rng.next() % 12) + 1
      text += "\(id),\(NumberText.fixed(easting, digits: 2)),\(NumberText.fixed(northing, digits: 2)),"
      text += "\(NumberText.fixed(lonLat.longitude, digits: 6)),\(NumberText.fixed(lonLat.latitude, digits: 6)),"
      text += "2024-\(month < 10 ? "0" : "")\(month),\(categories[Int(rng.next() % 3)])\n"
    }
    try AtomicFile.write(text, to: path)
    return path
  }
}
