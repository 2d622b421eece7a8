import Foundation
import GeoIO
import TestSupport
import Testing

@testable import hotspot

/// The commands take a Shapefile wherever they take a GeoJSON boundary file.
@Suite("hotspot with Shapefiles")
struct ShapefileCommandTests {
  static let fixtures = TestData.packageRoot.appendingPathComponent(
    "Tests/GeoIOTests/Fixtures/shapefile")
  static let durhamGeoJSON = TestData.realData(
    "county-durham-boundaries/wards2013_E06000047_county_durham.geojson")
  static let police = TestData.realData("durham-police-2022-01/2022-01-durham-street.excerpt.csv")

  @Test(
    "count gives the same counts per division from the Shapefiles (lon/lat and British National Grid) as from the GeoJSON",
    .enabled(if: durhamGeoJSON != nil && police != nil, "shared/realdata Durham files are absent"),
    arguments: ["durham-divisions-wgs84.shp", "durham-divisions-bng.shp"])
  func countMatchesGeoJSON(shapefile: String) throws {
    let geoJSON = try #require(Self.durhamGeoJSON).path
    let police = try #require(Self.police).path
    let shp = Self.fixtures.appendingPathComponent(shapefile).path
    let fromGeoJSON = try countJSON(["--areas", geoJSON, "--incidents", police])
    let fromShapefile = try countJSON(["--areas", shp, "--incidents", police])
    #expect(fromShapefile.areas.count == 63)
    #expect(counts(fromShapefile.areas) == counts(fromGeoJSON.areas))
    #expect(
      counts(fromShapefile.areas).filter { $0.value > 0 } == [
        "E05009084": 82, "E05009073": 21, "E05009042": 18, "E05009067": 12, "E05009037": 11,
        "E05009083": 8,
      ])
    #expect((fromShapefile.summary["outside"] as? NSNumber)?.intValue == 4)
  }

  @Test("inspect describes a Shapefile like a GeoJSON file, with its companions and code page")
  func inspect() {
    let path = Self.fixtures.appendingPathComponent("welsh-names-latin1.shp").path
    let result = runHotspot(["inspect", path])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("kind boundary file (Shapefile)"))
    #expect(result.output.contains("shape type PolygonZ"))
    #expect(result.output.contains("records 4 (1 deleted, skipped)"))
    #expect(
      result.output.contains(
        "companions welsh-names-latin1.shx, welsh-names-latin1.dbf, welsh-names-latin1.prj, welsh-names-latin1.cpg"
      ))
    #expect(result.output.contains("code page ISO-8859-1 — the .cpg file says ISO-8859-1"))
    #expect(result.output.contains("features 3 (1 MultiPolygon, 2 Polygon)"))
    #expect(
      result.output.contains(
        "crs British National Grid (EPSG:27700) — the .prj file names OSGB 1936 / British National Grid"
      ))
    #expect(result.output.contains("NAME string 3 3 Ynys Môn"))
    #expect(
      result.output.contains(
        "record 3: the record is marked deleted in the .dbf; its shape is skipped"))

    let json = runHotspot(["inspect", "--format", "json", path])
    #expect(json.status == 0)
    #expect(json.output.contains("\"shape_type\": \"PolygonZ\""))
    #expect(json.output.contains("\"name\": \"ISO-8859-1\""))
  }

  @Test(
    "count's provenance checksums the .shp and every companion, and no output may overwrite one",
    .enabled(if: police != nil, "shared/realdata/durham-police-2022-01 is absent"))
  func provenanceListsCompanions() throws {
    let folder = try TemporaryFolder("shapefile-provenance")
    for ext in ["shp", "shx", "dbf", "prj", "cpg"] {
      try FileManager.default.copyItem(
        at: Self.fixtures.appendingPathComponent("durham-divisions-wgs84.\(ext)"),
        to: folder.url.appendingPathComponent("areas.\(ext)"))
    }
    let police = try #require(Self.police).path
    let output = folder.path("counts.csv")
    let result = runHotspotRaw([
      "count", "--areas", folder.path("areas.shp"), "--incidents", police, "--output", output,
      "--quiet",
    ])
    #expect(result.status == 0, "\(result.error)")
    let provenance = try String(contentsOfFile: output + ".provenance.json", encoding: .utf8)
    for ext in ["shp", "shx", "dbf", "prj", "cpg"] {
      #expect(provenance.contains("\"file\": \"\(folder.path("areas.\(ext)"))\""), "\(ext)")
    }
    let overwrite = runHotspotRaw([
      "count", "--areas", folder.path("areas.shp"), "--incidents", police, "--output",
      folder.path("areas.dbf"),
    ])
    #expect(overwrite.status != 0)
    #expect(
      FileManager.default.contents(atPath: folder.path("areas.dbf"))
        == FileManager.default.contents(
          atPath: Self.fixtures.appendingPathComponent("durham-divisions-wgs84.dbf").path))
  }

  @Test("a .shp is a boundary file; a missing .dbf exits 66 naming it")
  func boundaryFileAndMissingCompanion() throws {
    #expect(BoundaryReader.isBoundaryFile("wards.shp"))
    #expect(BoundaryReader.isBoundaryFile("WARDS.SHP"))
    let folder = try TemporaryFolder("shapefile-cli")
    let source = Self.fixtures.appendingPathComponent("welsh-names-latin1.shp")
    try FileManager.default.copyItem(at: source, to: folder.url.appendingPathComponent("areas.shp"))
    try FileManager.default.copyItem(
      at: source.deletingPathExtension().appendingPathExtension("shx"),
      to: folder.url.appendingPathComponent("areas.shx"))
    let result = runHotspotRaw(["inspect", folder.path("areas.shp")])
    #expect(result.status == 66)
    #expect(
      result.error.contains(
        "areas.shp: there is no areas.dbf; a Shapefile needs its .shp, .shx and .dbf side by side"))
  }
}
