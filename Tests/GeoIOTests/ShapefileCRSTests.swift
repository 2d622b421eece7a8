import Foundation
import GeoCore
import TestSupport
import Testing

@testable import GeoIO

@Suite("Shapefile reader: CRS, ranges, code pages and companions")
struct ShapefileCRSTests {
  @Test("without a .prj the range decides, and the reader says so")
  func noProjectionFile() throws {
    let lonLat = try ShapefileBuilder(shapeType: 1, shapes: [.point(-1.5, 54.7)]).read(prj: nil)
    #expect(lonLat.crsDecision == CRSDecision(crs: .wgs84, rule: .coordinateRangeWGS84))
    #expect(
      lonLat.problems == [
        InputError(
          file: "test.shp",
          reason: .companionMissing(
            file: "test.prj",
            fallback: "the CRS is decided from the coordinates' range (use --crs to declare it)"))
      ])
    let grid = try ShapefileBuilder(shapeType: 1, shapes: [.point(427_000, 542_000)]).read(prj: nil)
    #expect(grid.crsDecision == CRSDecision(crs: .britishNationalGrid, rule: .coordinateRangeBNG))
    let declared = try ShapefileBuilder(shapeType: 1, shapes: [.point(427_000, 542_000)]).read(
      prj: nil, declaredCRS: .planar)
    #expect(declared.crsDecision == CRSDecision(crs: .planar, rule: .declaredByUser))
    #expect(declared.problems.isEmpty)
  }

  @Test(
    "a .prj naming another CRS is reported as unknown and the range decides, unless --crs is given")
  func unknownProjection() throws {
    let mercator =
      #"PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],UNIT["Meter",1.0]]"#
    let builder = ShapefileBuilder(shapeType: 1, shapes: [.point(427_000, 542_000)])
    let layer = try builder.read(prj: mercator)
    #expect(layer.crsDecision == CRSDecision(crs: .britishNationalGrid, rule: .coordinateRangeBNG))
    #expect(layer.declaredCRSText == "WGS_1984_Web_Mercator_Auxiliary_Sphere")
    #expect(
      layer.problems == [
        InputError(
          file: "test.prj", field: "PROJCS",
          reason: .unknownCRS("WGS_1984_Web_Mercator_Auxiliary_Sphere"))
      ])
    let declared = try builder.read(prj: mercator, declaredCRS: .britishNationalGrid)
    #expect(declared.crsDecision == CRSDecision(crs: .britishNationalGrid, rule: .declaredByUser))
    #expect(declared.problems.isEmpty)
  }

  @Test("a longitude past 180° by rounding noise alone still fits WGS84 (as in Natural Earth)")
  func roundingNoise() throws {
    let layer = try ShapefileBuilder(shapeType: 1, shapes: [.point(180.00000000000006, -16.1)]).read()
    #expect(layer.crsDecision.crs == .wgs84)
  }

  @Test("a WGS84 .prj over coordinates beyond ±180°/±90° is an error naming the record")
  func wgs84OutOfRange() {
    let builder = ShapefileBuilder(
      shapeType: 1, shapes: [.point(-1.5, 54.7), .point(427_000, 542_000)])
    #expect(
      builder.error()
        == InputError(
          file: "test.shp", field: "record 2",
          reason: .coordinateOutOfRange(
            value: 427_000, crs: "WGS84 lon/lat (EPSG:4326), as the .prj file names GCS_WGS_1984")))
  }

  // MARK: - dBASE values and code pages

  @Test(
    "dBASE values: logicals, blank and overflowing numbers, dates, trimmed text; bad values null and reported"
  )
  func dBaseValues() throws {
    var builder = ShapefileBuilder(shapeType: 1, shapes: Array(repeating: .point(0, 0), count: 4))
    builder.fields = [
      ("TEXT", "C", 8, 0), ("COUNT", "N", 6, 0), ("RATE", "F", 8, 3), ("FLAG", "L", 1, 0),
      ("DAY", "D", 8, 0),
    ]
    builder.rows = [
      ["  lead", "    42", "  -1.250", "Y", "20240229"],
      ["", "", "", "n", "00000000"],
      ["x", "******", "1e3", "?", ""],
      ["y", "4 2", "nan", "X", "20241301"],
    ].map { $0.map { Array($0.utf8) } }
    let layer = try builder.read()
    let rows = layer.collection.features.map { feature in
      ["TEXT", "COUNT", "RATE", "FLAG", "DAY"].map { feature.properties[$0] }
    }
    #expect(
      rows[0] == [
        .string("  lead"), .number(42), .number(-1.25), .bool(true), .string("2024-02-29"),
      ])
    #expect(rows[1] == [.null, .null, .null, .bool(false), .null])
    #expect(rows[2] == [.string("x"), .null, .number(1000), .null, .null])
    #expect(rows[3] == [.string("y"), .null, .null, .null, .null])
    #expect(
      layer.problems == [
        InputError(file: "test.dbf", field: "record 4, field COUNT", reason: .notANumber("4 2")),
        InputError(file: "test.dbf", field: "record 4, field RATE", reason: .notANumber("nan")),
        InputError(
          file: "test.dbf", field: "record 4, field FLAG",
          reason: .other("'X' is not a dBASE logical (T, F, Y, N or ?)")),
        InputError(
          file: "test.dbf", field: "record 4, field DAY",
          reason: .other("'20241301' is not a dBASE date (YYYYMMDD)")),
      ])
  }

  @Test(
    "without a .cpg, language driver 0x00: valid UTF-8 is read as UTF-8, anything else as Windows-1252"
  )
  func assumedCodePage() throws {
    var builder = ShapefileBuilder(shapeType: 1, shapes: [.point(0, 0)])
    builder.rows = [[Array("Côte d’Ivoire".utf8)]]
    let utf8 = try builder.read(cpg: nil)
    #expect(utf8.collection.features[0].properties["NAME"] == .string("Côte d’Ivoire"))
    guard case .shapefile(let summary) = utf8.format else { return }
    #expect(
      summary.codePage == CodePageDecision(codePage: .utf8, rule: .assumedUTF8(languageDriver: 0)))
    #expect(
      utf8.problems.map(\.reason) == [
        .companionMissing(
          file: "test.cpg",
          fallback:
            "the .dbf text is read as UTF-8 — assumed: no code page in a .cpg or the .dbf (language driver id 0x00) and the text is valid UTF-8"
        )
      ])

    builder.rows = [
      [[0x43, 0xF4, 0x74, 0x65, 0x20, 0x64, 0x92, 0x49, 0x76, 0x6F, 0x69, 0x72, 0x65]]
    ]
    let ansi = try builder.read(cpg: nil)
    #expect(ansi.collection.features[0].properties["NAME"] == .string("Côte d’Ivoire"))
    guard case .shapefile(let ansiSummary) = ansi.format else { return }
    #expect(
      ansiSummary.codePage
        == CodePageDecision(codePage: .windows1252, rule: .assumedWindows1252(languageDriver: 0)))

    builder.languageDriver = 0x57
    let declared = try builder.read(cpg: nil)
    guard case .shapefile(let declaredSummary) = declared.format else { return }
    #expect(
      declaredSummary.codePage
        == CodePageDecision(codePage: .windows1252, rule: .languageDriver(0x57)))
  }

  @Test("a .cpg that says UTF-8 over bytes that are not: replacement characters, reported")
  func invalidUTF8() throws {
    var builder = ShapefileBuilder(shapeType: 1, shapes: [.point(0, 0)])
    builder.rows = [[[0x59, 0x6E, 0x79, 0x73, 0x20, 0x4D, 0xF4, 0x6E]]]
    let layer = try builder.read(cpg: "UTF-8")
    #expect(layer.collection.features[0].properties["NAME"] == .string("Ynys M\u{FFFD}n"))
    #expect(
      layer.problems == [
        InputError(
          file: "test.dbf", field: "record 1, field NAME", reason: .invalidUTF8(byteOffset: 6))
      ])
  }

  @Test("a .cpg naming a code page Hotspot does not read is reported, and the .dbf decides")
  func unknownCodePage() throws {
    let layer = try ShapefileBuilder(shapeType: 1, shapes: [.point(0, 0)]).read(cpg: "ANSI 1251")
    #expect(
      layer.problems == [
        InputError(
          file: "test.cpg",
          reason: .other(
            "the code page 'ANSI 1251' is not one Hotspot reads; the .dbf text is read as UTF-8 — assumed: no code page in a .cpg or the .dbf (language driver id 0x00) and the text is valid UTF-8"
          ))
      ])
  }

  // MARK: - Files on disk

  @Test("companions are found with upper-case extensions; a missing .prj and .cpg are reported")
  func filesOnDisk() throws {
    let folder = try TemporaryFolder("shapefile")
    let builder = ShapefileBuilder(shapes: [.polygon([ShapefileBuilder.square(0, 0, 1)])])
    for (name, bytes) in [
      ("WARDS.SHP", builder.shp), ("WARDS.SHX", builder.shx), ("WARDS.DBF", builder.dbf),
    ] {
      try Data(bytes).write(to: folder.url.appendingPathComponent(name))
    }
    let path = folder.path("WARDS.SHP")
    let layer = try BoundaryReader.read(file: path)
    guard case .shapefile(let summary) = layer.format else {
      Issue.record("not read as a Shapefile")
      return
    }
    #expect(summary.companions == ["WARDS.SHX", "WARDS.DBF"])
    #expect(
      layer.problems.map(\.reason).map {
        if case .companionMissing(let file, _) = $0 { file } else { "" }
      } == ["WARDS.CPG", "WARDS.PRJ"])
  }

  @Test("BoundaryReader reads .shp as a Shapefile and anything else as GeoJSON")
  func dispatch() throws {
    #expect(BoundaryReader.isShapefile("a/b/Wards.SHP"))
    #expect(!BoundaryReader.isShapefile("wards.shp.geojson"))
    let geoJSON = try BoundaryReader.read(file: GeoJSONFixture.path("single-feature.geojson"))
    #expect(geoJSON.format == .geoJSON)
  }
}
