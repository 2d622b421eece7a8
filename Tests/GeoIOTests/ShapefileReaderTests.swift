import Foundation
import GeoCore
import TestSupport
import Testing

@testable import GeoIO

@Suite("Shapefile reader")
struct ShapefileReaderTests {
  // MARK: - Fixtures written by make_fixtures.py

  @Test(
    "Latin-1 names from the .cpg, typed dBASE values, a deleted record skipped, Z and M dropped")
  func welshNames() throws {
    let layer = try ShapefileReader.read(file: ShapefileFixture.path("welsh-names-latin1.shp"))
    let features = layer.collection.features
    #expect(
      features.map { $0.properties["NAME"] } == [
        .string("Ynys Môn"), .string("Conwy"), .string("Gwynedd"),
      ])
    #expect(
      layer.crsDecision
        == CRSDecision(
          crs: .britishNationalGrid, rule: .projectionFile("OSGB 1936 / British National Grid")))
    #expect(layer.declaredCRSText == "OSGB 1936 / British National Grid")
    guard case .shapefile(let summary) = layer.format else {
      Issue.record("not read as a Shapefile")
      return
    }
    #expect(summary.shapeType == .polygonZ)
    #expect(summary.recordCount == 4)
    #expect(summary.deletedRecordCount == 1)
    #expect(summary.codePage == CodePageDecision(codePage: .latin1, rule: .cpgFile("ISO-8859-1")))
    #expect(summary.companions == ["shx", "dbf", "prj", "cpg"].map { "welsh-names-latin1.\($0)" })
    #expect(summary.fields.map(\.name) == ["NAME", "POP", "DENSITY", "URBAN", "UPDATED", "NOTES"])
    #expect(summary.fields.map(\.type) == ["C", "N", "F", "L", "D", "M"])

    let ynysMon = features[0].properties
    #expect(ynysMon["POP"] == .number(69961))
    #expect(ynysMon["DENSITY"] == .number(97.24))
    #expect(ynysMon["URBAN"] == .bool(false))
    #expect(ynysMon["UPDATED"] == .string("2013-04-01"))
    #expect(ynysMon["NOTES"] == .string("1"))
    let conwy = features[1].properties
    #expect(conwy["DENSITY"] == .number(100))
    #expect(conwy["URBAN"] == .bool(true))
    #expect(conwy["UPDATED"] == .string("1999-12-31"))
    let gwynedd = features[2].properties
    #expect(
      ["POP", "DENSITY", "URBAN", "UPDATED", "NOTES"].map { gwynedd[$0] }
        == Array(repeating: .null, count: 5))

    guard case .multiPolygon(let islands)? = features[0].geometry,
      case .polygon(let withHole)? = features[1].geometry
    else {
      Issue.record("expected a MultiPolygon and a Polygon")
      return
    }
    #expect(islands.polygons.count == 2)
    #expect(islands.area == 100e6 + 4e6)
    #expect(withHole.holes.count == 1)
    #expect(withHole.area == 100e6 - 4e6)
    #expect(layer.geometryTypeCounts.map(\.type) == ["MultiPolygon", "Polygon"])
    let dbf = ShapefileFixture.path("welsh-names-latin1.dbf")
    #expect(
      layer.problems == [
        InputError(file: dbf, field: "field NOTES", reason: .unreadFieldType("M")),
        InputError(file: dbf, field: "record 3", reason: .deletedRecord),
      ])
  }

  static let durhamGeoJSON = TestData.realData(
    "county-durham-boundaries/wards2013_E06000047_county_durham.geojson")

  @Test(
    "the Durham divisions from a Shapefile equal those from the GeoJSON they were written from",
    .enabled(if: durhamGeoJSON != nil, "shared/realdata/county-durham-boundaries is absent"))
  func durhamMatchesGeoJSON() throws {
    let geoJSON = try GeoJSONReader.read(file: try #require(Self.durhamGeoJSON).path)
    let layer = try BoundaryReader.read(file: ShapefileFixture.path("durham-divisions-wgs84.shp"))
    #expect(layer.format.name == "Shapefile")
    #expect(layer.crsDecision == CRSDecision(crs: .wgs84, rule: .projectionFile("GCS_WGS_1984")))
    #expect(layer.problems.isEmpty)
    guard case .shapefile(let summary) = layer.format else { return }
    #expect(summary.codePage == CodePageDecision(codePage: .utf8, rule: .cpgFile("UTF-8")))
    let expected = geoJSON.collection.features
    let features = layer.collection.features
    try #require(features.count == 63 && expected.count == 63)
    for (index, (feature, original)) in zip(features, expected).enumerated() {
      for field in ["WD13CD", "WD13CDO", "WD13NM", "WD13NMW"] {
        #expect(feature.properties[field] == original.properties[field], "\(index) \(field)")
      }
      #expect(feature.properties["SEQ"] == .number(Double(index + 1)))
      guard case .polygon(let polygon)? = feature.geometry,
        case .polygon(let source)? = original.geometry
      else {
        Issue.record("feature \(index) is not a polygon")
        continue
      }
      // The script wrote outer rings clockwise, so a ring is the source's or its reverse.
      let points = polygon.exterior.points
      #expect(
        points == source.exterior.points || points == source.exterior.points.reversed(), "\(index)")
      #expect(polygon.exterior.signedArea < 0, "\(index)")
      #expect(polygon.holes.count == source.holes.count)
    }
  }

  @Test("the British National Grid fixture lies within 1 cm of the WGS84 one projected by GeoCore")
  func durhamBritishNationalGrid() throws {
    let grid = try ShapefileReader.read(file: ShapefileFixture.path("durham-divisions-bng.shp"))
    let lonLat = try ShapefileReader.read(file: ShapefileFixture.path("durham-divisions-wgs84.shp"))
    #expect(
      grid.crsDecision
        == CRSDecision(crs: .britishNationalGrid, rule: .projectionFile("British_National_Grid")))
    guard case .shapefile(let summary) = grid.format else { return }
    #expect(
      summary.codePage == CodePageDecision(codePage: .windows1252, rule: .languageDriver(0x57)))
    #expect(
      grid.problems.map(\.reason) == [
        .companionMissing(
          file: "durham-divisions-bng.cpg",
          fallback:
            "the .dbf text is read as Windows-1252 — the .dbf's language driver id 0x57 (Windows ANSI)"
        )
      ])
    let transform = try #require(CoordinateTransform(from: .wgs84, to: .britishNationalGrid))
    var largest = 0.0
    for (a, b) in zip(grid.collection.features, lonLat.collection.features) {
      let projected = try #require(b.geometry).mapPoints(transform.apply)
      for (p, q) in zip(
        try #require(a.geometry).polygons[0].exterior.points, projected.polygons[0].exterior.points)
      {
        largest = max(largest, hypot(p.x - q.x, p.y - q.y))
      }
      #expect(a.properties == b.properties)
    }
    #expect(largest < 0.01, "largest difference \(largest) m")
  }

  // MARK: - Real data

  static let naturalEarth = TestData.realData("naturalearth-lowres/naturalearth_lowres.shp")

  @Test(
    "Natural Earth: 177 countries, five fields, WGS84 from the .prj, capitals in their countries",
    .enabled(if: naturalEarth != nil, "shared/realdata/naturalearth-lowres is absent"))
  func naturalEarthCountries() throws {
    let layer = try BoundaryReader.read(file: try #require(Self.naturalEarth).path)
    let features = layer.collection.features
    #expect(features.count == 177)
    #expect(
      features[0].properties.names == ["pop_est", "continent", "name", "iso_a3", "gdp_md_est"])
    #expect(layer.crsDecision == CRSDecision(crs: .wgs84, rule: .projectionFile("GCS_WGS_1984")))
    #expect(layer.problems.isEmpty)
    guard case .shapefile(let summary) = layer.format else { return }
    #expect(summary.codePage.codePage == .latin1)
    #expect(features[0].properties["pop_est"] == .number(920938))
    #expect(features[0].properties["gdp_md_est"] == .number(8374))
    #expect(features.contains { $0.properties["name"] == .string("Côte d'Ivoire") })

    let capitals: [(String, Double, Double, String, String)] = [
      ("London", -0.1276, 51.5072, "United Kingdom", "GBR"),
      ("Paris", 2.3522, 48.8566, "France", "-99"),
      ("Nairobi", 36.8219, -1.2921, "Kenya", "KEN"),
      ("Canberra", 149.1300, -35.2809, "Australia", "AUS"),
      ("Brasília", -47.8825, -15.7942, "Brazil", "BRA"),
      ("Tokyo", 139.6917, 35.6895, "Japan", "JPN"),
    ]
    for (city, lon, lat, country, iso) in capitals {
      let point = Point(x: lon, y: lat)
      let containing = features.filter { $0.geometry?.location(of: point) == .inside }
      #expect(containing.count == 1, "\(city)")
      #expect(containing.first?.properties["name"] == .string(country), "\(city)")
      #expect(containing.first?.properties["iso_a3"] == .string(iso), "\(city)")
    }
  }

  // MARK: - Rings

  @Test("a clockwise ring with a counter-clockwise ring inside is a polygon with a hole")
  func hole() throws {
    let outer = ShapefileBuilder.square(0, 0, 10)
    let hole = Array(ShapefileBuilder.square(2, 2, 2).reversed())
    let layer = try ShapefileBuilder(shapes: [.polygon([outer, hole])]).read()
    guard case .polygon(let polygon)? = layer.collection.features[0].geometry else {
      Issue.record("not a polygon")
      return
    }
    #expect(polygon.holes.count == 1)
    #expect(polygon.area == 96)
    #expect(layer.problems.isEmpty)
  }

  @Test("each hole goes to the smallest outer ring that contains it: island in a lake in an island")
  func smallestOuterRing() throws {
    let land = ShapefileBuilder.square(0, 0, 100)
    let lake = Array(ShapefileBuilder.square(10, 10, 80).reversed())
    let island = ShapefileBuilder.square(20, 20, 60)
    let pond = Array(ShapefileBuilder.square(40, 40, 20).reversed())
    // Holes first, outers after, to show that file order does not decide.
    let layer = try ShapefileBuilder(shapes: [.polygon([pond, lake, land, island])]).read(
      declaredCRS: .planar)
    guard case .multiPolygon(let multi)? = layer.collection.features[0].geometry else {
      Issue.record("not a multipolygon")
      return
    }
    #expect(multi.polygons.count == 2)
    #expect(multi.polygons[0].exterior.area == 10_000)
    #expect(multi.polygons[0].holes.map(\.area) == [6_400])
    #expect(multi.polygons[1].exterior.area == 3_600)
    #expect(multi.polygons[1].holes.map(\.area) == [400])
    #expect(multi.area == 10_000 - 6_400 + 3_600 - 400)
  }

  @Test("a hole that touches its outer ring at a vertex is placed by a vertex off the ring")
  func holeTouchingOuter() throws {
    let outer = ShapefileBuilder.square(0, 0, 10)
    let hole: [(Double, Double)] = [(0, 0), (4, 2), (4, 4), (2, 4), (0, 0)]
    let layer = try ShapefileBuilder(shapes: [.polygon([outer, hole])]).read()
    guard case .polygon(let polygon)? = layer.collection.features[0].geometry else {
      Issue.record("not a polygon")
      return
    }
    #expect(polygon.holes.count == 1)
  }

  @Test("a counter-clockwise ring outside every outer ring becomes an outer ring, reported")
  func orphanHole() throws {
    let outer = ShapefileBuilder.square(0, 0, 10)
    let stray = Array(ShapefileBuilder.square(20, 0, 5).reversed())
    let layer = try ShapefileBuilder(shapes: [.polygon([outer, stray])]).read()
    guard case .multiPolygon(let multi)? = layer.collection.features[0].geometry else {
      Issue.record("not a multipolygon")
      return
    }
    #expect(multi.polygons.map(\.area) == [100, 25])
    #expect(
      layer.problems == [
        InputError(file: "test.shp", field: "record 1, part 2", reason: .holeOutsideOuterRings)
      ])
  }

  @Test("a hole inside an outer ring's box but outside the ring itself is not given to it")
  func holeInBoxOnly() throws {
    // An L-shaped outer ring, and a "hole" in the notch of the L.
    let ell: [(Double, Double)] = [(0, 0), (0, 10), (4, 10), (4, 4), (10, 4), (10, 0), (0, 0)]
    let notch = Array(ShapefileBuilder.square(6, 6, 2).reversed())
    let layer = try ShapefileBuilder(shapes: [.polygon([ell, notch])]).read()
    #expect(layer.collection.features[0].geometry?.polygons.count == 2)
    #expect(layer.problems.map(\.reason) == [.holeOutsideOuterRings])
  }

  @Test("an unclosed ring is closed and reported, as the GeoJSON reader does")
  func unclosedRing() throws {
    let open = Array(ShapefileBuilder.square(0, 0, 10).dropLast())
    let layer = try ShapefileBuilder(shapes: [.polygon([open])]).read()
    #expect(layer.collection.features[0].geometry?.vertexCount == 5)
    #expect(
      layer.problems == [
        InputError(file: "test.shp", field: "record 1, part 1", reason: .ringClosed)
      ])
  }

  @Test("PolygonM records read like Polygon records, M dropped")
  func polygonM() throws {
    let layer = try ShapefileBuilder(
      shapeType: 25, shapes: [.polygon([ShapefileBuilder.square(0, 0, 10)])]
    ).read()
    #expect(layer.collection.features[0].geometry?.area == 100)
    guard case .shapefile(let summary) = layer.format else { return }
    #expect(summary.shapeType == .polygonM)
  }

  // MARK: - Points, nulls and other shapes

  @Test(
    "Point, PointZ and PointM records are points; a Null record keeps its feature without geometry",
    arguments: [1, 11, 21] as [Int32])
  func points(type: Int32) throws {
    let layer = try ShapefileBuilder(
      shapeType: type, shapes: [.point(-1.5, 54.7), .null, .point(-1.6, 54.8)]
    ).read()
    #expect(
      layer.collection.features.map(\.geometry) == [
        .point(Point(x: -1.5, y: 54.7)), nil, .point(Point(x: -1.6, y: 54.8)),
      ])
    #expect(
      layer.collection.features.map { $0.properties["NAME"] }
        == ["area 1", "area 2", "area 3"].map(PropertyValue.string))
    #expect(
      layer.problems == [InputError(file: "test.shp", field: "record 2", reason: .nullGeometry)])
    #expect(layer.geometryTypeCounts.map(\.type) == ["Point"])
    #expect(layer.geometryTypeCounts.map(\.count) == [2])
  }

  @Test(
    "MultiPoint, MultiPointZ and MultiPointM records are multipoints; an empty one has no geometry",
    arguments: [8, 18, 28] as [Int32])
  func multiPoints(type: Int32) throws {
    let layer = try ShapefileBuilder(
      shapeType: type, shapes: [.multiPoint([(1, 2), (3, 4)]), .multiPoint([])]
    ).read()
    #expect(
      layer.collection.features.map(\.geometry) == [
        .multiPoint([Point(x: 1, y: 2), Point(x: 3, y: 4)]), nil,
      ])
    #expect(layer.problems.map(\.reason) == [.nullGeometry])
  }

  @Test("a PolyLine record written by hand reads as a LineString")
  func polyLine() throws {
    var content: [UInt8] = []
    content.appendInt32LE(3)
    for _ in 0..<4 { content.appendDoubleLE(0) }
    content.appendInt32LE(1)
    content.appendInt32LE(2)
    content.appendInt32LE(0)
    for value in [0.0, 0, 1, 1] { content.appendDoubleLE(value) }
    let layer = try ShapefileBuilder(shapeType: 3, shapes: [.raw(content)]).read()
    #expect(layer.collection.features.count == 1)
    #expect(
      layer.collection.features[0].geometry
        == .lineString(try LineString([Point(x: 0, y: 0), Point(x: 1, y: 1)])))
    #expect(layer.problems.isEmpty)
    #expect(layer.geometryTypeCounts.map(\.type) == ["LineString"])
  }

  // MARK: - CRS
}
