import GeoCore
import Testing

@testable import GeoIO

@Suite("GeoJSON reader")
struct GeoJSONReaderTests {
  @Test("a polygon with a hole keeps its exterior and hole in file order")
  func polygonWithHole() throws {
    let layer = try GeoJSONFixture.read("polygon-with-hole.geojson")
    #expect(layer.collection.features.count == 1)
    guard case .polygon(let polygon)? = layer.collection.features.first?.geometry else {
      Issue.record("not a polygon")
      return
    }
    #expect(polygon.exterior.points.first == Point(x: 0, y: 0))
    #expect(polygon.exterior.points[1] == Point(x: 0, y: 10))
    #expect(polygon.holes.count == 1)
    #expect(polygon.holes.first?.points.count == 5)
    #expect(polygon.area == 64)
    #expect(layer.problems.isEmpty)
  }

  @Test("a multipolygon keeps its parts, and a part its hole")
  func multiPolygon() throws {
    let layer = try GeoJSONFixture.read("multipolygon.geojson")
    guard case .multiPolygon(let multi)? = layer.collection.features.first?.geometry else {
      Issue.record("not a multipolygon")
      return
    }
    #expect(multi.polygons.count == 2)
    #expect(multi.polygons.map(\.holes.count) == [0, 1])
    #expect(multi.area == 16 + 16 - 4)
    #expect(multi.vertexCount == 15)
    #expect(layer.geometryTypeCounts.map(\.type) == ["MultiPolygon"])
  }

  @Test("properties keep their order and their types, and the id its text")
  func typedProperties() throws {
    let layer = try GeoJSONFixture.read("properties-typed.geojson")
    let features = layer.collection.features
    #expect(features.count == 2)
    let properties = features[0].properties
    #expect(
      properties.names == [
        "name", "quote", "path", "tab", "emoji", "welsh", "population", "density", "tiny", "huge",
        "flag", "off", "missing", "codes", "nested",
      ])
    #expect(properties["name"] == .string("Crook & Willington"))
    #expect(properties["quote"] == .string("say \"hi\""))
    #expect(properties["path"] == .string("C:\\ward"))
    #expect(properties["tab"] == .string("a\tb"))
    #expect(properties["emoji"] == .string("😀"))
    #expect(properties["welsh"] == .string("Ynys Môn <Central>"))
    #expect(properties["population"] == .number(12345))
    #expect(properties["density"] == .number(-0.5))
    #expect(properties["tiny"] == .number(1e-7))
    #expect(properties["huge"] == .number(.infinity))
    #expect(properties["flag"] == .bool(true))
    #expect(properties["off"] == .bool(false))
    #expect(properties["missing"] == .null)
    #expect(
      properties["codes"]
        == .array([
          .number(1), .string("two"), .array([.number(3)]),
          .object(Properties([("four", .number(4))])),
        ]))
    #expect(properties["nested"] == .object(Properties([("b", .number(2)), ("a", .number(1))])))
    #expect(features[0].id == "E05009030")
    #expect(features[1].id == "42")
    #expect(features[1].properties.isEmpty)
    #expect(features[1].geometry == .point(Point(x: 1, y: 2)))
  }

  @Test("members may come in any order: type after coordinates, features before type")
  func anyOrder() throws {
    let layer = try GeoJSONFixture.read("members-any-order.geojson")
    let features = layer.collection.features
    #expect(features.count == 2)
    #expect(features[0].geometry?.typeName == "Polygon")
    #expect(features[0].properties["n"] == .number(1))
    #expect(features[1].geometry == .point(Point(x: 5, y: 6)))
    #expect(layer.problems.isEmpty)
    #expect(layer.geometryTypeCounts.map(\.type) == ["Polygon", "Point"])
  }

  @Test(
    "unsupported and null geometries keep their feature, without geometry, and are reported; lines are read"
  )
  func unsupportedGeometries() throws {
    let layer = try GeoJSONFixture.read("unsupported-linestring.geojson")
    let features = layer.collection.features
    #expect(features.count == 6)
    #expect(features.map { $0.geometry == nil } == [false, false, true, true, true, false])
    #expect(features[0].geometry?.typeName == "LineString")
    #expect(
      features.map { $0.properties["name"]?.text } == [
        "a road", "a ward", "a collection", "no geometry", "empty", "another road",
      ])
    #expect(
      layer.problems.compactMap(ErrorPlace.init) == [
        ErrorPlace(
          line: 4, feature: 2, field: "features[2].geometry",
          reason: .unsupportedGeometry("GeometryCollection")),
        ErrorPlace(line: 5, feature: 3, field: "features[3].geometry", reason: .nullGeometry),
        ErrorPlace(line: 6, feature: 4, field: "features[4].geometry", reason: .nullGeometry),
      ])
    #expect(
      layer.geometryTypeCounts.map(\.type) == ["LineString", "Polygon", "GeometryCollection"])
    #expect(layer.geometryTypeCounts.map(\.count) == [2, 2, 1])
  }

  @Test("an unclosed ring is closed for the user and reported")
  func ringClosed() throws {
    let layer = try GeoJSONFixture.read("ring-not-closed.geojson")
    guard case .polygon(let polygon)? = layer.collection.features.first?.geometry else {
      Issue.record("not a polygon")
      return
    }
    #expect(polygon.exterior.points.count == 5)
    #expect(polygon.exterior.points.last == Point(x: 0, y: 0))
    #expect(
      layer.problems.compactMap(ErrorPlace.init) == [
        ErrorPlace(
          line: 2, feature: 0, field: "features[0].geometry.coordinates[0]", reason: .ringClosed)
      ])
  }

  @Test("a third and fourth coordinate (z, m) are read and dropped")
  func extraDimensions() throws {
    let layer = try GeoJSONFixture.read("coordinates-3d.geojson")
    guard case .polygon(let polygon)? = layer.collection.features.first?.geometry else {
      Issue.record("not a polygon")
      return
    }
    #expect(
      polygon.exterior.points == [
        Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 1, y: 1), Point(x: 0, y: 0),
      ])
  }

  @Test("a byte-order mark at the start is skipped")
  func byteOrderMark() throws {
    let layer = try GeoJSONFixture.read("byte-order-mark.geojson")
    #expect(
      layer.collection.features.first?.geometry
        == .multiPoint([Point(x: 1, y: 2), Point(x: 3, y: 4)]))
  }

  @Test("a single Feature reads as a collection of one")
  func singleFeature() throws {
    let layer = try GeoJSONFixture.read("single-feature.geojson")
    #expect(layer.collection.features.count == 1)
    #expect(layer.collection.features.first?.id == "7")
    #expect(layer.collection.features.first?.properties["name"] == .string("one"))
    #expect(layer.collection.features.first?.geometry?.typeName == "Polygon")
  }

  @Test("a bare geometry reads as one feature without properties, with its crs member")
  func bareGeometry() throws {
    let layer = try GeoJSONFixture.read("bare-geometry.geojson")
    #expect(layer.collection.features.count == 1)
    #expect(layer.collection.features.first?.properties.isEmpty == true)
    #expect(layer.collection.features.first?.geometry?.vertexCount == 4)
    #expect(layer.declaredCRSText == "EPSG:27700")
    #expect(layer.collection.crs == .britishNationalGrid)
  }

  @Test("an empty collection reads, as WGS84 by default")
  func emptyCollection() throws {
    let layer = try GeoJSONReader.read(
      bytes: Array(#"{"type":"FeatureCollection","features":[]}"#.utf8), name: "empty.geojson")
    #expect(layer.collection.features.isEmpty)
    #expect(layer.crsDecision == CRSDecision(crs: .wgs84, rule: .geoJSONDefault))
    #expect(layer.byteCount == 42)
  }

  @Test("the legacy crs member decides the CRS in each of its spellings")
  func crsMember() throws {
    let cases: [(String, String, CRS)] = [
      ("crs-epsg-27700.geojson", "EPSG:27700", .britishNationalGrid),
      ("crs-urn-27700.geojson", "urn:ogc:def:crs:EPSG::27700", .britishNationalGrid),
      ("crs-crs84.geojson", "urn:ogc:def:crs:OGC:1.3:CRS84", .wgs84),
      ("crs-epsg-4326.geojson", "EPSG:4326", .wgs84),
      ("crs-after-features.geojson", "urn:ogc:def:crs:EPSG::27700", .britishNationalGrid),
    ]
    for (file, name, crs) in cases {
      let layer = try GeoJSONFixture.read(file)
      #expect(layer.declaredCRSText == name, "\(file)")
      #expect(layer.crsDecision == CRSDecision(crs: crs, rule: .crsMember(name)), "\(file)")
      #expect(layer.collection.crs == crs, "\(file)")
    }
  }

  @Test("the caller's CRS wins over the crs member")
  func declaredCRS() throws {
    let layer = try GeoJSONFixture.read("crs-epsg-27700.geojson", declaredCRS: .planar)
    #expect(layer.crsDecision == CRSDecision(crs: .planar, rule: .declaredByUser))
    #expect(layer.declaredCRSText == "EPSG:27700")
  }

  @Test("an unknown crs name is accepted when the caller declares the CRS")
  func unknownCRSDeclared() throws {
    let layer = try GeoJSONFixture.read("crs-unknown.geojson", declaredCRS: .britishNationalGrid)
    #expect(layer.declaredCRSText == "EPSG:3857")
    #expect(layer.collection.crs == .britishNationalGrid)
  }

  @Test("the older EPSG-code form of the crs member is read")
  func crsCode() throws {
    let text =
      #"{"type":"FeatureCollection","crs":{"type":"EPSG","properties":{"code":27700}},"features":[]}"#
    let layer = try GeoJSONReader.read(bytes: Array(text.utf8), name: "code.geojson")
    #expect(layer.declaredCRSText == "EPSG:27700")
    #expect(layer.collection.crs == .britishNationalGrid)
  }

  @Test("without a crs member, coordinates beyond lon/lat but within BNG are read as BNG")
  func crsFromRange() throws {
    let text = #"{"type":"Point","coordinates":[425000.5,540000.25]}"#
    let layer = try GeoJSONReader.read(bytes: Array(text.utf8), name: "point.geojson")
    #expect(layer.crsDecision == CRSDecision(crs: .britishNationalGrid, rule: .coordinateRangeBNG))
    #expect(layer.declaredCRSText == nil)
  }
}
