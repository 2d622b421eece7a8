import Foundation
import GeoCore
import GeoIO
import TestSupport
import Testing

/// A line through the given (x, y) pairs.
private func line(_ pairs: [(Double, Double)]) throws -> LineString {
  try LineString(pairs.map { Point(x: $0.0, y: $0.1) })
}

/// A FeatureCollection text holding one feature per geometry text, one feature per line
/// (so feature k is on line k + 2).
private func collection(_ geometries: [String]) -> String {
  "{\"type\":\"FeatureCollection\",\"features\":[\n"
    + geometries.enumerated().map { index, geometry in
      "{\"type\":\"Feature\",\"properties\":{\"name\":\"road \(index)\"},\"geometry\":\(geometry)}"
    }.joined(separator: ",\n") + "\n]}"
}

private func read(_ text: String) throws -> BoundaryLayer {
  try GeoJSONReader.read(bytes: Array(text.utf8), name: "test.geojson")
}

@Suite("GeoJSON lines")
struct GeoJSONLineTests {
  @Test("LineString and MultiLineString read with their properties, z and m dropped")
  func lines() throws {
    let layer = try read(
      collection([
        #"{"type":"LineString","coordinates":[[-1.5,54.7,12],[-1.4,54.8,13,99]]}"#,
        #"{"coordinates":[[[0,0],[1,1],[2,1]],[[5,5],[6,6]]],"type":"MultiLineString"}"#,
      ]))
    let features = layer.collection.features
    #expect(
      features.map(\.geometry) == [
        .lineString(try line([(-1.5, 54.7), (-1.4, 54.8)])),
        .multiLineString([try line([(0, 0), (1, 1), (2, 1)]), try line([(5, 5), (6, 6)])]),
      ])
    #expect(features.map { $0.properties["name"]?.text } == ["road 0", "road 1"])
    #expect(layer.problems.isEmpty)
    #expect(layer.geometryTypeCounts.map(\.type) == ["LineString", "MultiLineString"])
    #expect(layer.collection.crs == .wgs84)
  }

  @Test("a line of one position is refused, naming the feature and the JSON path")
  func lineTooShort() {
    #expect(
      ErrorPlace(
        GeoJSONFixture.error(
          text: collection([
            #"{"type":"LineString","coordinates":[[0,0],[1,1]]}"#,
            #"{"type":"LineString","coordinates":[[0,0]]}"#,
          ])))
        == ErrorPlace(
          line: 3, feature: 1, field: "features[1].geometry.coordinates",
          reason: .geometry(.lineTooShort(found: 1))))
    #expect(
      ErrorPlace(
        GeoJSONFixture.error(
          text: collection([
            #"{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2]]]}"#
          ])))
        == ErrorPlace(
          line: 2, feature: 0, field: "features[0].geometry.coordinates[1]",
          reason: .geometry(.lineTooShort(found: 1))))
    #expect(
      ErrorPlace(
        GeoJSONFixture.error(
          text: collection([
            #"{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[]]}"#
          ])))
        == ErrorPlace(
          line: 2, feature: 0, field: "features[0].geometry.coordinates[1]",
          reason: .geometry(.lineTooShort(found: 0))))
  }

  @Test("a non-finite coordinate in a line is refused, naming the position")
  func nonFinite() {
    #expect(
      ErrorPlace(
        GeoJSONFixture.error(
          text: collection([
            #"{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2],[3,1e400]]]}"#
          ])))
        == ErrorPlace(
          line: 2, feature: 0, field: "features[0].geometry.coordinates[1][1]",
          reason: .geometry(.nonFiniteCoordinate(index: 1))))
  }

  @Test("empty line coordinates read as a null geometry, as empty polygons do")
  func empty() throws {
    let layer = try read(
      collection([
        #"{"type":"LineString","coordinates":[]}"#, #"{"type":"MultiLineString","coordinates":[]}"#,
      ]))
    #expect(layer.collection.features.map(\.geometry) == [nil, nil])
    #expect(layer.problems.map(\.reason) == [.nullGeometry, .nullGeometry])
  }

  @Test("a line beyond ±180° in a WGS84 file is refused, naming the position")
  func outOfRange() {
    let error = GeoJSONFixture.error(
      text: """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[
        {"type":"Feature","properties":{},"geometry":{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2],[412000,512000]]]}}
        ]}
        """)
    #expect(error?.feature == 0)
    #expect(error?.field == "features[0].geometry.coordinates[1][1]")
  }

  @Test("the writer writes lines, and the reader reads them back")
  func roundTrip() throws {
    let features = [
      Feature(
        geometry: .lineString(try line([(-1.5, 54.7), (-1.25, 54.75)])),
        properties: Properties([("ref", .string("A68"))])),
      Feature(geometry: .multiLineString([try line([(0, 0), (1, 1)]), try line([(2, 2), (3, 3), (4, 2)])])),
    ]
    let text = GeoJSONWriter.write(FeatureCollection(features: features, crs: .wgs84))
    #expect(text.contains(#"{"type":"LineString","coordinates":[[-1.5,54.7],[-1.25,54.75]]}"#))
    #expect(text.contains(#"{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2],[3,3],[4,2]]]}"#))
    let back = try read(text)
    #expect(back.collection.features.map(\.geometry) == features.map(\.geometry))
    #expect(back.collection.features[0].properties["ref"] == .string("A68"))
  }
}

@Suite("Shapefile lines")
struct ShapefileLineTests {
  @Test(
    "PolyLine records of every dimension read as lines with their dBASE properties",
    arguments: [Int32(3), 13, 23])
  func polyLines(type: Int32) throws {
    var builder = ShapefileBuilder(
      shapeType: type,
      shapes: [
        .polyLine([[(-1.5, 54.7), (-1.4, 54.8), (-1.3, 54.8)]]),
        .polyLine([[(-1.0, 54.5), (-1.1, 54.6)], [(-1.2, 54.6), (-1.2, 54.7)]]),
        .polyLine([]),
      ])
    builder.fields = [("NAME", "C", 20, 0), ("LANES", "N", 3, 0)]
    builder.rows = [
      [Array("Manor Road".utf8), Array("2".utf8)], [Array("A68".utf8), Array("4".utf8)],
      [Array("nothing".utf8), []],
    ]
    let layer = try builder.read()
    let features = layer.collection.features
    #expect(
      features.map(\.geometry) == [
        .lineString(try line([(-1.5, 54.7), (-1.4, 54.8), (-1.3, 54.8)])),
        .multiLineString([try line([(-1.0, 54.5), (-1.1, 54.6)]), try line([(-1.2, 54.6), (-1.2, 54.7)])]),
        nil,
      ])
    #expect(features[0].properties["NAME"] == .string("Manor Road"))
    #expect(features[1].properties["LANES"] == .number(4))
    #expect(layer.problems.map(\.reason) == [.nullGeometry])
    #expect(layer.geometryTypeCounts.map(\.type) == ["LineString", "MultiLineString"])
    #expect(layer.collection.crs == .wgs84)
  }

  @Test("a PolyLine part of one point is refused, naming the record and the part")
  func partTooShort() {
    let builder = ShapefileBuilder(
      shapeType: 3, shapes: [.polyLine([[(0, 0), (1, 1)]]), .polyLine([[(0, 0), (1, 1)], [(2, 2)]])])
    #expect(
      builder.error()
        == InputError(
          file: "test.shp", field: "record 2, part 2", reason: .geometry(.lineTooShort(found: 1))))
  }

  @Test("a PolyLine beyond ±180° in a WGS84 Shapefile is refused")
  func outOfRange() {
    let builder = ShapefileBuilder(shapeType: 3, shapes: [.polyLine([[(0, 0), (412_000, 512_000)]])])
    #expect(builder.error()?.field == "record 1")
  }
}
