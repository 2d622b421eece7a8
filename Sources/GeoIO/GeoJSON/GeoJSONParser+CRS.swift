import GeoCore

/// The coordinate reference system of a GeoJSON file: the legacy `crs` member, the decision, and
/// the check that the coordinates fit it.
///
/// RFC 7946 §4 removed the `crs` member of the 2008 GeoJSON specification and fixed the CRS to
/// WGS84 lon/lat, but ONS and ogr2ogr downloads still carry it, often naming British National
/// Grid. The forms read are the 2008 named CRS, `{"type":"name","properties":{"name":…}}`, with
/// any name `CRS(identifier:)` knows (`EPSG:27700`, `urn:ogc:def:crs:EPSG::27700`,
/// `urn:ogc:def:crs:OGC:1.3:CRS84`, `EPSG:4326`…), and the older `{"type":"EPSG",
/// "properties":{"code":27700}}`. `"crs": null` means no member.
///
/// ## Properties
/// - An unknown name is an error (`.unknownCRS`) unless the caller declared a CRS, which wins.
/// - The decision follows `CRSDecision.decide`: the caller's CRS, then the member, then the range
///   of the coordinates.
/// - When the decision is WGS84, every coordinate must lie within ±180°/±90°; the first that does
///   not is an error naming its feature and JSON path, and telling the user to declare `--crs`
///   (this catches files that claim CRS84 but hold projected metres).
/// - Complexity: the decision is O(1) from the bounds gathered while reading; only a failing
///   range check walks the features again, O(n) in their positions.
extension GeoJSONParser {
  /// Reads the value of a top-level `crs` member.
  mutating func readCRSMember() throws(InputError) {
    section = .crs
    let kind = try scanner.peekValue()
    if kind == .null {
      try scanner.readNull()
      return
    }
    guard kind == .object else {
      throw InputError(
        file: scanner.file, line: scanner.line, field: "crs",
        reason: .wrongType(expected: "an object or null", found: kind.description))
    }
    var typeName: String?
    var name: String?
    var field = "crs"
    if try scanner.beginObject() {
      repeat {
        let key = try scanner.readKey()
        if scanner.matches(key, "type"), try scanner.peekValue() == .string {
          typeName = try scanner.readString()
        } else if scanner.matches(key, "properties"), try scanner.peekValue() == .object {
          if try scanner.beginObject() {
            repeat {
              let property = try scanner.readKey()
              let valueKind = try scanner.peekValue()
              if scanner.matches(property, "name") && valueKind == .string {
                name = try scanner.readString()
                field = "crs.properties.name"
              } else if scanner.matches(property, "code") && valueKind == .number {
                name = "EPSG:" + (try scanner.readNumberText())
                field = "crs.properties.code"
              } else if scanner.matches(property, "href") && valueKind == .string {
                name = try scanner.readString()
                field = "crs.properties.href"
              } else {
                try scanner.skipValue()
              }
            } while try scanner.nextMember()
          }
        } else {
          try scanner.skipValue()
        }
      } while try scanner.nextMember()
    }
    let text = name ?? typeName ?? ""
    crsMember = text
    crsFromMember = CRS(identifier: text)
    if crsFromMember == nil && declaredCRS == nil {
      throw InputError(
        file: scanner.file, line: scanner.line, field: field, reason: .unknownCRS(text))
    }
  }

  /// The CRS of the features read, and the check that their coordinates fit it.
  /// - Throws: `.coordinateOutOfRange` for the first position outside ±180°/±90° when the
  ///   decision is WGS84.
  func decideCRS(for features: [Feature]) throws(InputError) -> CRSDecision {
    let bounds = BoundingBox(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    var fromFile: CRSDecision?
    if let crs = crsFromMember, let text = crsMember {
      fromFile = CRSDecision(crs: crs, rule: .crsMember(text))
    }
    var decision = CRSDecision.decide(
      userDeclared: declaredCRS, fileDeclared: fromFile, bounds: bounds)
    // For GeoJSON, lon/lat without a crs member is the format's own default (RFC 7946 §4).
    if decision.rule == .coordinateRangeWGS84 { decision.rule = .geoJSONDefault }
    if decision.crs == .wgs84 && !bounds.isEmpty && !CRSDecision.fits(bounds, .wgs84) {
      for (index, feature) in features.enumerated() {
        guard let geometry = feature.geometry,
          let (point, indices) = firstPointOutsideLonLat(geometry)
        else { continue }
        let value = abs(point.x) > 180 ? point.x : point.y
        let path = join(geometryPath(ofFeature: index), "coordinates") + indices
        throw InputError(
          file: scanner.file, feature: index, field: path,
          reason: .coordinateOutOfRange(
            value: value, crs: "\(decision.crs), as \(decision.rule)"))
      }
    }
    return decision
  }

  // MARK: - Private

  private func geometryPath(ofFeature index: Int) -> String {
    switch container {
    case .collection: "features[\(index)].geometry"
    case .feature: "geometry"
    case .geometry: ""
    }
  }

  /// The first position beyond ±180°/±90°, with its JSON indices (`[0][17]`).
  private func firstPointOutsideLonLat(_ geometry: Geometry) -> (Point, String)? {
    func outside(_ point: Point) -> Bool { abs(point.x) > 180 || abs(point.y) > 90 }
    func first(in points: [Point], prefix: String) -> (Point, String)? {
      guard let index = points.firstIndex(where: outside) else { return nil }
      return (points[index], prefix + "[\(index)]")
    }
    func first(in polygon: Polygon, prefix: String) -> (Point, String)? {
      for (index, ring) in polygon.rings.enumerated() {
        if let found = first(in: ring.points, prefix: prefix + "[\(index)]") { return found }
      }
      return nil
    }
    switch geometry {
    case .point(let point):
      return outside(point) ? (point, "") : nil
    case .multiPoint(let points):
      return first(in: points, prefix: "")
    case .polygon(let polygon):
      return first(in: polygon, prefix: "")
    case .multiPolygon(let multi):
      for (index, polygon) in multi.polygons.enumerated() {
        if let found = first(in: polygon, prefix: "[\(index)]") { return found }
      }
      return nil
    case .lineString(let line):
      return first(in: line.points, prefix: "")
    case .multiLineString(let lines):
      for (index, line) in lines.enumerated() {
        if let found = first(in: line.points, prefix: "[\(index)]") { return found }
      }
      return nil
    }
  }
}
