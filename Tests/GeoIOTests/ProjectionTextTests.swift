import GeoCore
import Testing

@testable import GeoIO

@Suite("Shapefile .prj recognition")
struct ProjectionTextTests {
  static let esriGrid =
    #"PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",400000.0],PARAMETER["False_Northing",-100000.0],PARAMETER["Central_Meridian",-2.0],PARAMETER["Scale_Factor",0.9996012717],PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]]"#

  /// The ESRI grid's text under another name, with one parameter replaced.
  static func renamed(_ name: String, replacing old: String = "", with new: String = "") -> String {
    esriGrid.replacingOccurrences(of: "British_National_Grid", with: name)
      .replacingOccurrences(of: old.isEmpty ? "\u{0}" : old, with: new)
  }

  @Test(
    "British National Grid by name, in ESRI's and OGC's spellings",
    arguments: [
      "British_National_Grid", "OSGB 1936 / British National Grid",
      "OSGB_1936_British_National_Grid",
    ])
  func gridByName(name: String) {
    let text = ProjectionText(
      #"PROJCS["\#(name)",GEOGCS["x",DATUM["y",SPHEROID["z",1,1]]],UNIT["metre",1]]"#)
    #expect(text.crs == .britishNationalGrid)
    #expect(text.name == name)
    #expect(text.keyword == "PROJCS")
  }

  @Test("British National Grid by its Transverse Mercator parameters on OSGB 1936, under any name")
  func gridByParameters() {
    #expect(ProjectionText(Self.renamed("Ordnance_Survey_Grid")).crs == .britishNationalGrid)
    #expect(
      ProjectionText(Self.renamed("Grid").replacingOccurrences(of: "OSGB_1936", with: "Unnamed"))
        .crs == .britishNationalGrid)
  }

  @Test(
    "a Transverse Mercator that differs from the grid in one parameter, its unit or its datum is not the grid"
  )
  func notQuiteTheGrid() {
    #expect(ProjectionText(Self.renamed("TM", replacing: "400000.0", with: "500000.0")).crs == nil)
    #expect(
      ProjectionText(Self.renamed("TM", replacing: "0.9996012717", with: "0.9996")).crs == nil)
    #expect(
      ProjectionText(
        Self.renamed(
          "TM", replacing: #"UNIT["Meter",1.0]"#, with: #"UNIT["Foot_US",0.3048006096012192]"#)
      ).crs == nil)
    let otherDatum = Self.renamed("TM").replacingOccurrences(of: "OSGB_1936", with: "WGS_1984")
      .replacingOccurrences(of: "Airy_1830", with: "WGS_1984")
    #expect(ProjectionText(otherDatum).crs == nil)
  }

  @Test("British National Grid and WGS84 by their EPSG authority codes")
  func authorityCodes() {
    #expect(
      ProjectionText(#"PROJCS["Grid",AUTHORITY["EPSG","27700"]]"#).crs == .britishNationalGrid)
    #expect(ProjectionText(#"GEOGCS["Lon/lat",AUTHORITY["EPSG","4326"]]"#).crs == .wgs84)
    #expect(ProjectionText(#"PROJCRS["Grid",ID["EPSG",27700]]"#).crs == .britishNationalGrid)
  }

  @Test("WGS84 geographic by name", arguments: ["GCS_WGS_1984", "WGS 84", "WGS84"])
  func wgs84(name: String) {
    let text = ProjectionText(
      #"GEOGCS["\#(name)",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]"#
    )
    #expect(text.crs == .wgs84)
    #expect(text.keyword == "GEOGCS")
  }

  @Test("Web Mercator, the Irish Grid and text that is not WKT are not recognised")
  func unrecognised() {
    #expect(
      ProjectionText(
        #"PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984"],PROJECTION["Mercator_Auxiliary_Sphere"]]"#
      ).crs == nil)
    #expect(
      ProjectionText(
        #"PROJCS["TM65 / Irish Grid",GEOGCS["TM65"],PROJECTION["Transverse_Mercator"]]"#
      ).name == "TM65 / Irish Grid")
    let junk = ProjectionText("EPSG:27700")
    #expect(junk.name == nil && junk.crs == nil)
    #expect(ProjectionText(#"PROJCS["unterminated"#).name == nil)
    #expect(ProjectionText(String(repeating: "A[", count: 100_000)).name == nil)
  }

  @Test("WKT with round brackets, spaces and escaped quotes is read")
  func syntax() {
    let text = ProjectionText(
      #" PROJCS ( "A ""quoted"" name" , GEOGCS ( "x" ) , AUTHORITY ( "EPSG" , "27700" ) ) "#)
    #expect(text.name == #"A "quoted" name"#)
    #expect(text.crs == .britishNationalGrid)
  }
}
