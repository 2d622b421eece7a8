import Foundation
import TestSupport
import Testing

@testable import hotspot

@Suite("hotspot backtest")
struct BacktestCommandTests {
  /// A 4 × 2 grid of 100 m cells from (420000, 540000) in British National Grid: cells 0–3 on the
  /// south row, 4–7 on the north. January: 3 in cell 0, 1 in cell 3; February: 2 in cell 5;
  /// March: 1 in cell 0, 2 in cell 5, 1 in cell 6, 1 beyond the grid.
  static let incidents = """
    id,easting,northing,date
    1,420050,540050,2024-01-03
    2,420020,540030,2024-01-09
    3,420090,540010,2024-01-20
    4,420350,540050,2024-01-31
    5,420150,540150,2024-02-01
    6,420120,540180,2024-02-29
    7,420050,540050,2024-03-01
    8,420150,540150,2024-03-02
    9,420160,540110,2024-03-15
    10,420250,540150,2024-03-31
    11,425000,545000,2024-03-05
    """

  static let grid = ["--cell", "100m", "--extent", "420000,540000,420400,540200"]

  static func run(_ extra: [String], folder: TemporaryFolder) throws -> (status: Int32, output: String, error: String) {
    let file = try folder.file("incidents.csv", incidents)
    return runHotspotRaw(["backtest", "--incidents", file] + grid + extra)
  }

  /// CSV lines split into fields (no quoting in these tables).
  static func rows(_ csv: String) -> [[String]] {
    csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }

  @Test("one split: the columns start method…rri; count and previous rows are as computed by hand")
  func handComputed() throws {
    let folder = try TemporaryFolder()
    let output = folder.path("backtest.csv")
    let result = try Self.run(
      [
        "--train", "2024-01..2024-02", "--test", "2024-03", "--area-shares", "10%,25%,50%", "--bandwidths", "150m",
        "--output", output,
      ],
      folder: folder)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.error.contains("budgets of 10 % of 8 cells hold less than one cell and are skipped"))
    #expect(result.error.contains("1 test incidents lie outside the cells analysed"))
    let rows = Self.rows(try String(contentsOfFile: output, encoding: .utf8))
    #expect(
      rows[0].prefix(9).joined(separator: ",") == "method,area_share,cells,area_km2,captured,hit_rate,pai,pei,rri")
    #expect(
      rows[0].dropFirst(9).joined(separator: ",")
        == "test_incidents,best_captured,train_captured,train_incidents,study_area_km2,tied_cells_left_out")
    #expect(
      rows.dropFirst().map { $0[0] } == [
        "count", "count", "density-150m", "density-150m", "gistar", "gistar", "previous", "previous",
      ])
    // count, 2 cells {0, 5}: 3 of 4 test incidents, PAI 0.75/0.25, the best 2 cells hold 3, RRI (3/4)/(5/6),
    // which is 0.8999999999999999 in doubles (Python: (3/4)/(5/6)); the CSV writes every digit.
    let rri = "0.8999999999999999"
    #expect(rows[1] == ["count", "0.25", "2", "0.02", "3", "0.75", "3", "1", rri, "4", "3", "5", "6", "0.08", "0"])
    // count, 4 cells {0, 5, 3, 1}: the empty cells 2, 4, 6, 7 tie with cell 1.
    #expect(
      rows[2] == ["count", "0.5", "4", "0.04", "3", "0.75", "1.5", "0.75", "0.75", "4", "4", "6", "6", "0.08", "4"])
    // previous = February: cell 5, then cells 0, 1, 2 in grid order.
    #expect(
      rows[7] == ["previous", "0.25", "2", "0.02", "3", "0.75", "3", "1", rri, "4", "3", "5", "6", "0.08", "6"])
    #expect(
      rows[8] == ["previous", "0.5", "4", "0.04", "3", "0.75", "1.5", "0.75", rri, "4", "4", "5", "6", "0.08", "4"])
    let provenance = try String(contentsOfFile: output + ".provenance.json", encoding: .utf8)
    for fragment in [
      "\"previous_stretch\": \"2024-02\"", "\"tie_rule\"", "\"budgets_skipped\": [0.1]", "\"cells\": 8",
      "\"test_incidents_outside_cells\": 1", "Levine 2008",
    ] {
      #expect(provenance.contains(fragment), "\(fragment)")
    }
    #expect(result.error.contains("best at 25 %"))
  }

  @Test("a test period without incidents leaves hit_rate, pai, pei and rri empty and says why")
  func emptyTest() throws {
    let folder = try TemporaryFolder()
    let result = try Self.run(
      ["--train", "2024-01..2024-02", "--test", "2024-04", "--area-shares", "50%", "--format", "csv"], folder: folder)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.error.contains("no test incident lies in the cells analysed in 2024-04"))
    let count = try #require(Self.rows(result.output).first { $0[0] == "count" })
    #expect(count.prefix(9) == ["count", "0.5", "4", "0.04", "0", "", "", "", ""])
  }

  @Test("rolling 1:1: two origins, per-origin rows with origin, train and test after the named columns, and their mean")
  func rolling() throws {
    let folder = try TemporaryFolder()
    let perOrigin = try Self.run(
      ["--rolling", "1:1", "--area-shares", "25%", "--per-origin", "--format", "csv"], folder: folder)
    #expect(perOrigin.status == 0, "\(perOrigin.error)")
    let rows = Self.rows(perOrigin.output)
    #expect(
      rows[0].prefix(12).joined(separator: ",")
        == "method,area_share,cells,area_km2,captured,hit_rate,pai,pei,rri,origin,train,test")
    let count = rows.filter { $0[0] == "count" }
    #expect(
      count.map { Array($0[6...11]) } == [
        // January's {0, 3} miss February's 2 incidents; February's {5, 0} hold 3 of March's 4.
        ["0", "0", "0", "1", "2024-01", "2024-02"],
        ["3", "1", "0.75", "2", "2024-02", "2024-03"],
      ])
    let summary = try Self.run(["--rolling", "1:1", "--area-shares", "25%", "--format", "csv"], folder: folder)
    let summaryRows = Self.rows(summary.output)
    let header = summaryRows[0]
    #expect(
      header.prefix(10).joined(separator: ",")
        == "method,area_share,cells,area_km2,captured,hit_rate,pai,pei,rri,origins")
    let countRow = try #require(summaryRows.first { $0[0] == "count" })
    func value(_ column: String) -> String? { header.firstIndex(of: column).map { countRow[$0] } }
    #expect(value("pai") == "1.5" && value("pai_min") == "0" && value("pai_max") == "3" && value("origins") == "2")
    #expect(value("pai_sd") == "2.1213203435596424")  // √4.5, every digit
    #expect(value("rri") == "0.375")
    let json = try Self.run(["--rolling", "1:1", "--area-shares", "25%", "--format", "json"], folder: folder)
    #expect(json.output.contains("\"origins\": ["))
    #expect(json.output.contains("\"span\": \"2024-01..2024-03\""))
  }

  @Test("--chart writes a valid SVG of PAI against area share, one line per method, with provenance")
  func chart() throws {
    let folder = try TemporaryFolder()
    let chart = folder.path("pai.svg")
    let result = try Self.run(
      ["--train", "2024-01..2024-02", "--test", "2024-03", "--area-shares", "25%,50%", "--chart", chart, "--quiet"],
      folder: folder)
    #expect(result.status == 0, "\(result.error)")
    let svg = try String(contentsOfFile: chart, encoding: .utf8)
    #expect(try xmlProblems(svg) == nil)
    for name in ["count", "density-250m", "density-400m", "density-600m", "gistar", "previous"] {
      #expect(svg.contains("data-series=\"\(name)\""), "\(name)")
    }
    #expect(svg.contains("count at 25 %: 3"))
    #expect(FileManager.default.fileExists(atPath: chart + ".provenance.json"))
    // The table went to stdout.
    #expect(result.output.hasPrefix("method"))
  }

  @Test("the PAI chart of the bundled sample is byte-stable (golden file)")
  func sampleChart() throws {
    let folder = try TemporaryFolder()
    let chart = folder.path("pai.svg")
    let result = runHotspotRaw([
      "backtest", "--incidents", TestData.geoData("incidents-police.csv").path, "--areas",
      TestData.geoData("divisions.geojson").path,
      "--train", "2024-01..2024-09", "--test", "2024-10..2024-12", "--chart", chart, "--format", "csv", "--quiet",
    ])
    #expect(result.status == 0, "\(result.error)")
    let svg = try String(contentsOfFile: chart, encoding: .utf8)
    #expect(try xmlProblems(svg) == nil)
    if let problem = snapshotMismatch(svg, named: "backtest-chart.svg") { Issue.record("\(problem)") }
  }

  @Test("hexagons: cells are counted in the nearest hexagon and every method gives a row")
  func hexagons() throws {
    let folder = try TemporaryFolder()
    let result = try Self.run(
      ["--hex", "--train", "2024-01..2024-02", "--test", "2024-03", "--area-shares", "50%", "--format", "csv"],
      folder: folder)
    #expect(result.status == 0, "\(result.error)")
    let rows = Self.rows(result.output)
    #expect(rows.count == 1 + 6)
    #expect(rows.dropFirst().allSatisfy { $0[5] != "" })
  }

  @Test(
    "usage errors: overlapping or reversed periods, mixed plans, bad shares, bad --rolling, a chart that is not SVG")
  func usageErrors() throws {
    let cases: [([String], String)] = [
      (["--train", "2024-01..2024-03", "--test", "2024-03..2024-04"], "overlaps the training period"),
      (["--train", "2024-03", "--test", "2024-01"], "comes before the training period"),
      (["--train", "2024-01"], "Give the training and test periods"),
      (["--train", "2024-01", "--test", "2024-02", "--rolling", "6:1"], "not both"),
      (["--train", "2024-01", "--test", "2024-02", "--area-shares", "0%"], "must be greater than 0%"),
      (["--train", "2024-01", "--test", "2024-02", "--area-shares", "150%"], "between 0% and 100%"),
      (["--train", "2024-01", "--test", "2024-02", "--area-shares", "1%,x"], "is not a share"),
      (["--rolling", "6"], "must be T:S"),
      (["--rolling", "0:1"], "must be T:S"),
      (["--rolling", "6:1", "--period", "2024-01-05..2024-12-31"], "must be whole months"),
      (["--train", "2024-01", "--test", "2024-02", "--period", "2024"], "'--period' is the span of '--rolling'"),
      (["--train", "2024-01", "--test", "2024-02", "--per-origin"], "'--per-origin' lists the origins"),
      (["--train", "2024-01", "--test", "2024-02", "--chart", "pai.png"], "must be an .svg file"),
      (["--train", "2024-01", "--test", "2024-02", "--bandwidths", "0m"], "greater than zero"),
    ]
    for (arguments, message) in cases {
      let result = runHotspotRaw(["backtest", "--incidents", "x.csv"] + arguments)
      #expect(result.status == 64, "\(arguments)")
      #expect(result.error.contains(message), "\(arguments): \(result.error)")
    }
  }

  @Test("too few months for one rolling origin is a data error naming the span")
  func shortSpan() throws {
    let folder = try TemporaryFolder()
    let result = try Self.run(["--rolling", "6:1"], folder: folder)
    #expect(result.status == 65)
    #expect(result.error.contains("the months 2024-01..2024-03 (3) are fewer than one origin needs (6 + 1)"))
  }
}
