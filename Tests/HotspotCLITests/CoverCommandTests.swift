import Foundation
import GeoCore
import GeoIO
import TestSupport
import Testing

@testable import hotspot

/// Radius 100 m. a (399950, 500000) ×3 and b (400050, 500000) ×3; c (399800, 500000) ×2 and
/// d (400200, 500000) ×2; e (401000, 500000) ×4 and f (401060, 500080) ×1, both covered by the
/// existing site at (401000, 500000) (f exactly 100 m away).
private let incidentsCSV = """
  id,date,category,easting,northing,location
  1,2024-01-01,Nuisance,399950,500000,On or near B Street
  2,2024-01-01,Nuisance,399950,500000,On or near A Street
  3,2024-01-01,Nuisance,399950,500000,On or near A Street
  4,2024-01-01,Nuisance,400050,500000,On or near B Street
  5,2024-01-01,Nuisance,400050,500000,On or near B Street
  6,2024-01-01,Nuisance,400050,500000,On or near A Street
  7,2024-01-01,Nuisance,399800,500000,On or near C Street
  8,2024-01-01,Nuisance,399800,500000,On or near C Street
  9,2024-01-01,Nuisance,400200,500000,On or near D Street
  10,2024-01-01,Nuisance,400200,500000,On or near D Street
  11,2024-01-01,Nuisance,401000,500000,On or near E Street
  12,2024-01-01,Nuisance,401000,500000,On or near E Street
  13,2024-01-01,Nuisance,401000,500000,On or near E Street
  14,2024-01-01,Nuisance,401000,500000,On or near E Street
  15,2024-01-01,Nuisance,401060,500080,On or near F Street
  16,2023-06-01,Nuisance,399800,500000,On or near C Street

  """

private let sitesCSV = """
  site_id,easting,northing,name
  S1,401000,500000,Existing

  """

/// L covers a and c (5), M covers a and b (6), R covers b and d (5).
private let candidatesCSV = """
  easting,northing,name
  399875,500000,L
  400000,500000,M
  400125,500000,R

  """

@Suite("hotspot cover")
struct CoverCommandTests {
  static func fixture() throws -> TemporaryFolder {
    let folder = try TemporaryFolder("hotspot-cover")
    try folder.file("incidents.csv", incidentsCSV)
    try folder.file("sites.csv", sitesCSV)
    try folder.file("candidates.csv", candidatesCSV)
    return folder
  }

  @Test("by hand: existing sites cover 5 of 15; greedy adds M (6) then L (2, tied with R, first in the file)")
  func handComputed() throws {
    let folder = try Self.fixture()
    let result = runHotspotRaw([
      "cover", "--incidents", folder.path("incidents.csv"), "--sites", folder.path("sites.csv"),
      "--candidates", folder.path("candidates.csv"), "--radius", "100m", "--add", "2", "--period", "2024",
      "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.error)")
    // The added sites, then (after a blank line) each existing site's own coverage.
    let parts = result.output.components(separatedBy: "\r\n\r\n")
    #expect(parts.count == 2)
    let lines = parts[0].split(separator: "\r\n").map(String.init)
    #expect(
      lines.first
        == "rank,x,y,new_covered,cumulative_covered,cumulative_share,lon,lat,grid_ref,location,candidate_name")
    let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(rows.count == 2)
    // The candidates keep their names (issue 21, point 9).
    #expect(rows.map { $0[10] } == ["M", "L"])
    // S1 covers E (4 at the site) and F (at exactly 100 m): 5 of 15, none covered by another site.
    #expect(
      parts.count == 2
        && parts[1].split(separator: "\r\n") == [
          "site_id,site_name,x,y,covered,covered_share,covered_only_here",
          "S1,Existing,401000,500000,5,0.3333333333333333,5",
        ])
    // Rank 1, M: a and b, 6 new; with the existing 5, 11 of 15. Labels A 3, B 3: the tie goes to A.
    #expect(Array(rows[0].prefix(6)) == ["1", "400000", "500000", "6", "11", "0.7333333333333333"])
    #expect(rows[0][8] == "NZ 00000 00000" && rows[0][9] == "On or near A Street")
    // (400000, 500000) is on the grid's central meridian, 2° W; WGS84 lies about 0.0015° east.
    let lon = try #require(Double(rows[0][6]))
    #expect(abs(lon + 2) < 0.01)
    // Rank 2, L: c (2 in 2024; the 2023 one is outside --period), 13 of 15.
    #expect(Array(rows[1].prefix(6)) == ["2", "399875", "500000", "2", "13", "0.8666666666666667"])
    #expect(rows[1][9] == "On or near C Street")
  }

  @Test("text output states coverage, the best possible and the (1 − 1/e) guarantee")
  func textSummary() throws {
    let folder = try Self.fixture()
    let result = runHotspot([
      "cover", "--incidents", folder.path("incidents.csv"), "--sites", folder.path("sites.csv"),
      "--candidates", folder.path("candidates.csv"), "--radius", "100m", "--add", "2", "--period", "2024",
    ])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("existing sites 1: cover 5 incidents (33.3 %)"))
    #expect(result.output.contains("added sites 2 (of 3 candidates within reach): cover 8 more; 13 in all (86.7 %)"))
    // L + R would cover 10: the bound is exact here, and 8 is 80 % of it.
    #expect(result.output.contains("best possible at most 10 more with 2 sites: these cover ≥ 80.0 % of that"))
    #expect(result.output.contains("1 − 1/e ≈ 63.2 %"))
  }

  @Test("without --add: the existing sites' coverage only; without --sites or --add: a usage error")
  func coverageOnly() throws {
    let folder = try Self.fixture()
    let result = runHotspot([
      "cover", "--incidents", folder.path("incidents.csv"), "--sites", folder.path("sites.csv"), "--radius", "100m",
    ])
    #expect(result.status == 0, "\(result.error)")
    // All 16 incidents (no --period): e and f, 5, are covered.
    #expect(result.output.contains("existing sites 1: cover 5 incidents (31.3 %)"))
    let nothing = runHotspot(["cover", "--incidents", folder.path("incidents.csv"), "--radius", "100m"])
    #expect(nothing.status == 64 && nothing.error.contains("Nothing to do"))
    let mixed = runHotspot([
      "cover", "--incidents", folder.path("incidents.csv"), "--candidates", folder.path("candidates.csv"),
      "--cell", "25m", "--add", "1", "--radius", "100m",
    ])
    #expect(mixed.status == 64 && mixed.error.contains("'--cell'"))
    let noRadius = runHotspot(["cover", "--incidents", folder.path("incidents.csv"), "--add", "1"])
    #expect(noRadius.status == 64 && noRadius.error.contains("--radius"))
  }

  @Test("sites as GeoJSON points give the same coverage; sites far from every incident are warned about")
  func geoJSONSites() throws {
    let folder = try Self.fixture()
    try folder.file(
      "sites.geojson",
      """
      {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[
      {"type":"Feature","properties":{"site_id":"S1"},"geometry":{"type":"Point","coordinates":[401000,500000]}}]}
      """)
    let result = runHotspot([
      "cover", "--incidents", folder.path("incidents.csv"), "--sites", folder.path("sites.geojson"), "--radius", "100m",
    ])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("existing sites 1: cover 5 incidents (31.3 %)"))
    try folder.file("far.csv", "site_id,easting,northing\nX,300000,400000\n")
    let far = runHotspot([
      "cover", "--incidents", folder.path("incidents.csv"), "--sites", folder.path("far.csv"), "--radius", "100m",
    ])
    #expect(far.status == 0)
    #expect(far.output.contains("cover 0 incidents"))
    #expect(far.error.contains("lies within 100 m of the incidents' extent; is the CRS right?"))
  }

  @Test("cell-centre candidates: the best gain, ties to the southernmost then westernmost cell")
  func cellCandidates() throws {
    let folder = try Self.fixture()
    let result = runHotspotRaw([
      "cover", "--incidents", folder.path("incidents.csv"), "--radius", "100m", "--add", "1", "--cell", "10m",
      "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.error)")
    // All 16 incidents: c now holds 3. a + c (6) and a + b (6) are the best; e + f and b + d 5.
    // Cells of 10 m over the incidents' box grown by half a cell and snapped, from (399790, 499990):
    // centres (399795 + 10i, 499995 + 10j), those touching the incidents' hull grown by 5 m. The
    // first row's westernmost centre within 100 m of both a (399950) and c (399800) is x = 399855,
    // before any centre covering a + b.
    let rows = result.output.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
    #expect(rows.count == 1)
    #expect(rows.first.map { Array($0.prefix(5)) } == ["1", "399855", "499995", "6", "6"])
  }

  @Test("GeoData: the cameras' coverage equals a brute-force count, and the first new site is at Wexcombe Riverside")
  func sampleCounty() throws {
    let incidents = TestData.geoData("incidents-police.csv").path
    let sites = TestData.geoData("cctv-sites.csv").path
    let folder = try TemporaryFolder("hotspot-cover")
    let output = folder.path("cover.csv")
    let result = runHotspotRaw([
      "cover", "--incidents", incidents, "--sites", sites, "--radius", "150m", "--add", "5", "--output", output,
    ])
    #expect(result.status == 0, "\(result.error)")

    // Brute force: every located incident against every camera, in British National Grid.
    let (table, _) = try IncidentReader.read(files: [incidents], options: IncidentColumnOptions())
    let bng = try #require(CoordinateTransform(from: table.crs, to: .britishNationalGrid)).apply(table)
    let cameras = try String(contentsOfFile: sites, encoding: .utf8).split(separator: "\n").dropFirst().map { line in
      let fields = line.split(separator: ",")
      return Point(x: Double(fields[1]) ?? 0, y: Double(fields[2]) ?? 0)
    }
    func within(_ p: Point, _ sites: [Point]) -> Bool {
      sites.contains { ($0.x - p.x) * ($0.x - p.x) + ($0.y - p.y) * ($0.y - p.y) <= 150 * 150 }
    }
    let existing = (0..<bng.count).filter { within(bng.point($0), cameras) }.count
    let provenance = try String(contentsOfFile: output + ".provenance.json", encoding: .utf8)
    #expect(provenance.contains("\"existing_covered\": \(existing)"))
    #expect(provenance.contains("\"incidents\": \(bng.count)"))

    let csv = try String(contentsOfFile: output, encoding: .utf8)
    let rows = csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
    #expect(rows.count == 5)
    let first = Point(x: try #require(Double(rows[0][1])), y: try #require(Double(rows[0][2])))
    // The emerging hot spot no camera covers (GeoData/README.md): centre 452,500, 537,600.
    #expect(hypot(first.x - 452_500, first.y - 537_600) < 150)
    let newlyCovered = (0..<bng.count).filter { within(bng.point($0), [first]) && !within(bng.point($0), cameras) }
      .count
    #expect(rows[0][3] == String(newlyCovered))
    #expect(rows[0][4] == String(existing + newlyCovered))
    // Each later site adds no more than the one before (greedy gains never increase).
    let gains = rows.compactMap { Int($0[3]) }
    #expect(gains == gains.sorted(by: >))
  }

  @Test("GeoJSON output: one WGS84 point per added site with the table's columns")
  func geoJSON() throws {
    let folder = try Self.fixture()
    let result = runHotspotRaw([
      "cover", "--incidents", folder.path("incidents.csv"), "--candidates", folder.path("candidates.csv"),
      "--radius", "100m", "--add", "3", "--format", "geojson",
    ])
    #expect(result.status == 0, "\(result.error)")
    // All 16 incidents: L (a + c, 6) ties M (a + b, 6) and comes first; then R (b + d, 5); then
    // M would add nothing, so only 2 of the 3 asked for.
    #expect(result.output.components(separatedBy: "\"type\":\"Point\"").count - 1 == 2)
    // L's incidents: C Street 3 (c), A Street 2 and B Street 1 (a).
    #expect(result.output.contains("\"location\":\"On or near C Street\""))
    #expect(result.error.contains("only 2 of the 3 sites asked for cover any further incident"))
  }
}
