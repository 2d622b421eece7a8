import Foundation
import TestSupport
import Testing

@testable import hotspot

@Suite("hotspot patrol")
struct PatrolCommandTests {
  /// A 3 × 2 grid of 100 m cells over 0,0..300,200 (planar): cell = row · 3 + column.
  /// By hand: cell 4 holds 5, cell 0 3, cell 2 3, cell 1 1 (the point on the line x = 100 goes
  /// east), cell 5 1, cell 3 none; two incidents lie outside the extent. 13 in the cells.
  static let tiny = """
    id,x,y
    1,140,130
    2,150,150
    3,160,170
    4,110,190
    5,199,101
    6,10,10
    7,50,50
    8,90,90
    9,210,10
    10,250,50
    11,299,99
    12,100,50
    13,250,150
    14,350,50
    15,50,250
    """

  static let tinyGrid = ["--crs", "planar", "--cell", "100m", "--extent", "0,0,300,200"]

  static func csvRows(_ text: String) -> [[String]] {
    text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }

  @Test("a hand-computed grid: ranks, ties by grid order, shares, Gini 11/26 and the outside incidents")
  func tinyGridByHand() throws {
    let folder = try TemporaryFolder("patrol")
    let file = try folder.file("tiny.csv", Self.tiny)
    let csv = runHotspotRaw(["patrol", "--incidents", file, "--top", "3", "--format", "csv"] + Self.tinyGrid)
    #expect(csv.status == 0, "\(csv.error)")
    let rows = Self.csvRows(csv.output)
    #expect(
      rows[0] == [
        "rank", "x", "y", "count", "share", "cumulative_share", "cumulative_area_share", "lon", "lat", "grid_ref",
        "location",
      ])
    // Cell 4 (5), then cells 0 and 2 (3 each: grid order puts 0 first); planar: no lon/lat or grid reference.
    // Shares of 13 incidents and of 6 cells, every digit of the double (5/13, 8/13, 11/13; 1/6, 2/6, 3/6).
    #expect(
      rows[1] == [
        "1", "150", "150", "5", "0.38461538461538464", "0.38461538461538464", "0.16666666666666666", "", "", "", "",
      ])
    #expect(
      rows[2] == [
        "2", "50", "50", "3", "0.23076923076923078", "0.6153846153846154", "0.3333333333333333", "", "", "", "",
      ])
    #expect(rows[3] == ["3", "250", "50", "3", "0.23076923076923078", "0.8461538461538461", "0.5", "", "", "", ""])
    #expect(Double(rows[3][5]) == 11.0 / 13 && Double(rows[2][6]) == 2.0 / 6)
    #expect(rows.count == 4)
    #expect(csv.error.contains("2 incidents lie outside the ranked cells and are left out"))

    let document = try jsonDocument(["patrol", "--incidents", file, "--coverage", "60%"] + Self.tinyGrid)
    let summary = try #require(document["summary"] as? [String: Any])
    // Sorted counts [0, 1, 1, 3, 3, 5]: Σ i·x = 62, G = 124/78 − 7/6 = 11/26; 13 incidents ≥ 6 cells, so G′ = G.
    #expect(isClose(try #require(summary["gini"] as? Double), 11.0 / 26, tolerance: 1e-12))
    #expect(isClose(try #require(summary["generalised_gini"] as? Double), 11.0 / 26, tolerance: 1e-12))
    #expect((summary["cells"] as? Int) == 6 && (summary["incidents_in_cells"] as? Int) == 13)
    #expect((summary["incidents_outside_cells"] as? Int) == 2)
    // 60 % of 13 = 7.8: 5, then 5 + 3 = 8.
    #expect((summary["cells_chosen"] as? Int) == 2)
    #expect(summary["statement"] as? String == "61.5 % of incidents in 33.3 % of the area")
    let lorenz = try #require(document["lorenz"] as? [[Double]])
    #expect(lorenz.count == 5)  // (0,0), then the ends of the runs 0 | 1 1 | 3 3 | 5
    #expect(isClose(lorenz[2][0], 0.5, tolerance: 1e-12) && isClose(lorenz[2][1], 2.0 / 13, tolerance: 1e-12))
  }

  @Test("zones join cells sharing an edge, not a corner; a cut inside a tie is reported")
  func zones() throws {
    let folder = try TemporaryFolder("patrol")
    let file = try folder.file("tiny.csv", Self.tiny)
    // Top 3: cells 4, 0 and 2 meet only at corners: three zones.
    let three = runHotspotRaw(
      ["patrol", "--incidents", file, "--top", "3", "--zones", "--format", "csv"] + Self.tinyGrid)
    #expect(Self.csvRows(three.output).prefix(4).map { $0.last } == ["zone", "1", "2", "3"])
    // Top 4 adds cell 1, which shares an edge with all three: one zone of 12 incidents; cell 5
    // ties with cell 1 (1 incident each) and is left out by grid order.
    let four = runHotspotRaw(
      ["patrol", "--incidents", file, "--top", "4", "--zones", "--format", "csv"] + Self.tinyGrid)
    #expect(four.status == 0, "\(four.error)")
    let parts = four.output.components(separatedBy: "\r\n\r\n")
    #expect(parts.count == 2)
    #expect(Self.csvRows(parts[0]).dropFirst().map { $0.last } == ["1", "1", "1", "1"])
    let zoneRows = Self.csvRows(parts[1])
    #expect(zoneRows[0].prefix(8) == ["zone", "cells", "count", "share", "area_km2", "top_rank", "x", "y"])
    #expect(zoneRows[1].prefix(8) == ["1", "4", "12", "0.9230769230769231", "0.04", "1", "150", "150"])
    #expect(four.error.contains("1 more cell ties with the last one chosen"))
  }

  @Test("an area budget takes the whole cells that fit; a budget under one cell is a usage error")
  func areaBudget() throws {
    let folder = try TemporaryFolder("patrol")
    let file = try folder.file("tiny.csv", Self.tiny)
    let document = try jsonDocument(["patrol", "--incidents", file, "--area-budget", "25000m2"] + Self.tinyGrid)
    #expect(((document["cells"] as? [Any])?.count) == 2)
    let small = runHotspotRaw(["patrol", "--incidents", file, "--area-budget", "5000m2"] + Self.tinyGrid)
    #expect(small.status == 64)
    #expect(small.error.contains("smaller than one cell"))
  }

  @Test("--harm ranks by harm-weighted count: weights by category, 1 for categories not listed")
  func harm() throws {
    let folder = try TemporaryFolder("patrol")
    let file = try folder.file(
      "harm.csv",
      """
      x,y,category
      10,10,Anti-social behaviour
      20,20,Anti-social behaviour
      30,30,Anti-social behaviour
      150,150,Violence and sexual offences
      160,160,Violence and sexual offences
      250,50,Violence and sexual offences
      260,60,Other theft
      """)
    let weights = try folder.file("harm.json", #"{"Anti-social behaviour": 1, "Violence and sexual offences": 3}"#)
    let byHarm = runHotspotRaw(["patrol", "--incidents", file, "--harm", weights, "--format", "csv"] + Self.tinyGrid)
    #expect(byHarm.status == 0, "\(byHarm.error)")
    let rows = Self.csvRows(byHarm.output)
    #expect(rows[0].last == "harm")
    // Cell 4: 3 + 3 = 6; cell 2: 3 + 1 = 4; cell 0: 1 + 1 + 1 = 3.
    #expect(
      rows.dropFirst().map { [$0[1], $0[2], $0[3], $0.last ?? ""] } == [
        ["150", "150", "2", "6"], ["250", "50", "2", "4"], ["50", "50", "3", "3"],
      ])
    #expect(byHarm.error.contains("no harm weight for Other theft; weight 1 used"))
    // By count, cell 0 comes first.
    let byCount = runHotspotRaw(["patrol", "--incidents", file, "--format", "csv"] + Self.tinyGrid)
    #expect(Self.csvRows(byCount.output)[1].prefix(4) == ["1", "50", "50", "3"])
  }

  @Test("--rank-by density: 3/(πh²) per incident at its own cell centre, on squares and on hexagons")
  func density() throws {
    let folder = try TemporaryFolder("patrol")
    let oneIncident = 3 / (Double.pi * 100 * 100) * 1_000_000
    let square = try folder.file("square.csv", "x,y\n150,150\n150,150\n50,50\n")
    let squares = runHotspotRaw(
      ["patrol", "--incidents", square, "--rank-by", "density", "--bandwidth", "100m", "--format", "csv"]
        + Self.tinyGrid)
    #expect(squares.status == 0, "\(squares.error)")
    let rows = Self.csvRows(squares.output)
    #expect(rows[0].last == "density_per_km2")
    #expect(rows.count == 3, "the other cells lie a bandwidth or more away: density 0, never chosen")
    #expect(rows[1].prefix(3) == ["1", "150", "150"] && rows[2].prefix(3) == ["2", "50", "50"])
    #expect(isClose(try #require(Double(rows[1].last ?? "")), 2 * oneIncident, tolerance: 1e-4))
    #expect(isClose(try #require(Double(rows[2].last ?? "")), oneIncident, tolerance: 1e-4))
    // Hexagons 100 m apart from (0, 0): (150, 86.6…) is the centre of column 1, row 1.
    let hexFile = try folder.file("hex.csv", "x,y\n150,86.60254037844386\n150,86.60254037844386\n")
    let hexes = runHotspotRaw(
      ["patrol", "--incidents", hexFile, "--rank-by", "density", "--bandwidth", "100m", "--hex", "--format", "csv"]
        + Self.tinyGrid)
    #expect(hexes.status == 0, "\(hexes.error)")
    let hexRows = Self.csvRows(hexes.output)
    #expect(hexRows.count == 2)
    #expect(hexRows[1].prefix(4) == ["1", "150", "86.60254037844386", "2"])
    #expect(isClose(try #require(Double(hexRows[1].last ?? "")), 2 * oneIncident, tolerance: 1e-4))
  }

  @Test("grid references of known points: the OS worked example from lon/lat, and NZ 27411 42533")
  func knownGridReferences() throws {
    let folder = try TemporaryFolder("patrol")
    // PROJ (EPSG:1314 Helmert, shared/conformance/proj_ref20.csv): lon 1.7160519904, lat
    // 52.6579785986 is E 651409.903, N 313177.270, which the OS guide writes TG 51409 13177.
    // One 2 m cell centred on that position.
    let caister = try folder.file("caister.csv", "id,lon,lat\n1,1.7160519904,52.6579785986\n")
    let document = try jsonDocument([
      "patrol", "--incidents", caister, "--cell", "2m", "--extent", "651408.903,313176.27,651410.903,313178.27",
    ])
    let cell = try #require((document["cells"] as? [[String: Any]])?.first)
    #expect(cell["grid_ref"] as? String == "TG 51409 13177")
    #expect(isClose(try #require(cell["lon"] as? Double), 1.7160519904, tolerance: 1e-6))
    #expect(isClose(try #require(cell["lat"] as? Double), 52.6579785986, tolerance: 1e-6))
    // METHODS.md's Durham example: E 427411, N 542533 is NZ 27411 42533.
    let durham = try folder.file("durham.csv", "id,easting,northing\n1,427411.2,542533.4\n")
    let csv = runHotspotRaw([
      "patrol", "--incidents", durham, "--cell", "1m", "--extent", "427410.5,542532.5,427411.5,542533.5", "--format",
      "csv",
    ])
    #expect(Self.csvRows(csv.output)[1][9] == "NZ 27411 42533")
  }

  @Test("two selection rules, bad shares and misplaced options are usage errors (exit 64)")
  func usageErrors() throws {
    let folder = try TemporaryFolder("patrol")
    let file = try folder.file("tiny.csv", Self.tiny)
    let cases: [([String], String)] = [
      (["--coverage", "25%", "--top", "10"], "not 2"),
      (["--top", "5", "--area-budget", "2km2"], "not 2"),
      (["--coverage", "150%"], "between 0% and 100%"),
      (["--coverage", "0%"], "more than 0%"),
      (["--coverage", "many"], "is not a share"),
      (["--top", "0"], "whole number of cells"),
      (["--top", "2.5"], "whole number of cells"),
      (["--top", "0%"], "more than 0%"),
      (["--top", "120%"], "between 0% and 100%"),
      (["--area-budget", "-2km2"], "greater than zero"),
      (["--rank-by", "harm"], "needs '--harm <file>'"),
      (["--bandwidth", "200m"], "for '--rank-by density'"),
      (["--map", "cells.png"], "writes SVG"),
      (["--format", "md"], "Use one of: text, csv, json, geojson"),
      (["--output", "cells.md"], "cannot write md"),
      (["--output", "cells.xlsx"], "cannot write a '.xlsx' file"),
    ]
    for (extra, message) in cases {
      let result = runHotspotRaw(["patrol", "--incidents", file] + Self.tinyGrid + extra)
      #expect(result.status == 64, "\(extra)")
      #expect(result.error.contains(message), "\(extra): \(result.error)")
    }
  }

  // MARK: - The sample county

  static let police = TestData.geoData("incidents-police.csv").path
  static let divisions = TestData.geoData("divisions.geojson").path

  /// Figures checked by an independent recount in Python (numpy only: its own WGS84 → OSGB36
  /// Helmert inverse and OS transverse Mercator, even-odd point in polygon over every ring, floor
  /// binning, then sort): 66,728 cells of 150 m have their centre in a division; 19,690 of the
  /// 19,902 located incidents fall in them; 101 cells hold 25 %.
  @Test("GeoData, --coverage 25%: 101 cells hold 25.04 % of incidents; Gini 0.9853, generalised 0.9502")
  func sampleCounty() throws {
    let arguments = ["patrol", "--incidents", Self.police, "--areas", Self.divisions, "--coverage", "25%"]
    let csv = runHotspotRaw(arguments + ["--format", "csv"])
    #expect(csv.status == 0, "\(csv.error)")
    #expect(csv.output.hasPrefix("rank,x,y,count,share,cumulative_share,"))
    let rows = Self.csvRows(csv.output)
    #expect(rows.count == 102)
    let expected: [[String]] = [
      ["1", "430275", "535125", "196", "NZ 30275 35125", "On or near Bus/Coach Station"],
      ["2", "455475", "546975", "181", "NZ 55475 46975", "On or near Front Street"],
      ["3", "437625", "542175", "179", "NZ 37625 42175", "On or near Silver Street"],
      ["4", "445125", "529275", "158", "NZ 45125 29275", "On or near Bright Street"],
      ["5", "437775", "542475", "155", "NZ 37775 42475", "On or near Silver Street"],
    ]
    for (row, want) in zip(rows.dropFirst(), expected) {
      #expect([row[0], row[1], row[2], row[3], row[9], row[10]] == want)
    }
    #expect(rows[101][5] == "0.25043169121381414")  // 4,931 / 19,690, every digit of the double
    #expect(csv.error.contains("212 incidents lie outside the ranked cells"))
    #expect(csv.error.contains("18 more cells tie with the last one chosen (count 19)"))

    let summary = try #require(try jsonDocument(arguments)["summary"] as? [String: Any])
    #expect((summary["cells"] as? Int) == 66_728)
    #expect((summary["incidents_in_cells"] as? Int) == 19_690)
    #expect((summary["incidents_outside_cells"] as? Int) == 212)
    #expect((summary["cells_with_incidents"] as? Int) == 1_399)
    #expect(isClose(try #require(summary["gini"] as? Double), 0.985305283993982, tolerance: 1e-12))
    #expect(isClose(try #require(summary["generalised_gini"] as? Double), 0.9502006597435465, tolerance: 1e-12))
    #expect(isClose(try #require(summary["incident_share"] as? Double), 4931.0 / 19_690, tolerance: 1e-12))
    #expect(isClose(try #require(summary["half_of_incidents_cell_share"] as? Double), 413.0 / 66_728, tolerance: 1e-12))
    #expect(summary["statement"] as? String == "25 % of incidents in 0.15 % of the area")
  }

  @Test("GeoData: text for the terminal, GeoJSON cells in WGS84, a valid SVG map, provenance beside each")
  func sampleCountyOutputs() throws {
    let folder = try TemporaryFolder("patrol")
    let output = folder.path("cells.geojson")
    let map = folder.path("cells.svg")
    let run = runHotspotRaw([
      "patrol", "--incidents", Self.police, "--areas", Self.divisions, "--top", "12", "--zones", "--output", output,
      "--map", map,
    ])
    #expect(run.status == 0, "\(run.error)")
    #expect(run.error.contains("concentration    "))
    let geojson = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any])
    let features = try #require(geojson["features"] as? [[String: Any]])
    #expect(features.count == 12)
    let properties = try #require(features[0]["properties"] as? [String: Any])
    #expect(properties["grid_ref"] as? String == "NZ 30275 35125" && (properties["zone"] as? Int) == 1)
    let ring = try #require(((features[0]["geometry"] as? [String: Any])?["coordinates"] as? [[[Double]]])?.first)
    #expect(ring.count == 5 && ring.first == ring.last)
    #expect(ring.allSatisfy { isClose($0[0], -1.5316, tolerance: 0.01) && isClose($0[1], 54.7102, tolerance: 0.01) })
    let svg = try String(contentsOfFile: map, encoding: .utf8)
    #expect(try xmlProblems(svg) == nil)
    #expect(svg.contains("<title id=\"map-title\">Patrol cells: the 12 leading cells"))
    for file in [output, map] {
      let provenance = try String(contentsOfFile: file + ".provenance.json", encoding: .utf8)
      #expect(provenance.contains("\"command\": \"patrol\"") && provenance.contains("\"gini\": 0.985305283993982"))
    }
    let text = runHotspot(["patrol", "--incidents", Self.police, "--areas", Self.divisions, "--top", "3"])
    #expect(text.output.hasPrefix("rank grid_ref count share cumulative_share location\n"))
    #expect(text.output.contains("1 NZ 30275 35125 196 0.009954 0.009954 On or near Bus/Coach Station"))
    #expect(text.output.contains("gini 0.985 over 66,728 cells; generalised 0.95 (fewer incidents than cells"))
  }
}
