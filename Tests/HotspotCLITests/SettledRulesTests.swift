import Foundation
import TestSupport
import Testing

@testable import hotspot

/// Issue 21, point 9: one rule for a share of cells, ties and left-out months said, names and
/// per-site coverage kept, the same warnings in `zones` as in `count`, and `inspect` on every
/// valid input.
@Suite("Rules settled once")
struct SettledRulesTests {
  /// A folder holding `tiny.csv` (`PatrolCommandTests.tiny`); keep it while the file is used.
  static func patrolFixture() throws -> TemporaryFolder {
    let folder = try TemporaryFolder("settled")
    try folder.file("tiny.csv", PatrolCommandTests.tiny)
    return folder
  }

  @Test("patrol --top p% takes ⌊p·m⌋ cells, as backtest's budgets; under one cell is a usage error")
  func topShareRoundsDown() throws {
    let folder = try Self.patrolFixture()
    let file = folder.path("tiny.csv")
    // 34 % of the 6 cells is 2.04: 2 cells (main took ⌈2.04⌉ = 3).
    let csv = runHotspotRaw(
      ["patrol", "--incidents", file, "--top", "34%", "--format", "csv"] + PatrolCommandTests.tinyGrid)
    #expect(csv.status == 0, "\(csv.error)")
    #expect(csv.output.split(separator: "\r\n").count == 1 + 2)
    // 10 % of 6 cells is 0.6: no cell (main took 1 and exited 0).
    let none = runHotspotRaw(["patrol", "--incidents", file, "--top", "10%"] + PatrolCommandTests.tinyGrid)
    #expect(none.status == 64)
    #expect(none.error.contains("is less than one cell"), "\(none.error)")
    withExtendedLifetime(folder) {}
  }

  @Test("patrol's text output says how many cells tie at the cut")
  func tiedInText() throws {
    let folder = try Self.patrolFixture()
    let file = folder.path("tiny.csv")
    // Cell 4 (5), then cells 0 and 2 with 3 each: --top 2 keeps 0 and leaves 2 out by grid order.
    let text = runHotspot(["patrol", "--incidents", file, "--top", "2"] + PatrolCommandTests.tinyGrid)
    #expect(text.status == 0)
    #expect(text.output.contains("tied at the cut 1 more cell ties with the last chosen"), "\(text.output)")
    let clean = runHotspot(["patrol", "--incidents", file, "--top", "3"] + PatrolCommandTests.tinyGrid)
    #expect(clean.output.contains("tied at the cut none"))
    withExtendedLifetime(folder) {}
  }

  @Test("patrol --zones writes X.zones.csv beside X.csv, as the README and the example say")
  func zonesFileName() throws {
    let folder = try Self.patrolFixture()
    let file = folder.path("tiny.csv")
    let output = folder.path("cells.csv")
    let result = runHotspotRaw(
      ["patrol", "--incidents", file, "--top", "3", "--zones", "-o", output] + PatrolCommandTests.tinyGrid)
    #expect(result.status == 0, "\(result.error)")
    #expect(FileManager.default.fileExists(atPath: folder.path("cells.zones.csv")))
    let readme = try String(contentsOf: TestData.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains("`patrol.zones.csv`"))
    let example = try String(
      contentsOf: TestData.packageRoot.appendingPathComponent("Examples/where-to-patrol-next-month/README.md"),
      encoding: .utf8)
    #expect(example.contains("`patrol-cells.zones.csv`") && !example.contains(".csv.zones.csv"))
  }

  static func backtest(_ extra: [String], extraRows: String = "") throws -> (
    status: Int32, output: String, error: String
  ) {
    let folder = try TemporaryFolder()
    let file = try folder.file(
      "incidents.csv", BacktestCommandTests.incidents + (extraRows.isEmpty ? "" : "\n" + extraRows))
    return runHotspotRaw(
      ["backtest", "--incidents", file] + BacktestCommandTests.grid + ["--bandwidths", "150m"] + extra)
  }

  @Test("backtest names every method tying for best, not the first in the table")
  func bestTies() throws {
    let result = try Self.backtest(["--train", "2024-01..2024-02", "--test", "2024-03", "--area-shares", "25%,50%"])
    #expect(result.status == 0, "\(result.error)")
    // At 50 % (4 of 8 cells) every method captures 3 of the 4 test incidents: PAI 1.5 (main: "best at 50 % count").
    #expect(
      result.output.contains(
        "best at 50 %      count, density-150m, gistar, previous (4 tied): PAI 1.5, 3 of 4 test incidents in 4 cells"),
      "\(result.output)")
    #expect(result.output.contains("best at 25 %      count, density-150m, previous (3 tied): PAI 3"))
  }

  @Test("backtest --rolling says which recent months no origin reaches")
  func rollingLeftOut() throws {
    // January to April; 1:2 tests February–March only, April (one incident) is left out.
    let result = try Self.backtest(
      ["--rolling", "1:2", "--area-shares", "25%,50%"], extraRows: "12,420050,540050,2024-04-10")
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("left out          2024-04: 1 incidents after the last test"), "\(result.output)")
    #expect(
      result.error.contains("the most recent month 2024-04 (1 incident) follows the last origin's test and is left out")
    )
  }

  @Test("zones warns of zones the population file leaves out, as count does of areas")
  func zonesPopulationWarning() throws {
    let folder = try TemporaryFolder()
    let zones = try folder.file(
      "zones.geojson",
      """
      {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[
      {"type":"Feature","properties":{"code":"Z1","name":"West"},"geometry":{"type":"Polygon","coordinates":[[[400000,500000],[401000,500000],[401000,501000],[400000,501000],[400000,500000]]]}},
      {"type":"Feature","properties":{"code":"Z2","name":"East"},"geometry":{"type":"Polygon","coordinates":[[[401000,500000],[402000,500000],[402000,501000],[401000,501000],[401000,500000]]]}}
      ]}
      """)
    let incidents = try folder.file("incidents.csv", "id,easting,northing\n1,400500,500500\n2,401500,500500\n")
    let population = try folder.file("population.csv", "zone_id,population\nZ1,2000\n")
    let result = runHotspotRaw([
      "zones", "--zones", zones, "--incidents", incidents, "--population", population, "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("Z2,East,1,,\r\n"), "\(result.output)")
    #expect(
      result.error.contains("1 zones have no usable population (missing or zero), so their rate is left empty: Z2"),
      "\(result.error)")
  }

  @Test("inspect describes a keyed population CSV, and gives category shares as numbers")
  func inspectPopulationAndShares() throws {
    let folder = try TemporaryFolder()
    let population = try folder.file("population.csv", "zone_id,population\nZ1,2000\nZ2,1500\nZ2,500\nZ3,0\n")
    let text = runHotspot(["inspect", population])
    #expect(text.status == 0, "\(text.error)")  // main: exit 65, "no column for the coordinates"
    #expect(text.output.contains("kind population table"))
    #expect(text.output.contains("total population 4000"))
    #expect(text.output.contains("duplicate ids Z2 (their rows are summed)"))
    #expect(text.output.contains("zero population Z3"))
    let json = runHotspotRaw(["inspect", TestData.geoData("incidents-police.csv").path, "--format", "json"])
    #expect(json.status == 0)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let files = document["files"] as? [[String: Any]] ?? [document]
    let categories = try #require(files.first?["categories"] as? [[String: Any]])
    let first = try #require(categories.first)
    // 9,945 of the 19,902 located rows are anti-social behaviour (main gave the string "50%").
    let share = try #require(first["share"] as? NSNumber)
    #expect(abs(share.doubleValue - 9_945.0 / 19_902) < 1e-3)
  }
}
