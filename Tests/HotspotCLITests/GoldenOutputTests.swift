import Foundation
import TestSupport
import Testing

@testable import hotspot

/// Every output a person reads, byte for byte against `Snapshots/`. Re-record after an intended
/// change with `RECORD_SNAPSHOTS=1 swift test` and review the diff.
@Suite("Golden outputs")
struct GoldenOutputTests {
  static let root = TestData.packageRoot.path + "/"
  static let divisions = TestData.geoData("divisions.geojson").path
  static let incidents = TestData.geoData("incidents-police.csv").path

  /// Runs the command and returns stdout with the package's own path removed (snapshots must
  /// not depend on where the checkout lives).
  func output(_ arguments: [String]) -> String {
    let result = runHotspotRaw(arguments)
    #expect(result.status == 0, "\(result.error)")
    return result.output.replacingOccurrences(of: Self.root, with: "")
  }

  @Test(
    "golden outputs of count, inspect, density and map on the bundled sample",
    arguments: [
      (
        "count-text.txt",
        [
          "count", "--areas", divisions, "--incidents", incidents, "--period", "2024", "--compare-to", "2023",
          "--population-field", "population", "--group-field", "area_code",
        ]
      ),
      (
        "count-markdown.md",
        [
          "count", "--areas", divisions, "--incidents", incidents, "--category", "Anti-social behaviour",
          "--by", "financial-year", "--format", "md",
        ]
      ),
      (
        "count-csv.csv",
        ["count", "--areas", divisions, "--incidents", incidents, "--by", "quarter", "--format", "csv"]
      ),
      ("inspect-text.txt", ["inspect", divisions, incidents]),
      (
        "density-text.txt",
        ["density", "--incidents", incidents, "--areas", divisions, "--top", "1%", "--cell", "250m"]
      ),
      ("map-default.svg", ["map", "--areas", divisions, "--incidents", incidents]),
      (
        "map-density-zones.svg",
        [
          "map", "--areas", divisions, "--incidents", incidents, "--layer", "density",
          "--layer", "zones:" + TestData.geoData("licensing-zones.geojson").path,
        ]
      ),
      (
        "map-change.svg",
        [
          "map", "--areas", divisions, "--incidents", incidents, "--layer", "change", "--period", "2024",
          "--compare-to", "2023",
        ]
      ),
      (
        "density-change-text.txt",
        [
          "density", "--incidents", incidents, "--areas", divisions, "--cell", "250m", "--period", "2024",
          "--compare-to", "2023",
        ]
      ),
      ("gistar-text.txt", ["gistar", "--areas", divisions, "--incidents", incidents]),
      (
        "rank-text.txt",
        [
          "rank", "--areas", divisions, "--incidents", incidents, "--population-field", "population",
          "--resamples", "19", "--top", "10",
        ]
      ),
      (
        "rank-map.svg",
        [
          "rank", "--areas", divisions, "--incidents", incidents, "--population-field", "population",
          "--resamples", "9", "--top", "5", "--format", "svg",
        ]
      ),
      (
        "zones-text.txt",
        [
          "zones", "--zones", TestData.geoData("licensing-zones.geojson").path, "--incidents", incidents,
          "--population", TestData.geoData("lsoa-centroids.csv").path, "--category", "Anti-social behaviour",
          "--period", "2024", "--compare-to", "2023",
        ]
      ),
      ("moran-text.txt", ["moran", "--areas", divisions, "--incidents", incidents]),
      (
        "backtest-text.txt",
        [
          "backtest", "--areas", divisions, "--incidents", incidents, "--train", "2024-01..2024-09",
          "--test", "2024-10..2024-12",
        ]
      ),
      (
        "cover-text.txt",
        [
          "cover", "--incidents", incidents, "--sites", TestData.geoData("cctv-sites.csv").path,
          "--radius", "150m", "--add", "5",
        ]
      ),
      (
        "evaluate-text.txt",
        [
          "evaluate", "--incidents", incidents, "--target", TestData.geoData("licensing-zones.geojson").path,
          "--target-id", "Redburn Colliery Rows", "--comparison", divisions, "--before", "2023-01..2023-03",
          "--after", "2023-04..2024-12", "--buffer", "500m", "--category", "Anti-social behaviour",
        ]
      ),
      ("patrol-text.txt", ["patrol", "--areas", divisions, "--incidents", incidents, "--top", "25", "--zones"]),
      ("help-root.txt", ["--help"]),
      ("help-count.txt", ["count", "--help"]),
      ("help-density.txt", ["help", "density"]),
      ("help-map.txt", ["map", "-h"]),
      ("help-emerging.txt", ["help", "emerging"]),
    ])
  func golden(name: String, arguments: [String]) throws {
    let text = output(arguments)
    if name.hasSuffix(".svg") { #expect(try xmlProblems(text) == nil) }
    if let problem = snapshotMismatch(text, named: name) { Issue.record("\(problem)") }
  }

  @Test("a distance band that leaves most features with fewer than 8 neighbours is warned about")
  func fewNeighbours() {
    let result = runHotspotRaw([
      "gistar", "--areas", Self.divisions, "--incidents", Self.incidents, "--neighbours", "distance:2km",
    ])
    #expect(result.status == 0)
    #expect(result.error.contains("features have fewer than 8 neighbours within 2000 m"))
  }
}
