import Foundation
import TestSupport
import Testing

@testable import hotspot

@Suite("Locational outliers on the command line")
struct OutlierCommandTests {
  /// 60 incidents in a 2 km square and, on line 32, one 250 km north.
  static func incidents() -> String {
    var csv = "easting,northing,month\n"
    for k in 0..<60 {
      if k == 30 { csv += "401000,751000,2024-02\n" }
      csv += "\(400_000 + (k * 337) % 2000),\(500_000 + (k * 731) % 2000),2024-0\(k % 4 + 1)\n"
    }
    return csv
  }

  @Test("inspect names the stray row's line and position; problems are no longer 'none'")
  func inspectNamesTheLine() throws {
    let folder = try TemporaryFolder()
    let file = try folder.file("stray.csv", Self.incidents())
    let (status, output, _) = runHotspot(["inspect", file])
    #expect(status == 0)
    #expect(output.contains("\(file), line 32: a locational outlier at (401000, 751000)"))
    #expect(!output.contains("problems none"))
  }

  @Test("backtest: the summary accounts for the outlier; the warning names its line")
  func backtestSummary() throws {
    let folder = try TemporaryFolder()
    let file = try folder.file("stray.csv", Self.incidents())
    let result = runHotspot(["backtest", "--incidents", file, "--rolling", "2:1", "--cell", "250"])
    #expect(result.status == 0, "\(result.error)")
    #expect(
      result.output.contains(
        "outliers 1 locational outliers set aside (61 rows with a location = 60 kept + 0 filtered out + 1 outliers)"))
    #expect(result.error.contains("stray.csv, line 32: a locational outlier at (401000, 751000)"))
  }

  @Test("patrol leaves the stray out by default and keeps it with --keep-outliers")
  func keepOutliers() throws {
    let folder = try TemporaryFolder()
    let file = try folder.file("stray.csv", Self.incidents())
    let left = runHotspot(["patrol", "--incidents", file, "--format", "json"])
    #expect(left.status == 0)
    #expect(left.output.contains("\"incidents_outliers\""))
    #expect(left.error.contains("line 32: a locational outlier"))
    let kept = runHotspot(["patrol", "--incidents", file, "--cell", "1000", "--keep-outliers", "--format", "json"])
    #expect(kept.status == 0)
    #expect(!kept.output.contains("\"incidents_outliers\""))
  }
}
