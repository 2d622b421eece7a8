import Foundation
import GeoCore
import TestSupport
import Testing

@testable import hotspot

/// True when the CSV `field`, rounded to as many decimals as `figure` shows, is `figure` (a hand
/// computation written to a few decimals, checked against the full-precision value); text as is.
private func rounds(_ field: String, to figure: String) -> Bool {
  guard let value = Double(field) else { return field == figure }
  let decimals = figure.split(separator: ".").dropFirst().first?.count ?? 0
  return NumberText.fixed(value, digits: decimals) == figure
}

private func squareCollection(_ features: [(String, Double, Double, Double, Double)]) -> String {
  let items = features.map { name, x0, y0, x1, y1 in
    """
    {"type":"Feature","properties":{"code":"\(name)","name":"\(name) area"},"geometry":{"type":"Polygon","coordinates":[[[\(x0),\(y0)],[\(x1),\(y0)],[\(x1),\(y1)],[\(x0),\(y1)],[\(x0),\(y0)]]]}}
    """
  }
  return """
    {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[
    \(items.joined(separator: ",\n"))
    ]}
    """
}

/// Target [400000, 401000] × [500000, 501000]; comparison [405000, 406000] × the same rows.
/// Before (2023, 12 months): target 20, buffer 10, comparison 40. After (2024-01..06, 6 months):
/// target 6, buffer 4, comparison 30. Plus 5 incidents outside everything, and 3 in 2022.
private func incidentsCSV() -> String {
  var lines = ["id,date,category,easting,northing"]
  var id = 0
  func add(_ n: Int, _ date: String, _ x: Int, _ y: Int, _ category: String = "Nuisance") {
    for k in 0..<n {
      id += 1
      let month = String(format: "%02d", k % (date == "2023" ? 12 : 6) + 1)
      lines.append("\(id),\(date)-\(month)-15,\(category),\(x),\(y)")
    }
  }
  add(20, "2023", 400500, 500500)
  add(10, "2023", 401100, 500500)  // 100 m east of the target: buffer
  add(40, "2023", 405500, 500500)
  add(6, "2024", 400500, 500500)
  add(4, "2024", 400500, 501150)  // 150 m north: buffer
  add(30, "2024", 405500, 500500)
  add(5, "2024", 403000, 503000)  // outside
  add(7, "2024", 400500, 500500, "Personal")  // another category
  add(3, "2022", 400500, 500500)
  return lines.joined(separator: "\n") + "\n"
}

@Suite("hotspot evaluate")
struct EvaluateCommandTests {
  static func fixture() throws -> TemporaryFolder {
    let folder = try TemporaryFolder("hotspot-evaluate")
    try folder.file("target.geojson", squareCollection([("T1", 400000, 500000, 401000, 501000)]))
    try folder.file("comparison.geojson", squareCollection([("C1", 405000, 500000, 406000, 501000)]))
    try folder.file("incidents.csv", incidentsCSV())
    return folder
  }

  static func arguments(_ folder: TemporaryFolder) -> [String] {
    [
      "evaluate", "--incidents", folder.path("incidents.csv"), "--target", folder.path("target.geojson"),
      "--comparison", folder.path("comparison.geojson"), "--before", "2023-01..2023-12", "--after", "2024-01..2024-06",
      "--category", "Nuisance",
    ]
  }

  @Test("by hand: counts, monthly rates, ratio of ratios with its interval, net change and the WDQ")
  func handComputed() throws {
    let folder = try Self.fixture()
    let result = runHotspotRaw(Self.arguments(folder) + ["--buffer", "200m", "--format", "csv"])
    #expect(result.status == 0, "\(result.error)")
    let lines = result.output.split(separator: "\r\n").map(String.init)
    #expect(
      lines.first
        == "group,before,after,before_per_month,after_per_month,change_pct,p_change,relative_change,relative_ci_low,relative_ci_high,p_relative,net_change_pct,net_change_ci_low_pct,net_change_ci_high_pct,wdq,area_km2"
    )
    let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(rows.map(\.first) == ["target", "comparison", "buffer"])
    // The CSV holds every digit of each double (the ratio 0.4 is 0.39999999999999997); each is
    // checked against the hand figure rounded to the decimals the figure shows.
    func matches(_ row: [String], _ figures: [String]) {
      #expect(row.count >= figures.count)
      for (field, figure) in zip(row, figures) {
        #expect(rounds(field, to: figure), "\(field) rounds to \(figure)")
      }
    }
    // Target: 20/12 = 1.67 a month, then 6/6 = 1: −40 %. Exact test, 6 in 6 months against 20
    // in 12 (the months, as the rates): p = 0.3055 (scipy.stats.binomtest(6, 26, 6/18)). Ratio (6/20)/(30/40) = 0.4; SE √(1/20 + 1/6 + 1/40 + 1/30) = 0.524404;
    // interval exp(ln 0.4 ± 1.959964 · 0.524404) = 0.1431 … 1.1180; p = 0.08059.
    matches(
      rows[0],
      ["target", "20", "6", "1.67", "1", "-40", "0.3055", "0.4", "0.1431", "1.118", "0.08059", "-60", "-85.7", "11.8"])
    #expect(rows[0][3] == "1.6666666666666667")
    // Comparison: 40/12 = 3.33, 30/6 = 5: +50 %; exact p = 0.09945 (binomtest(30, 70, 6/18)).
    matches(rows[1], ["comparison", "40", "30", "3.33", "5", "50", "0.09945"])
    #expect(rows[1][7...14].allSatisfy { $0.isEmpty })
    // Buffer: 10 → 4; against the comparison (4/10)/(30/40) = 0.5333, interval 0.1524 … 1.8661,
    // p 0.3253. WDQ = (4/30 − 10/40)/(6/30 − 20/40) = −0.116667/−0.3 = 0.3889.
    matches(
      rows[2],
      [
        "buffer", "10", "4", "0.83", "0.67", "-20", "1", "0.5333", "0.1524", "1.8661", "0.3253", "-46.7", "-84.8",
        "86.6", "0.3889",
      ])
    // Areas: the target 1 km²; the comparison 1 km²; the ring 1.4² − 1² less four corners of
    // 0.2² − π·0.2²/4, 0.9257 km², estimated on a lattice of about 3 m.
    #expect(rows[0][15] == "1")
    #expect(isClose(try #require(Double(rows[1][15])), 1, tolerance: 0.01))
    #expect(isClose(try #require(Double(rows[2][15])), 0.925664, tolerance: 0.005))
  }

  @Test("text output: the net change in words, the WDQ band and the total net effect")
  func textFindings() throws {
    let folder = try Self.fixture()
    let result = runHotspot(Self.arguments(folder) + ["--buffer", "200m"])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("before 2023-01..2023-12 (12 months)"))
    #expect(result.output.contains("after 2024-01..2024-06 (6 months); rates per month"))
    #expect(
      result.output.contains(
        "net change -60.0 % (95 % CI -85.7 % to +11.8 %): a net reduction of 60.0 % beyond the comparison's trend; the interval includes no change"
      ))
    #expect(result.output.contains("WDQ (200 m) 0.389: diffusion of benefit"))
    // TNE = (20 · 0.75 − 6) + (10 · 0.75 − 4) = 12.5.
    #expect(result.output.contains("total net effect 12.5 incidents fewer"))
  }

  @Test("without --buffer: target and comparison only; the incidents 150 m north count nowhere")
  func noBuffer() throws {
    let folder = try Self.fixture()
    let result = runHotspotRaw(Self.arguments(folder) + ["--format", "json"])
    #expect(result.status == 0, "\(result.error)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(groups.map { $0["group"] as? String } == ["target", "comparison"])
    #expect(groups.map { $0["after"] as? Int } == [6, 30])
    let summary = try #require(json["summary"] as? [String: Any])
    #expect(summary["buffer_m"] is NSNull && summary["displacement"] == nil)
    let change = try #require(summary["target_vs_comparison"] as? [String: Any])
    #expect(isClose(try #require(change["ratio"] as? Double), 0.4, tolerance: 1e-12))
  }

  @Test("a comparison reaching into the target and buffer: warned, and its incidents there count once")
  func overlap() throws {
    let folder = try Self.fixture()
    // The comparison also covers [400000, 406000] × the rows: the target and the east buffer.
    try folder.file("wide.geojson", squareCollection([("W", 400000, 500000, 406000, 501000)]))
    var arguments = Self.arguments(folder)
    arguments[arguments.firstIndex(of: folder.path("comparison.geojson"))!] = folder.path("wide.geojson")
    let result = runHotspotRaw(arguments + ["--buffer", "200m", "--format", "csv"])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.error.contains("the comparison areas reach into the target or the buffer ring: 36 incidents there"))
    let rows = result.output.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
    // The 5 outside at (403000, 503000) are north of the wide square: still outside.
    #expect(
      rows.map { Array($0.prefix(3)) } == [["target", "20", "6"], ["comparison", "40", "30"], ["buffer", "10", "4"]])
  }

  @Test("selecting features by id or name; bad selections and periods are clear errors")
  func selectionsAndErrors() throws {
    let folder = try Self.fixture()
    let ok = runHotspotRaw(Self.arguments(folder) + ["--target-id", "T1 area", "--format", "csv"])
    #expect(ok.status == 0, "\(ok.error)")
    let unknown = runHotspotRaw(Self.arguments(folder) + ["--target-id", "T9"])
    #expect(unknown.status == 65)
    #expect(unknown.error.contains("target.geojson") && unknown.error.contains("'T9' matches no feature"))
    var reversed = Self.arguments(folder)
    reversed[reversed.firstIndex(of: "2023-01..2023-12")!] = "2024-01..2024-03"
    let overlapping = runHotspotRaw(reversed)
    #expect(overlapping.status == 64 && overlapping.error.contains("must end before"))
    var empty = Self.arguments(folder)
    empty[empty.firstIndex(of: "2024-01..2024-06")!] = "2025-01..2025-06"
    let noData = runHotspotRaw(empty)
    #expect(noData.status == 65 && noData.error.contains("no incident falls in the --after period 2025-01..2025-06"))
    #expect(noData.error.contains("the files cover 2022-01..2024-06"))
  }

  @Test("a hand-drawn target without properties, and the same target in WGS84 against BNG incidents")
  func anyPolygons() throws {
    let folder = try Self.fixture()
    let corners = [(400000.0, 500000.0), (401000, 500000), (401000, 501000), (400000, 501000), (400000, 500000)]
    func feature(_ points: [(Double, Double)]) -> String {
      let ring = points.map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
      return #"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[["# + ring + "]]}}"
    }
    try folder.file("drawn.geojson", feature(corners))
    let toWGS84 = try #require(CoordinateTransform(from: .britishNationalGrid, to: .wgs84))
    try folder.file(
      "drawn-wgs84.geojson",
      feature(
        corners.map {
          let p = toWGS84.apply(Point(x: $0.0, y: $0.1))
          return (p.x, p.y)
        }))
    for file in ["drawn.geojson", "drawn-wgs84.geojson"] {
      let arguments = Self.arguments(folder).map { $0 == folder.path("target.geojson") ? folder.path(file) : $0 }
      let result = runHotspotRaw(arguments + ["--format", "csv"])
      #expect(result.status == 0, "\(result.error)")
      #expect(result.output.contains("\r\ntarget,20,6,"), "\(file)")
    }
    let noPolygons = runHotspotRaw(
      Self.arguments(folder).map { $0 == folder.path("target.geojson") ? folder.path("incidents.csv") : $0 })
    #expect(noPolygons.status != 0)
  }

  @Test("GeoData: the Redburn zone's counts equal count --overlapping's, and the ratio follows from them")
  func sampleCounty() throws {
    let incidents = TestData.geoData("incidents-police.csv").path
    let zones = TestData.geoData("licensing-zones.geojson").path
    let divisions = TestData.geoData("divisions.geojson").path
    let result = runHotspotRaw([
      "evaluate", "--incidents", incidents, "--target", zones, "--target-id", "Redburn Colliery Rows",
      "--comparison", divisions, "--before", "2023-01..2023-03", "--after", "2023-04..2024-12", "--buffer", "500m",
      "--category", "Anti-social behaviour", "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.error)")
    // Divisions cover the whole county, so they reach into the zone and its ring.
    #expect(result.error.contains("the comparison areas reach into the target"))
    let rows = result.output.split(separator: "\r\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    func zoneCount(_ period: String) throws -> Int {
      let count = runHotspotRaw([
        "count", "--areas", zones, "--incidents", incidents, "--overlapping", "--period", period,
        "--category", "Anti-social behaviour", "--format", "csv",
      ])
      let line = try #require(count.output.split(separator: "\r\n").first { $0.hasPrefix("Redburn Colliery Rows,") })
      return try #require(Int(line.split(separator: ",")[2]))
    }
    let tb = try zoneCount("2023-01..2023-03")
    let ta = try zoneCount("2023-04..2024-12")
    #expect(rows[0][1] == String(tb) && rows[0][2] == String(ta))
    let cb = try #require(Double(rows[1][1]))
    let ca = try #require(Double(rows[1][2]))
    let ratio = (Double(ta) / Double(tb)) / (ca / cb)
    #expect(isClose(try #require(Double(rows[0][7])), ratio, tolerance: 5e-5))
    // Winter before, summer after: the comparison's monthly rate rises, the zone's falls.
    #expect(try #require(Double(rows[1][5])) > 0 && (try #require(Double(rows[0][5]))) < 0)
  }
}
