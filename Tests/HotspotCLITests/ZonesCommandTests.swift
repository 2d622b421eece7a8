import Foundation
import TestSupport
import Testing

@testable import hotspot

/// Two 1 km squares overlapping in [400500, 401000] × [500000, 501000] (BNG metres).
private let zonesGeoJSON = """
  {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[
  {"type":"Feature","properties":{"code":"Z1","name":"West"},"geometry":{"type":"Polygon","coordinates":[[[400000,500000],[401000,500000],[401000,501000],[400000,501000],[400000,500000]]]}},
  {"type":"Feature","properties":{"code":"Z2","name":"East"},"geometry":{"type":"Polygon","coordinates":[[[400500,500000],[401500,500000],[401500,501000],[400500,501000],[400500,500000]]]}}
  ]}
  """

/// 2024: 3 in Z1 only, 2 in both, 1 in Z2 only, 4 outside. 2023: 1 in Z1 only, 4 outside.
private let incidentsCSV = """
  id,date,category,easting,northing
  1,2024-02-01,Nuisance,400250,500500
  2,2024-03-01,Nuisance,400250,500500
  3,2024-04-01,Nuisance,400250,500500
  4,2024-05-01,Nuisance,400750,500500
  5,2024-06-01,Nuisance,400750,500500
  6,2024-07-01,Nuisance,401250,500500
  7,2024-08-01,Nuisance,403000,500500
  8,2024-09-01,Nuisance,403000,500500
  9,2024-10-01,Nuisance,403000,500500
  10,2024-11-01,Nuisance,403000,500500
  11,2023-05-01,Nuisance,400250,500500
  12,2023-06-01,Nuisance,403000,500500
  13,2023-07-01,Nuisance,403000,500500
  14,2023-08-01,Nuisance,403000,500500
  15,2023-09-01,Nuisance,403000,500500

  """

private let centroidsCSV = """
  code,easting,northing,population
  P1,400250,500500,1200
  P2,400750,500500,800
  P3,401250,500500,700
  P4,403000,500500,7300

  """

private func writeFixture(_ files: [String: String]) throws -> URL {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hotspot-zones-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  for (name, text) in files {
    try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }
  return directory
}

@Suite("hotspot zones")
struct ZonesCommandTests {
  @Test("rates per 10,000 by hand: overlapping zones, all-zones once, outside and total; the change from 2023")
  func centroids() throws {
    let folder = try writeFixture([
      "zones.geojson": zonesGeoJSON, "incidents.csv": incidentsCSV, "centroids.csv": centroidsCSV,
    ])
    let result = runHotspotRaw([
      "zones", "--zones", folder.appendingPathComponent("zones.geojson").path,
      "--incidents", folder.appendingPathComponent("incidents.csv").path,
      "--population", folder.appendingPathComponent("centroids.csv").path,
      "--period", "2024", "--compare-to", "2023", "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.error)")
    let lines = result.output.split(separator: "\r\n", omittingEmptySubsequences: true).map { line in
      line.split(separator: ",", omittingEmptySubsequences: false).prefix(8).joined(separator: ",")
    }
    // Z1: 5 / 2,000 · 10,000 = 25; Z2: 3 / 1,500 → 20; all zones: 6 / 2,700 → 22.22…;
    // outside: 4 / 7,300 → 5.48; total: 10 / 10,000 → 10. Baseline 2023: Z1 1 → 5, all 1 / 2,700 → 3.7037….
    // The files hold 2023-05..2024-11: 2024 is clipped to 11 months and 2023 to 8, so change_pct
    // compares per month: Z1 (5/11)/(1/8) − 1 = 263.64 %, all zones (6/11)/(1/8) − 1 = 336.36 %,
    // outside (4/11)/(4/8) − 1 = −27.27 %, total (10/11)/(5/8) − 1 = 45.45 %.
    // CSV holds every digit of the double (Python: 6 / 2700 * 10000 → 22.22222222222222).
    #expect(
      lines == [
        "zone_id,zone_name,incidents,population,rate_per_10000,baseline_incidents,baseline_rate_per_10000,change_pct",
        "Z1,West,5,2000,25,1,5,263.6363636363636",
        "Z2,East,3,1500,20,0,0,",
        "all-zones,all zones together,6,2700,22.22222222222222,1,3.7037037037037037,336.3636363636363",
        "outside-zones,outside every zone,4,7300,5.47945205479452,4,5.47945205479452,-27.27272727272727",
        "total,total,10,10000,10,5,5,45.45454545454546",
      ])
    #expect(
      result.error.contains(
        "--period 2024-01..2024-12 runs past the months the files hold (2023-05..2024-11): clipped to 2024-01..2024-11 (11 months)"
      ))
    #expect(result.error.contains("2 incidents lie in two or more zones"))
  }

  @Test("a population keyed by zone id, with a total row")
  func keyed() throws {
    let folder = try writeFixture([
      "zones.geojson": zonesGeoJSON, "incidents.csv": incidentsCSV,
      "population.csv": "zone_id,population\nZ1,2000\nZ2,1500\ntotal,12000\n",
    ])
    let result = runHotspotRaw([
      "zones", "--zones", folder.appendingPathComponent("zones.geojson").path,
      "--incidents", folder.appendingPathComponent("incidents.csv").path,
      "--population", folder.appendingPathComponent("population.csv").path, "--period", "2024", "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.error)")
    // all zones 6 / 3,500 → 17.14…; outside 4 / 8,500 → 4.71…; total 10 / 12,000 → 8.33…, every digit.
    #expect(
      result.output == """
        zone_id,zone_name,incidents,population,rate_per_10000\r
        Z1,West,5,2000,25\r
        Z2,East,3,1500,20\r
        all-zones,all zones together,6,3500,17.142857142857142\r
        outside-zones,outside every zone,4,8500,4.705882352941177\r
        total,total,10,12000,8.333333333333334\r

        """)
  }

  @Test("the sample licensing zones: ASB falls inside Redburn's scheme from 2023 to 2024")
  func sample() throws {
    let result = runHotspotRaw([
      "zones", "--zones", TestData.geoData("licensing-zones.geojson").path,
      "--incidents", TestData.geoData("incidents-police.csv").path,
      "--population", TestData.geoData("lsoa-centroids.csv").path, "--category", "Anti-social behaviour",
      "--period", "2024", "--compare-to", "2023", "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.error)")
    let redburn = try #require(result.output.split(separator: "\r\n").first { $0.hasPrefix("Redburn") })
    // 108 / 5,031 · 10,000 = 214.669…; 260 / 5,031 → 516.795…; (108 − 260) / 260 → −58.46 %;
    // p = scipy.stats.binomtest(108, 368, 12 / 24).pvalue = 1.37925547771091e-15 (months as exposures).
    #expect(
      redburn
        == "Redburn Colliery Rows,Redburn Colliery Rows,108,5031,214.6690518783542,260,516.795865633075,-58.46153846153846,1.3792554777109247e-15"
    )
    #expect(
      result.output.contains(
        "\r\ntotal,total,4885,375983,129.92608708372452,5060,134.58055284414456,-3.458498023715415,"))
  }
}

@Suite("hotspot zones --screen")
struct ZonesScreenTests {
  static func screen(_ extra: [String]) -> (status: Int32, output: String, error: String) {
    runHotspotRaw(
      [
        "zones", "--screen", "--candidates", TestData.geoData("divisions.geojson").path,
        "--incidents", TestData.geoData("incidents-police.csv").path,
        "--population", TestData.geoData("lsoa-centroids.csv").path,
        "--indicators", TestData.geoData("indicators.csv").path,
      ] + extra)
  }

  @Test(
    "the example criteria on the sample: persistent ASB divisions qualify; fading Redburn and emerging Wexcombe are near misses"
  )
  func sample() throws {
    let criteria = TestData.packageRoot.appendingPathComponent("Examples/screen-criteria.json").path
    let result = Self.screen(["--criteria", criteria, "--format", "csv"])
    #expect(result.status == 0, "\(result.error)")
    let lines = result.output.split(separator: "\r\n").map(String.init)
    #expect(lines.first == "area_id,area_name,status,criteria_met,persistent_asb,private_rented,deprivation")
    let qualifying = lines.filter { $0.contains(",qualifies,") }.map { String($0.prefix(9)) }
    #expect(
      qualifying == [
        "E05990006", "E05990012", "E05990015", "E05990018", "E05990024", "E05990034", "E05990046", "E05990050",
      ])
    #expect(
      lines.contains { $0.hasPrefix("E05990048,Redburn,near miss,2 of 3,\"no: 2.47, 1.21 × all candidates (≥ 1.5)\",") }
    )
    #expect(
      lines.contains {
        $0.hasPrefix("E05990020,Wexcombe,near miss,2 of 3,\"no: 0.78, 2.17 × all candidates (≥ 1.5)\",")
      })
  }

  @Test("a criterion without a test is an error naming it; --screen without --candidates is a usage error")
  func errors() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hotspot-screen-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let bad = folder.appendingPathComponent("bad.json")
    try #"{"criteria": [{"name": "x", "indicator": "deprivation_score"}]}"#.write(
      to: bad, atomically: true, encoding: .utf8)
    let result = Self.screen(["--criteria", bad.path])
    #expect(result.status == 65)
    #expect(result.error.contains("criteria[0]") && result.error.contains("at_least, at_most or between"))
    #expect(runHotspotRaw(["zones", "--screen", "--incidents", "x.csv", "--population", "p.csv"]).status == 64)
  }
}
