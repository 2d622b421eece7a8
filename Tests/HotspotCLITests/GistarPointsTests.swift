import Foundation
import TestSupport
import Testing

@testable import hotspot

@Suite("hotspot gistar on points")
struct GistarPointsTests {
  static let points = """
    easting,northing,count
    0,0,5
    100,0,7
    250,0,1
    0,300,2
    """

  @Test("--points with --value-column: the default band is the smallest giving every point a neighbour")
  func valueColumn() throws {
    let folder = try TemporaryFolder()
    let file = try folder.file("points.csv", Self.points)
    let output = folder.path("gi.csv")
    let result = runHotspotRaw([
      "gistar", "--points", file, "--value-column", "count", "--crs", "planar", "--output", output, "--quiet",
    ])
    #expect(result.status == 0, "\(result.error)")
    let csv = try String(contentsOfFile: output, encoding: .utf8)
    // (0, 300) is 300 m from its nearest point: the band is 300 m, and (0, 0) neighbours all.
    // (100, 0) by hand: x̄ = 3.75, S = √(79/4 − 3.75²) = √5.6875, z = (13 − 3·3.75) / S = 1.75 / √5.6875;
    // Python's math gives 0.7337993857053429 and p = erfc(z/√2) = 0.4630710150145881, the same doubles.
    #expect(
      csv == """
        x,y,value,z,p,class,neighbours\r
        0,0,5,0,1,0,3\r
        100,0,7,0.7337993857053429,0.4630710150145881,0,2\r
        250,0,1,0.7337993857053429,0.4630710150145881,0,2\r
        0,300,2,-0.18156825980064076,0.8559215597687727,0,1\r

        """)
    let provenance = try String(contentsOfFile: output + ".provenance.json", encoding: .utf8)
    #expect(provenance.contains("the smallest giving every point a neighbour"))
    #expect(provenance.contains("\"band_m\": 300"))
  }

  @Test("--points with --incidents counts each incident at its nearest point, ties to the first; GeoJSON points work")
  func nearestIncidents() throws {
    let folder = try TemporaryFolder()
    let file = try folder.file("points.csv", Self.points)
    let incidents = try folder.file("incidents.csv", "x,y\n1,1\n49,0\n50,0\n101,1\n240,0\n10,290\n")
    let result = runHotspotRaw([
      "gistar", "--points", file, "--incidents", incidents, "--crs", "planar", "--neighbours", "knn:1", "--format",
      "csv",
    ])
    #expect(result.status == 0, "\(result.error)")
    // (50, 0) is as near (0, 0) as (100, 0): it goes to (0, 0), first in the file.
    #expect(
      result.output.split(separator: "\r\n").map { $0.split(separator: ",").prefix(3).joined(separator: ",") } == [
        "x,y,value", "0,0,3", "100,0,1", "250,0,1", "0,300,1",
      ])
    let geojson = try folder.file(
      "points.geojson",
      """
      {"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"n": 5}, "geometry": {"type": "Point", "coordinates": [420000, 540000]}},
      {"type": "Feature", "properties": {"n": 7}, "geometry": {"type": "Point", "coordinates": [420100, 540000]}},
      {"type": "Feature", "properties": {"n": 1}, "geometry": {"type": "Point", "coordinates": [420250, 540000]}},
      {"type": "Feature", "properties": {"n": 2}, "geometry": {"type": "Point", "coordinates": [420000, 540300]}}]}
      """)
    let fromGeoJSON = runHotspotRaw([
      "gistar", "--points", geojson, "--value-column", "n", "--crs", "EPSG:27700", "--format", "csv",
    ])
    #expect(fromGeoJSON.status == 0, "\(fromGeoJSON.error)")
    #expect(fromGeoJSON.output.contains("420100,540000,7,0.7337993857053429,"))
  }

  @Test("usage: points need one value source and no contiguity")
  func usage() {
    #expect(runHotspotRaw(["gistar", "--points", "p.csv"]).status == 64)
    #expect(runHotspotRaw(["gistar", "--points", "p.csv", "--value-column", "n", "--incidents", "i.csv"]).status == 64)
    #expect(
      runHotspotRaw(["gistar", "--points", "p.csv", "--value-column", "n", "--neighbours", "queen"]).status == 64)
    #expect(runHotspotRaw(["gistar", "--points", "p.csv", "--value-column", "n", "--cell", "100m"]).status == 64)
    #expect(runHotspotRaw(["gistar", "--areas", "a.geojson", "--value-column", "n"]).status == 64)
    #expect(runHotspotRaw(["gistar", "--points", "p.csv", "--value-column", "n", "--extent", "0,0,1,1"]).status == 64)
  }
}
