import GeoCore
import GeoIO
import TestSupport
import Testing

private func ring(_ coordinates: [(Double, Double)]) throws -> Ring {
  try Ring(closed: coordinates.map { Point(x: $0.0, y: $0.1) })
}

private func reread(_ text: String) throws -> BoundaryLayer {
  try GeoJSONReader.read(bytes: Array(text.utf8), name: "written.geojson")
}

/// True when the two geometries have the same structure and positions within `tolerance`.
private func isClose(_ a: Geometry?, _ b: Geometry?, tolerance: Double) -> Bool {
  guard let a, let b, a.typeName == b.typeName else { return a == nil && b == nil }
  let pointsA = a.points + a.polygons.flatMap { $0.rings.flatMap(\.points) }
  let pointsB = b.points + b.polygons.flatMap { $0.rings.flatMap(\.points) }
  return pointsA.count == pointsB.count
    && zip(pointsA, pointsB).allSatisfy {
      isClose($0.x, $1.x, tolerance: tolerance) && isClose($0.y, $1.y, tolerance: tolerance)
    }
}

/// The geometry as the writer puts it: polygons by the right-hand rule.
private func oriented(_ geometry: Geometry?) -> Geometry? {
  switch geometry {
  case .polygon(let polygon)?: .polygon(polygon.orientedByRightHandRule())
  case .multiPolygon(let multi)?:
    .multiPolygon(MultiPolygon(multi.polygons.map { $0.orientedByRightHandRule() }))
  default: geometry
  }
}

@Suite("GeoJSON writer")
struct GeoJSONWriterTests {
  @Test("a clockwise exterior is written counter-clockwise, and its hole clockwise")
  func rightHandRule() throws {
    let clockwise = try ring([(0, 0), (0, 10), (10, 10), (10, 0), (0, 0)])
    let counterClockwiseHole = try ring([(2, 2), (8, 2), (8, 8), (2, 8), (2, 2)])
    let collection = FeatureCollection(
      features: [
        Feature(geometry: .polygon(Polygon(exterior: clockwise, holes: [counterClockwiseHole])))
      ],
      crs: .wgs84)
    #expect(
      GeoJSONWriter.write(collection) == """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[2,8],[8,8],[8,2],[2,2]]]}}
        ]}

        """)
  }

  @Test("every kind of value is written in order, numbers shortest, non-finite as null")
  func values() throws {
    let properties = Properties([
      ("name", .string("Ynys Môn <Central>")), ("count", .number(12345)), ("rate", .number(0.1)),
      ("zero", .number(-0.0)), ("inf", .number(.infinity)), ("ok", .bool(true)), ("none", .null),
      ("list", .array([.number(1), .string("a")])),
      ("inner", .object(Properties([("z", .bool(false))]))),
    ])
    let collection = FeatureCollection(
      features: [
        Feature(geometry: .point(Point(x: -1.23456789, y: 54.5)), properties: properties, id: "E1"),
        Feature(geometry: .multiPoint([Point(x: 1, y: 2), Point(x: 3, y: 4)])),
        Feature(geometry: nil),
      ],
      crs: .wgs84)
    #expect(
      GeoJSONWriter.write(collection, precision: 3) == """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","id":"E1","properties":{"name":"Ynys Môn \\u003cCentral>","count":12345,"rate":0.1,"zero":0,"inf":null,"ok":true,"none":null,"list":[1,"a"],"inner":{"z":false}},"geometry":{"type":"Point","coordinates":[-1.235,54.5]}},
        {"type":"Feature","properties":{},"geometry":{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}},
        {"type":"Feature","properties":{},"geometry":null}
        ]}

        """)
  }

  @Test("strings with quotes, backslashes, control characters, < and non-ASCII round-trip")
  func escaping() throws {
    let tricky = "say \"hi\" \\ C:\\ward\n\t\u{1}\u{1F} </script> Ynys Môn <Central> 😀"
    let collection = FeatureCollection(
      features: [
        Feature(geometry: nil, properties: Properties([(tricky, .string(tricky))]), id: tricky)
      ],
      crs: .wgs84)
    let text = GeoJSONWriter.write(collection)
    #expect(
      text.contains(
        #""say \"hi\" \\ C:\\ward\u000a\u0009\u0001\u001f \u003c/script> Ynys Môn \u003cCentral> 😀""#))
    let feature = try #require(try reread(text).collection.features.first)
    #expect(feature.properties[tricky] == .string(tricky))
    #expect(feature.id == tricky)
  }

  @Test("an empty collection is written as an empty FeatureCollection")
  func empty() {
    #expect(
      GeoJSONWriter.write(FeatureCollection(features: [], crs: .wgs84))
        == "{\"type\":\"FeatureCollection\",\"features\":[]}\n")
  }

  @Test("a collection in British National Grid gets the legacy crs member, and reads back as BNG")
  func crsMember() throws {
    let square = try ring([(420000, 540000), (421000, 540000), (421000, 541000), (420000, 540000)])
    let collection = FeatureCollection(
      features: [Feature(geometry: .polygon(Polygon(exterior: square)))], crs: .britishNationalGrid)
    let text = GeoJSONWriter.write(collection)
    #expect(
      text.hasPrefix(
        #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":["#
      ))
    let layer = try reread(text)
    #expect(
      layer.crsDecision
        == CRSDecision(crs: .britishNationalGrid, rule: .crsMember("urn:ogc:def:crs:EPSG::27700")))
    #expect(layer.collection.features == collection.features)
  }

  @Test("read, write, read gives the same properties, ids and geometry")
  func roundTripFixtures() throws {
    for name in ["properties-typed.geojson", "polygon-with-hole.geojson", "multipolygon.geojson"] {
      let original = try GeoJSONFixture.read(name)
      let again = try reread(GeoJSONWriter.write(original.collection))
      #expect(again.collection.features.count == original.collection.features.count, "\(name)")
      for (before, after) in zip(original.collection.features, again.collection.features) {
        #expect(isClose(oriented(before.geometry), after.geometry, tolerance: 0), "\(name)")
        #expect(after.id == before.id, "\(name)")
        let expected = before.properties.map {
          ($0.name, $0.value == .number(.infinity) ? PropertyValue.null : $0.value)
        }
        #expect(after.properties == Properties(expected), "\(name)")
      }
    }
  }

  @Test(
    "County Durham's divisions round-trip within the precision written",
    .enabled(
      if: TestData.realData("county-durham-boundaries/wards2013_E06000047_county_durham.geojson")
        != nil, "shared/realdata is absent"))
  func roundTripDurham() throws {
    let url = try #require(
      TestData.realData("county-durham-boundaries/wards2013_E06000047_county_durham.geojson"))
    let original = try GeoJSONReader.read(file: url.path)
    let text = GeoJSONWriter.write(original.collection, precision: 7)
    #expect(text == GeoJSONWriter.write(original.collection, precision: 7))
    let again = try reread(text)
    #expect(again.collection.features.count == 63)
    #expect(again.crsDecision.crs == .wgs84)
    for (before, after) in zip(original.collection.features, again.collection.features) {
      #expect(isClose(oriented(before.geometry), after.geometry, tolerance: 0.5e-7 + 1e-12))
      #expect(after.properties == before.properties)
      #expect(after.geometry?.polygons.allSatisfy { $0.exterior.isCounterClockwise } == true)
    }
  }

  @Test("the same collection is written as the same bytes")
  func deterministic() throws {
    let layer = try GeoJSONFixture.read("properties-typed.geojson")
    let first = GeoJSONWriter.write(layer.collection)
    let second = GeoJSONWriter.write(layer.collection)
    #expect(Array(first.utf8) == Array(second.utf8))
  }
}
