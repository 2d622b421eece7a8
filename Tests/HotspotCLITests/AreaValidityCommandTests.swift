import Foundation
import TestSupport
import Testing

@testable import hotspot

/// Issue 21, points 3 and 4: invalid polygons are refused (or repaired with --repair), and
/// overlapping areas are counted by one rule, with one option, in count, map and report.
@Suite("Invalid and overlapping areas")
struct AreaValidityCommandTests {
  /// A 1 km square and a hand-drawn bow-tie beside it (two triangles of 0.25 km² meeting at
  /// (431500, 540500)), in British National Grid.
  static let bowTie = """
    {"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"id":"square","name":"Square"},"geometry":{"type":"Polygon","coordinates":[[[430000,540000],[431000,540000],[431000,541000],[430000,541000],[430000,540000]]]}},
    {"type":"Feature","properties":{"id":"bowtie","name":"Bow-tie"},"geometry":{"type":"Polygon","coordinates":[[[431000,540000],[432000,541000],[432000,540000],[431000,541000],[431000,540000]]]}}
    ]}
    """

  /// Three 1 km zones: Z1 and Z2 overlap by half (0.5 km²), Z3 stands apart.
  static let zones = """
    {"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"id":"Z1","name":"Town centre"},"geometry":{"type":"Polygon","coordinates":[[[430000,540000],[431000,540000],[431000,541000],[430000,541000],[430000,540000]]]}},
    {"type":"Feature","properties":{"id":"Z2","name":"Station quarter"},"geometry":{"type":"Polygon","coordinates":[[[430500,540000],[431500,540000],[431500,541000],[430500,541000],[430500,540000]]]}},
    {"type":"Feature","properties":{"id":"Z3","name":"Riverside"},"geometry":{"type":"Polygon","coordinates":[[[432000,540000],[433000,540000],[433000,541000],[432000,541000],[432000,540000]]]}}
    ]}
    """

  /// Incidents on a lattice: `perBand` rows of points in each x band given, dated 2024-03.
  static func incidents(_ bands: [(x: ClosedRange<Double>, count: Int)]) -> String {
    var rows = ["id,easting,northing,category,month"]
    var id = 0
    for band in bands {
      for k in 0..<band.count {
        id += 1
        let x = band.x.lowerBound + (band.x.upperBound - band.x.lowerBound) * (Double(k % 5) + 0.5) / 5
        let y = 540_000 + 1000 * (Double(k / 5) + 0.5) / Double((band.count + 4) / 5)
        rows.append("\(id),\(x),\(y),burglary,2024-03")
      }
    }
    return rows.joined(separator: "\n") + "\n"
  }

  /// 40 incidents in the square; 30 in the bow-tie's east triangle and 20 in its west one, each
  /// on the triangle's middle line (y = 540500), away from the crossing.
  static func bowTieIncidents() -> String {
    var rows = ["id,easting,northing,category,month"]
    for k in 0..<40 {
      rows.append("s\(k),\(430_050 + 100 * Double(k % 10)),\(540_100 + 200 * Double(k / 10)),burglary,2024-03")
    }
    for k in 0..<30 { rows.append("e\(k),\(431_600 + 12 * Double(k)),540500,burglary,2024-03") }
    for k in 0..<20 { rows.append("w\(k),\(431_050 + 20 * Double(k)),540500,burglary,2024-03") }
    return rows.joined(separator: "\n") + "\n"
  }

  @Test("count refuses a bow-tie (exit 65), naming the feature and where it crosses itself")
  func countRefusesBowTie() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("zones.geojson", Self.bowTie)
    let incidents = try folder.file("incidents.csv", Self.bowTieIncidents())
    let result = runHotspotRaw(["count", "--areas", areas, "--incidents", incidents])
    #expect(result.status == 65)
    #expect(result.output.isEmpty)
    #expect(
      result.error.contains(
        "zones.geojson, feature 1: invalid polygon: the exterior ring crosses itself at (431500, 540500)"))
    #expect(result.error.contains("give --repair to repair it by the even-odd rule"))
  }

  @Test(
    "every command that reads areas refuses the bow-tie",
    arguments: [
      ["map"], ["report", "--output", "REPORT"], ["density", "--format", "csv"], ["patrol"], ["gistar"],
      ["rank"],
    ])
  func everyCommandRefuses(command: [String]) throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("zones.geojson", Self.bowTie)
    let incidents = try folder.file("incidents.csv", Self.bowTieIncidents())
    let arguments = command.map { $0 == "REPORT" ? folder.path("report.html") : $0 }
    let result = runHotspotRaw(arguments + ["--areas", areas, "--incidents", incidents])
    #expect(result.status == 65, "\(command): \(result.error)")
    #expect(result.error.contains("feature 1: invalid polygon: the exterior ring crosses itself"), "\(command)")
  }

  @Test("zones refuses a bow-tie zone too")
  func zonesRefuses() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("zones.geojson", Self.bowTie)
    let incidents = try folder.file("incidents.csv", Self.bowTieIncidents())
    let population = try folder.file("population.csv", "area_id,population\nsquare,100\nbowtie,100\n")
    let result = runHotspotRaw(["zones", "--zones", areas, "--incidents", incidents, "--population", population])
    #expect(result.status == 65, "\(result.error)")
    #expect(result.error.contains("invalid polygon"))
  }

  @Test("with --repair the bow-tie is two triangles: 50 incidents in 0.5 km², 100 per km², and the change is said")
  func countRepairsBowTie() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("zones.geojson", Self.bowTie)
    let incidents = try folder.file("incidents.csv", Self.bowTieIncidents())
    let result = runHotspotRaw(["count", "--areas", areas, "--incidents", incidents, "--repair", "--format", "csv"])
    #expect(result.status == 0, "\(result.error)")
    let lines = result.output.components(separatedBy: "\r\n")
    #expect(lines.contains("square,Square,40,1,40"))
    #expect(lines.contains("bowtie,Bow-tie,50,0.5,100"))
    #expect(
      result.error.contains(
        "zones.geojson, feature 1: repaired: the exterior ring crossed itself: cut at 1 point into 2 rings (even-odd rule)"
      ))
  }

  @Test("inspect lists the bow-tie as a problem, with where it crosses itself")
  func inspectReportsBowTie() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("zones.geojson", Self.bowTie)
    let result = runHotspot(["inspect", areas])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("invalid polygons 1 feature (listed under problems)"))
    #expect(result.output.contains("feature 1: invalid polygon: the exterior ring crosses itself at (431500, 540500)"))
  }

  /// 10 incidents only in Z1, 20 in Z1 ∩ Z2, 15 only in Z2, 5 in Z3.
  static func zoneIncidents() -> String {
    incidents([(430_010...430_490, 10), (430_510...430_990, 20), (431_010...431_490, 15), (432_010...432_990, 5)])
  }

  @Test("map counts overlapping zones as count does: warned without --overlapping, every membership with it")
  func mapOverlapping() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("zones.geojson", Self.zones)
    let incidents = try folder.file("incidents.csv", Self.zoneIncidents())
    let counted = runHotspotRaw(
      ["count", "--areas", areas, "--incidents", incidents, "--overlapping", "--format", "csv"])
    #expect(counted.status == 0, "\(counted.error)")
    #expect(counted.output.contains("Z2,Station quarter,35,"))

    let plain = runHotspotRaw(["map", "--areas", areas, "--incidents", incidents])
    #expect(plain.status == 0, "\(plain.error)")
    #expect(plain.output.contains("data-id=\"Z2\" data-name=\"Station quarter\" data-value=\"15\""))
    #expect(
      plain.error.contains(
        "warning: the areas overlap (1 pair; most: 'Z1' and 'Z2' share about 0.5 km², 50% of 'Z1'): a point in two areas counts only in the first in file order; give --overlapping"
      ))

    let overlapping = runHotspotRaw(["map", "--areas", areas, "--incidents", incidents, "--overlapping"])
    #expect(overlapping.status == 0, "\(overlapping.error)")
    #expect(overlapping.output.contains("data-id=\"Z1\" data-name=\"Town centre\" data-value=\"30\""))
    #expect(overlapping.output.contains("data-id=\"Z2\" data-name=\"Station quarter\" data-value=\"35\""))
    #expect(!overlapping.error.contains("overlap"))
  }

  @Test("count and report warn about overlapping zones; report --overlapping counts as count --overlapping")
  func countAndReportOverlapping() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("zones.geojson", Self.zones)
    let incidents = try folder.file("incidents.csv", Self.zoneIncidents())
    let counted = runHotspotRaw(["count", "--areas", areas, "--incidents", incidents, "--format", "csv"])
    #expect(counted.status == 0)
    #expect(counted.error.contains("warning: the areas overlap (1 pair;"))
    #expect(counted.output.contains("Z1,Town centre,30,"))
    #expect(counted.output.contains("Z2,Station quarter,15,"))

    let report = folder.path("report.html")
    let plain = runHotspotRaw(["report", "--areas", areas, "--incidents", incidents, "--output", report])
    #expect(plain.status == 0, "\(plain.error)")
    #expect(plain.error.contains("warning: the areas overlap (1 pair;"))
    let overlapping = runHotspotRaw([
      "report", "--areas", areas, "--incidents", incidents, "--overlapping", "--output", report,
    ])
    #expect(overlapping.status == 0, "\(overlapping.error)")
    #expect(!overlapping.error.contains("warning: the areas overlap"))
    let html = try String(contentsOfFile: report, encoding: .utf8)
    #expect(html.contains("Station quarter</td><td class=\"num\">35"))
    #expect(html.contains("data-id=\"Z2\" data-name=\"Station quarter\" data-value=\"35\""))
  }
}
