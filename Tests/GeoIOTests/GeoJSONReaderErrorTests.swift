import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@testable import GeoIO

/// One test per way a GeoJSON file can fail, each checking the line, feature, JSON path and reason.
@Suite("GeoJSON reader errors")
struct GeoJSONReaderErrorTests {
  @Test("a ring with fewer than 4 positions is refused")
  func ringTooFewPositions() {
    #expect(
      ErrorPlace(GeoJSONFixture.error("ring-too-few-positions.geojson"))
        == ErrorPlace(
          line: 3, feature: 1, field: "features[1].geometry.coordinates[0]",
          reason: .geometry(.tooFewPositions(found: 3, required: 4))))
  }

  @Test("a coordinate that overflows to infinity is refused")
  func coordinatesNotFinite() {
    #expect(
      ErrorPlace(GeoJSONFixture.error("coordinates-not-finite.geojson"))
        == ErrorPlace(
          line: 2, feature: 0, field: "features[0].geometry.coordinates[0][2]",
          reason: .geometry(.nonFiniteCoordinate(index: 2))))
  }

  @Test("coordinates that are a string are refused")
  func coordinatesWrongType() {
    #expect(
      ErrorPlace(GeoJSONFixture.error("coordinates-wrong-type.geojson"))
        == ErrorPlace(
          line: 2, feature: 0, field: "features[0].geometry.coordinates",
          reason: .wrongType(expected: "an array of rings", found: "a string")))
  }

  @Test("a position with fewer than 2 numbers is refused")
  func positionTooShort() {
    #expect(
      ErrorPlace(GeoJSONFixture.error("position-too-short.geojson"))
        == ErrorPlace(
          line: 2, feature: 0, field: "features[0].geometry.coordinates[0][1]",
          reason: .wrongType(
            expected: "a position (an array of 2 or more numbers)", found: "an array of 1 number")))
  }

  @Test("a geometry without a type is refused")
  func missingType() {
    #expect(
      ErrorPlace(GeoJSONFixture.error("geometry-missing-type.geojson"))
        == ErrorPlace(
          line: 2, feature: 0, field: "features[0].geometry", reason: .missingMember("type")))
  }

  @Test("a geometry without coordinates is refused")
  func missingCoordinates() {
    #expect(
      ErrorPlace(GeoJSONFixture.error("geometry-missing-coordinates.geojson"))
        == ErrorPlace(
          line: 2, feature: 0, field: "features[0].geometry", reason: .missingMember("coordinates"))
    )
  }

  @Test("a truncated file names the position where it ends")
  func truncated() {
    #expect(
      ErrorPlace(GeoJSONFixture.error("truncated.geojson"))
        == ErrorPlace(
          line: 3, feature: 1, field: "features[1].geometry.coordinates[0][3]",
          reason: .unexpectedEnd("expected a value")))
  }

  @Test("invalid UTF-8 in a property names its byte offset")
  func invalidUTF8() {
    #expect(
      ErrorPlace(GeoJSONFixture.error("invalid-utf8.geojson"))
        == ErrorPlace(
          line: 3, feature: 1, field: "features[1].properties",
          reason: .invalidUTF8(byteOffset: 224)))
  }

  @Test("anything after the top-level value is refused")
  func trailingGarbage() {
    #expect(
      ErrorPlace(GeoJSONFixture.error("trailing-garbage.geojson"))
        == ErrorPlace(
          line: 4, feature: nil, field: nil,
          reason: .syntax("unexpected 'x' after the end of the top-level value")))
  }

  @Test("properties nested 100,000 deep give nestingTooDeep, not a crash")
  func nestingTooDeep() {
    let depth = 100_000
    let text =
      #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"deep":"#
      + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
      + #"},"geometry":null}]}"#
    #expect(
      ErrorPlace(GeoJSONFixture.error(text: text))
        == ErrorPlace(
          line: 1, feature: 0, field: "features[0].properties",
          reason: .nestingTooDeep(limit: 256)))
  }

  @Test("a foreign member nested 100,000 deep gives nestingTooDeep while being skipped")
  func nestingTooDeepSkipped() {
    let text = #"{"type":"FeatureCollection","extra":"# + String(repeating: "[", count: 100_000)
    #expect(
      ErrorPlace(GeoJSONFixture.error(text: text))
        == ErrorPlace(line: 1, feature: nil, field: nil, reason: .nestingTooDeep(limit: 256)))
  }

  @Test("an unknown crs name is refused unless the caller declares a CRS")
  func unknownCRS() {
    #expect(
      ErrorPlace(GeoJSONFixture.error("crs-unknown.geojson"))
        == ErrorPlace(
          line: 1, feature: nil, field: "crs.properties.name", reason: .unknownCRS("EPSG:3857")))
  }

  @Test("a file that claims CRS84 but holds planar numbers names the first offending feature")
  func coordinateOutOfRange() throws {
    let error = GeoJSONFixture.error("crs84-with-planar-numbers.geojson")
    #expect(
      ErrorPlace(error)
        == ErrorPlace(
          line: nil, feature: 1, field: "features[1].geometry.coordinates",
          reason: .coordinateOutOfRange(
            value: 907,
            crs:
              "WGS84 lon/lat (EPSG:4326), as the file's crs member says urn:ogc:def:crs:OGC:1.3:CRS84"
          )))
    #expect(error?.description.contains("--crs") == true)
    let planar = try GeoJSONFixture.read("crs84-with-planar-numbers.geojson", declaredCRS: .planar)
    #expect(planar.collection.features.count == 2)
  }

  @Test("a feature whose type is not Feature is refused")
  func featureWrongType() {
    let text = #"{"type":"FeatureCollection","features":[{"type":"Polygon","coordinates":[]}]}"#
    #expect(
      ErrorPlace(GeoJSONFixture.error(text: text))
        == ErrorPlace(
          line: 1, feature: 0, field: "features[0].type",
          reason: .wrongType(expected: "\"Feature\"", found: "\"Polygon\"")))
  }

  @Test("a top-level object without a type is refused")
  func topLevelMissingType() {
    #expect(
      ErrorPlace(GeoJSONFixture.error(text: #"{"features":[]}"#))
        == ErrorPlace(line: 1, feature: nil, field: nil, reason: .missingMember("type")))
  }

  @Test("a top-level value that is not an object is refused")
  func topLevelNotObject() {
    #expect(
      ErrorPlace(GeoJSONFixture.error(text: "[1, 2]"))
        == ErrorPlace(
          line: 1, feature: nil, field: nil,
          reason: .wrongType(expected: "a GeoJSON object", found: "an array")))
  }

  @Test("an empty file is refused")
  func emptyFile() {
    #expect(
      ErrorPlace(GeoJSONFixture.error(text: " \n"))
        == ErrorPlace(line: nil, feature: nil, field: nil, reason: .emptyFile))
  }

  @Test("a missing file, and a folder, are refused with their own reasons")
  func files() {
    #expect(GeoJSONFixture.error("no-such-file.geojson")?.reason == .fileNotFound)
    let folder = URL(fileURLWithPath: GeoJSONFixture.path("ring-not-closed.geojson"))
      .deletingLastPathComponent().path
    #expect(throws: InputError(file: folder, reason: .isDirectory)) {
      try GeoJSONReader.read(file: folder)
    }
  }

  @Test("every truncation of a valid file is an error, never a crash")
  func everyTruncation() throws {
    let path = GeoJSONFixture.path("properties-typed.geojson")
    let bytes = try #require(FileManager.default.contents(atPath: path)).map { $0 }
    let end = try #require(bytes.lastIndex(of: UInt8(ascii: "}")))
    for length in 0...end {
      #expect(throws: InputError.self, "\(length) bytes") {
        try GeoJSONReader.read(bytes: Array(bytes[0..<length]), name: "cut.geojson")
      }
    }
  }

  @Test("random byte changes give a layer or an error, never a crash", arguments: 0..<4)
  func mutations(seed: UInt64) throws {
    let path = GeoJSONFixture.path("unsupported-linestring.geojson")
    let bytes = try #require(FileManager.default.contents(atPath: path)).map { $0 }
    let replacements = Array(#"{}[]",:0-9.eE+-tfnul\"#.utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xFF]
    var random = SplitMix64(seed: seed)
    for _ in 0..<500 {
      var mutated = bytes
      for _ in 0..<Int.random(in: 1...3, using: &random) {
        let index = Int.random(in: 0..<mutated.count, using: &random)
        mutated[index] = replacements.randomElement(using: &random) ?? 0
      }
      _ = try? GeoJSONReader.read(bytes: mutated, name: "mutated.geojson")
    }
  }
}
