import Foundation
import SpatialAnalysis
import TestSupport
import Testing

@testable import hotspot

/// `hotspot count` accounts for every row: rows = filtered out + skipped + without location +
/// outside every area (after snapping) + counted in an area.
@Suite("Nothing lost")
struct NothingLostTests {
  /// A seeded random incident file mixing every kind of row, with what the sum must give.
  static func randomIncidents(seed: UInt64) -> (csv: String, rows: Int) {
    var rng = SplitMix64(seed: seed)
    var csv = "easting,northing,category,month\n"
    let rows = Int.random(in: 50...400, using: &rng)
    for _ in 0..<rows {
      let category = ["asb", "burglary", "Anti-social behaviour", "\"a, quoted\""].randomElement(using: &rng)!
      let month = ["2024-01", "2024-06", "2024-12", "2023-12", "2025-01", "2024-13", "", "06/2024"]
        .randomElement(using: &rng)!
      let x: String
      let y: String
      switch Int.random(in: 0..<12, using: &rng) {
      case 0: (x, y) = ("", "")  // without location
      case 1: (x, y) = ("abc", "500100")  // malformed
      case 2: (x, y) = ("400100", "")  // one coordinate empty: malformed
      case 3: (x, y) = ("1e400", "500100")
      case 4: (x, y) = ("\(Int.random(in: 410_000...420_000, using: &rng))", "500100")  // far outside
      case 5: (x, y) = ("\(402_000 + Int.random(in: 1...40, using: &rng))", "500500")  // just outside east
      case 6:
        csv += "400100,500100,asb\n"  // a field short: the last column missing is allowed
        continue
      case 7:
        csv += "400100,500100,asb,2024-01,extra\n"  // a field too many: malformed
        continue
      default:
        (x, y) = (
          "\(Int.random(in: 400_000...402_000, using: &rng))", "\(Int.random(in: 500_000...502_000, using: &rng))"
        )
      }
      csv += "\(x),\(y),\(category),\(month)\n"
    }
    return (csv, rows)
  }

  @Test("rows = filtered out + skipped + without location + outside + counted, on random files", arguments: 0..<12)
  func sumCloses(seed: UInt64) throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("areas.geojson", fourSquares())
    let (csv, rows) = Self.randomIncidents(seed: seed)
    let points = try folder.file("points.csv", csv)
    var arguments = ["--areas", areas, "--incidents", points]
    if seed % 2 == 1 { arguments += ["--period", "2024-01..2024-12"] }
    if seed % 3 == 1 { arguments += ["--category", "asb", "--category", "Anti-social behaviour"] }
    if seed % 4 >= 2 { arguments += ["--snap", "25m"] }
    let summary = try countJSON(arguments).summary
    func value(_ key: String) -> Int { (summary[key] as? NSNumber)?.intValue ?? 0 }
    #expect(value("rows") == rows)
    #expect(
      value("rows")
        == value("filtered_out") + value("skipped") + value("without_location") + value("outside")
        + value("counted"), "\(summary)")
    if seed % 4 >= 2 { #expect(value("snapped") <= value("counted")) }
  }
}

/// No thread-count knob exists, so whole runs are compared with themselves: the parallel parts
/// (binning, density, permutations) must give the same bytes every time.
@Suite("Deterministic runs")
struct DeterministicRunTests {
  @Test("count, density and gistar with permutations give the same bytes run after run")
  func repeatedRuns() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("areas.geojson", fourSquares())
    var rng = SplitMix64(seed: 5)
    var csv = "easting,northing,category,month\n"
    for _ in 0..<40_000 {
      csv +=
        "\(Int.random(in: 399_990...402_010, using: &rng)),\(Int.random(in: 499_990...502_010, using: &rng)),asb,2024-01\n"
    }
    let points = try folder.file("points.csv", csv)
    let commands = [
      ["count", "--areas", areas, "--incidents", points, "--format", "csv", "--snap", "25m"],
      ["density", "--incidents", points, "--format", "csv", "--cell", "50m", "--bandwidth", "200m"],
      ["gistar", "--areas", areas, "--incidents", points, "--format", "csv", "--permutations", "999", "--seed", "3"],
    ]
    for arguments in commands {
      let first = runHotspotRaw(arguments + ["--quiet"])
      #expect(first.status == 0, "\(arguments[0]): \(first.error)")
      for _ in 0..<2 {
        #expect(runHotspotRaw(arguments + ["--quiet"]).output == first.output, "\(arguments[0])")
      }
    }
  }
}
