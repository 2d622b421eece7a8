/// The value of a GeoJSON `type` member (RFC 7946 §1.4): the nine types the RFC names, or any
/// other text as written.
enum GeoJSONType: Equatable {
  case featureCollection, feature
  case point, multiPoint, polygon, multiPolygon
  case lineString, multiLineString, geometryCollection
  case other(String)

  /// Reads the `type` string at the scanner, comparing its bytes with the nine names
  /// (case-sensitive, as RFC 7946 §7.1 requires); only an unknown name becomes a `String`.
  /// - Throws: `.wrongType` when the value is not a string, with `field` left for the caller.
  static func read(_ scanner: inout JSONScanner) throws(InputError) -> GeoJSONType {
    let kind = try scanner.peekValue()
    guard kind == .string else {
      throw InputError(
        file: scanner.file, line: scanner.line,
        reason: .wrongType(expected: "a string", found: kind.description))
    }
    let raw = try scanner.readRawString()
    for (name, type) in knownNames where scanner.matches(raw, name) { return type }
    return .other(scanner.string(raw))
  }

  /// The RFC's names, the most frequent first.
  private static let knownNames: [(StaticString, GeoJSONType)] = [
    ("Feature", .feature), ("Polygon", .polygon), ("MultiPolygon", .multiPolygon),
    ("Point", .point), ("MultiPoint", .multiPoint), ("FeatureCollection", .featureCollection),
    ("LineString", .lineString), ("MultiLineString", .multiLineString),
    ("GeometryCollection", .geometryCollection),
  ]

  /// The name as the file writes it.
  var name: String {
    switch self {
    case .featureCollection: "FeatureCollection"
    case .feature: "Feature"
    case .point: "Point"
    case .multiPoint: "MultiPoint"
    case .polygon: "Polygon"
    case .multiPolygon: "MultiPolygon"
    case .lineString: "LineString"
    case .multiLineString: "MultiLineString"
    case .geometryCollection: "GeometryCollection"
    case .other(let name): name
    }
  }

  /// True for the geometry types Hotspot reads into `Geometry`.
  var isReadGeometry: Bool {
    switch self {
    case .point, .multiPoint, .polygon, .multiPolygon, .lineString, .multiLineString: true
    default: false
    }
  }
}
