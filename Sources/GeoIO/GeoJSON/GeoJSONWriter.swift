import GeoCore

/// Writes features as GeoJSON text (RFC 7946): one FeatureCollection, one feature per line.
///
/// The coordinates are written as they are: converting to WGS84 lon/lat, which RFC 7946 §4
/// requires of a conforming file, is the caller's job (project the collection first). A
/// collection in another CRS gets the legacy 2008 `crs` member naming it
/// (`urn:ogc:def:crs:EPSG::27700` for British National Grid, which GDAL and `GeoJSONReader` read
/// back; `planar` or the PROJ string of a local transverse Mercator otherwise, which only say what
/// the numbers are); WGS84 gets none.
///
/// ## Properties
/// - Deterministic: the same collection gives the same bytes. Members come in a fixed order
///   (`type`, `id`, `properties`, `geometry`); properties keep their order.
/// - Polygons follow the right-hand rule (§3.1.6): exteriors counter-clockwise, holes clockwise.
/// - Coordinates are rounded to `precision` decimal places (clamped to 0…15) by
///   `NumberText.fixed`, trailing zeros dropped; 7 places is about 1 cm in degrees (§11.2).
/// - Property numbers use `NumberText.shortest`, which reads back as the same `Double`;
///   non-finite numbers, which JSON cannot hold, are written as `null`.
/// - Strings are escaped as RFC 8259 §7 requires: `\"`, `\\` and control characters as
///   `\u00XX`; `<` also as `\u003c`, so `</script>` in a value cannot end an HTML script block; everything
///   else, non-ASCII included, is written as UTF-8.
/// - `id` is written as a string (`Feature.id` is text, whatever the source held).
/// - No `bbox` member is written.
/// - Complexity: O(n) in the positions and properties written.
///
/// ## Example
///
///     let text = GeoJSONWriter.write(layer.collection, precision: 6)
public enum GeoJSONWriter {
  /// The collection as GeoJSON text ending in a newline.
  public static func write(_ collection: FeatureCollection, precision: Int = 7) -> String {
    var output = Output(digits: min(max(precision, 0), 15))
    output.append("{\"type\":\"FeatureCollection\"")
    if collection.crs != .wgs84 {
      output.append(",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":")
      output.appendString(crsName(collection.crs))
      output.append("}}")
    }
    output.append(",\"features\":[")
    for (index, feature) in collection.features.enumerated() {
      output.append(index == 0 ? "\n" : ",\n")
      output.appendFeature(feature)
    }
    output.append(collection.features.isEmpty ? "]}\n" : "\n]}\n")
    return String(decoding: output.bytes, as: UTF8.self)
  }

  /// The name written in the legacy `crs` member.
  private static func crsName(_ crs: CRS) -> String {
    switch crs {
    case .wgs84: "urn:ogc:def:crs:OGC:1.3:CRS84"
    case .britishNationalGrid: "urn:ogc:def:crs:EPSG::27700"
    case .planar, .localTransverseMercator: crs.identifier
    }
  }
}

/// The bytes being written, and how.
private struct Output {
  var bytes: [UInt8] = []
  let digits: Int

  init(digits: Int) {
    self.digits = digits
    bytes.reserveCapacity(1 << 16)
  }

  mutating func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  mutating func appendFeature(_ feature: Feature) {
    append("{\"type\":\"Feature\"")
    if let id = feature.id {
      append(",\"id\":")
      appendString(id)
    }
    append(",\"properties\":")
    appendObject(feature.properties)
    append(",\"geometry\":")
    if let geometry = feature.geometry {
      appendGeometry(geometry)
    } else {
      append("null")
    }
    append("}")
  }

  mutating func appendGeometry(_ geometry: Geometry) {
    append("{\"type\":\"\(geometry.typeName)\",\"coordinates\":")
    switch geometry {
    case .point(let point):
      appendPosition(point)
    case .multiPoint(let points):
      appendPositions(points)
    case .polygon(let polygon):
      appendPolygon(polygon.orientedByRightHandRule())
    case .multiPolygon(let multi):
      append("[")
      for (index, polygon) in multi.polygons.enumerated() {
        if index > 0 { append(",") }
        appendPolygon(polygon.orientedByRightHandRule())
      }
      append("]")
    case .lineString(let line):
      appendPositions(line.points)
    case .multiLineString(let lines):
      append("[")
      for (index, line) in lines.enumerated() {
        if index > 0 { append(",") }
        appendPositions(line.points)
      }
      append("]")
    }
    append("}")
  }

  mutating func appendPolygon(_ polygon: Polygon) {
    append("[")
    appendPositions(polygon.exterior.points)
    for hole in polygon.holes {
      append(",")
      appendPositions(hole.points)
    }
    append("]")
  }

  mutating func appendPositions(_ points: [Point]) {
    append("[")
    for (index, point) in points.enumerated() {
      if index > 0 { append(",") }
      appendPosition(point)
    }
    append("]")
  }

  mutating func appendPosition(_ point: Point) {
    append("[")
    appendCoordinate(point.x)
    append(",")
    appendCoordinate(point.y)
    append("]")
  }

  mutating func appendCoordinate(_ value: Double) {
    append(value.isFinite ? NumberText.fixed(value, digits: digits) : "null")
  }

  mutating func appendObject(_ properties: Properties) {
    append("{")
    for (index, property) in properties.enumerated() {
      if index > 0 { append(",") }
      appendString(property.name)
      append(":")
      appendValue(property.value)
    }
    append("}")
  }

  mutating func appendValue(_ value: PropertyValue) {
    switch value {
    case .string(let text): appendString(text)
    case .number(let number): append(number.isFinite ? NumberText.shortest(number) : "null")
    case .bool(let flag): append(flag ? "true" : "false")
    case .null: append("null")
    case .array(let values):
      append("[")
      for (index, element) in values.enumerated() {
        if index > 0 { append(",") }
        appendValue(element)
      }
      append("]")
    case .object(let properties):
      appendObject(properties)
    }
  }

  /// A JSON string (RFC 8259 §7): quotes, `\"`, `\\`, and `\u00XX` for control characters and `<`.
  mutating func appendString(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"):
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(byte)
      case 0..<0x20, UInt8(ascii: "<"):
        append("\\u00")
        bytes.append(hexDigit(byte >> 4))
        bytes.append(hexDigit(byte & 0x0F))
      default:
        bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
  }
}
