import Foundation
import TestSupport
import Testing

@testable import hotspot

@Suite("hotspot density")
struct DensityCommandTests {
  static let incidents = """
    id,easting,northing,category
    1,420500,540500,Personal
    2,420500,540500,Personal
    3,420520,540480,Nuisance
    4,421800,541900,Nuisance
    5,419000,539000,Environmental
    """

  @Test("an ESRI ASCII grid with its .prj, in incidents per km², and the provenance of every default")
  func asciiGrid() throws {
    let folder = try TemporaryFolder()
    let points = try folder.file("incidents.csv", Self.incidents)
    let output = folder.path("surface.asc")
    let result = runHotspotRaw([
      "density", "--incidents", points, "--bandwidth", "300m", "--cell", "100m",
      "--extent", "419000,539000,422000,542000", "--output", output,
    ])
    #expect(result.status == 0, "\(result.error)")
    let grid = try String(contentsOfFile: output, encoding: .utf8)
    #expect(
      grid.hasPrefix("ncols 30\nnrows 30\nxllcorner 419000\nyllcorner 539000\ncellsize 100\nNODATA_value -9999\n"))
    // The cell whose centre is (420550, 540450), row 14 from the south, column 15: its value is the
    // sum of the quartic kernels of points 1, 2 and 3.
    func quartic(_ dx: Double, _ dy: Double) -> Double {
      let u2 = (dx * dx + dy * dy) / (300 * 300)
      return u2 < 1 ? 3 / (Double.pi * 300 * 300) * (1 - u2) * (1 - u2) * 1e6 : 0
    }
    let expected = 2 * quartic(50, -50) + quartic(30, -30)
    let lines = grid.split(separator: "\n").dropFirst(6).map { $0.split(separator: " ") }
    let value = try #require(Double(String(lines[29 - 14][15])))
    #expect(isClose(value, expected, tolerance: 1e-6))
    let projection = try String(contentsOfFile: folder.path("surface.prj"), encoding: .utf8)
    #expect(projection.hasPrefix("PROJCS[\"British_National_Grid\""))
    let provenance = try String(contentsOfFile: output + ".provenance.json", encoding: .utf8)
    #expect(provenance.contains("\"bandwidth_m\": 300"))
    #expect(provenance.contains("\"bandwidth_rule\": \"given\""))
    #expect(provenance.contains("\"extent_rule\": \"given\""))
  }

  @Test("a tiny density keeps its digits in CSV and in the grid: 2.4e-7 per km² is not written as 0")
  func tinyValues() throws {
    let folder = try TemporaryFolder()
    let points = try folder.file("one.csv", "x,y\n50,50\n")
    let arguments = [
      "density", "--incidents", points, "--crs", "planar", "--kernel", "gaussian", "--bandwidth", "100m",
      "--cell", "100m", "--extent", "0,0,700,100",
    ]
    let csv = runHotspotRaw(arguments + ["--format", "csv"])
    #expect(csv.status == 0, "\(csv.error)")
    let rows = csv.output.split(separator: "\r\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    #expect(rows.count == 7)
    // The cell centred k·100 m from the incident: 1/(2πh²)·exp(−k²/2) per m², × 10⁶ per km²;
    // at k = 6 that is 2.4237…e-7 (six decimals wrote 0), at k = 5 5.9e-5 (written 0.000059).
    let grid = runHotspotRaw(arguments + ["--format", "asc"])
    #expect(grid.status == 0, "\(grid.error)")
    let gridValues = grid.output.split(separator: "\n").last?.split(separator: " ") ?? []
    #expect(gridValues.count == 7)
    for k in 0..<min(rows.count, 7) {
      let expected = 1e6 / (2 * Double.pi * 100 * 100) * exp(-Double(k * k) / 2)
      let value = try #require(Double(String(rows[k][4])))
      #expect(isClose(value, expected, tolerance: 1e-12 * expected), "cell \(k): \(rows[k][4])")
      #expect(k >= 6 ? rows[k][4].contains("e-") : !rows[k][4].contains("e"), "\(rows[k][4])")
      if k < gridValues.count { #expect(gridValues[k] == rows[k][4], "the grid writes the CSV's text") }
    }
  }

  @Test("cell centres as CSV with lon/lat; hot-spot regions as GeoJSON in WGS84")
  func csvAndRegions() throws {
    let folder = try TemporaryFolder()
    let points = try folder.file("incidents.csv", Self.incidents)
    let csv = runHotspotRaw([
      "density", "--incidents", points, "--bandwidth", "300m", "--cell", "100m", "--format", "csv",
    ])
    #expect(csv.status == 0 && csv.output.hasPrefix("x,y,lon,lat,density\r\n"))
    let regions = runHotspotRaw([
      "density", "--incidents", points, "--bandwidth", "300m", "--cell", "100m", "--top", "2%", "--format", "geojson",
    ])
    #expect(regions.status == 0)
    #expect(regions.output.contains("\"rank\":1"))
    #expect(regions.output.contains("\"incidents\":3"))
    #expect(regions.output.contains("[-1.6"))
    let text = runHotspot(["density", "--incidents", points, "--threshold", "1", "--cell", "50m"])
    #expect(text.status == 0 && text.output.contains("bandwidth") && text.output.contains("ArcGIS rule"))
  }

  @Test("a study area masks cells outside it; edge correction needs one; too many cells are refused")
  func studyArea() throws {
    let folder = try TemporaryFolder()
    let points = try folder.file("incidents.csv", Self.incidents)
    let areas = try folder.file("squares.geojson", CountCommandTests.squares)
    let masked = runHotspotRaw([
      "density", "--incidents", points, "--areas", areas, "--bandwidth", "300m", "--cell", "100m", "--format", "asc",
    ])
    #expect(masked.status == 0, "\(masked.error)")
    #expect(masked.output.contains("-9999"))
    let corrected = runHotspotRaw([
      "density", "--incidents", points, "--areas", areas, "--bandwidth", "300m", "--cell", "100m", "--edge-correct",
    ])
    #expect(corrected.status == 0 && corrected.output.contains("edge-corrected"))
    #expect(runHotspotRaw(["density", "--incidents", points, "--edge-correct"]).status == 64)
    let huge = runHotspotRaw(["density", "--incidents", points, "--cell", "0.1m", "--bandwidth", "5km"])
    #expect(huge.status == 64 && huge.error.contains("more than the limit of 50000000; use --cell"))
    let small = runHotspotRaw(["density", "--incidents", points, "--cell", "100m", "--bandwidth", "50m"])
    #expect(small.status == 0 && small.error.contains("warning: the bandwidth (50 m) is smaller than a cell (100 m)"))
  }
}
