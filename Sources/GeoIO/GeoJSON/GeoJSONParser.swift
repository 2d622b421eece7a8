import GeoCore

/// Reads one GeoJSON text (RFC 7946) into features, straight from the bytes, in one pass.
///
/// The top-level object may be a FeatureCollection (§3.3), a Feature (§3.2) or a bare geometry
/// (§3.1); members may come in any order. When a member can only be read once another is known
/// (`coordinates` before `type`, `features` before the top-level `type`), the scanner marks it,
/// skips it, and comes back to it: the common order costs one pass, any other order at most two.
///
/// Coordinates are read by `GeoJSONParser+Coordinates.swift`, the legacy `crs` member and the
/// range check by `GeoJSONParser+CRS.swift`. `GeoJSONReader` is the public face.
///
/// ## Properties
/// - Feature indices match the file: a feature whose geometry is null, empty or of a type Hotspot
///   does not read is kept with `geometry == nil` and reported in `problems`.
/// - Every error names the file and line, and where it can, the feature and the JSON path.
/// - Complexity: O(n) in the bytes of the file; one allocation per ring, string and feature.
struct GeoJSONParser {
  /// What the top-level object is, which decides how paths are written.
  enum Container {
    /// `features[12].geometry.coordinates[0]`
    case collection
    /// `geometry.coordinates[0]`
    case feature
    /// `coordinates[0]`
    case geometry
  }

  /// The part of a feature being read, to name it in syntax errors.
  enum Section {
    case document, crs, feature, id, properties, geometry
  }

  var scanner: JSONScanner
  let declaredCRS: CRS?
  /// Warnings: features kept without geometry, rings closed for the user.
  var problems: [InputError] = []
  /// Geometry types in first-seen order, with how many features have each.
  var typeCounts: [(type: String, count: Int)] = []
  /// The legacy `crs` member's name text, and the CRS it names.
  var crsMember: String?
  var crsFromMember: CRS?
  /// The bounding box of every coordinate read.
  var minX = Double.infinity
  var minY = Double.infinity
  var maxX = -Double.infinity
  var maxY = -Double.infinity
  /// Reused for the positions of one ring.
  var pointBuffer: [Point] = []
  var container = Container.collection
  /// The feature being read (0 for a lone Feature or geometry), nil outside features.
  var featureIndex: Int?
  var section = Section.document

  init(bytes: UnsafeBufferPointer<UInt8>, file: String, declaredCRS: CRS?) {
    scanner = JSONScanner(bytes: bytes, file: file)
    self.declaredCRS = declaredCRS
    pointBuffer.reserveCapacity(1024)
  }

  /// Reads the whole text: the top-level object, then nothing but whitespace.
  /// - Throws: the first error met, with the feature and path where it happened.
  mutating func readDocument() throws(InputError) -> [Feature] {
    do throws(InputError) {
      guard !scanner.isAtEnd() else {
        throw InputError(file: scanner.file, reason: .emptyFile)
      }
      let features = try readTopLevel()
      featureIndex = nil
      section = .document
      try scanner.expectEnd()
      return features
    } catch {
      throw located(error, field: sectionPath)
    }
  }

  // MARK: - Objects

  /// The top-level object. A first pass over its members finds `type` (reading `crs`, and
  /// `features` once the type is known); a Feature or geometry is then read from the start.
  private mutating func readTopLevel() throws(InputError) -> [Feature] {
    let start = scanner.mark
    let kind = try scanner.peekValue()
    guard kind == .object else {
      throw error(.wrongType(expected: "a GeoJSON object", found: kind.description), field: nil)
    }
    var type: GeoJSONType?
    var features: [Feature]?
    var featuresMark: JSONScanner.Mark?
    if try scanner.beginObject() {
      members: repeat {
        let key = try scanner.readKey()
        if scanner.matches(key, "type") {
          let found = try readType(field: "type")
          type = found
          if found != .featureCollection { break members }
          container = .collection
        } else if scanner.matches(key, "crs") {
          try readCRSMember()
        } else if scanner.matches(key, "features") && type == .featureCollection {
          features = try readFeatures()
        } else if scanner.matches(key, "features") && type == nil {
          featuresMark = scanner.mark
          try scanner.skipValue()
        } else {
          try scanner.skipValue()
        }
      } while try scanner.nextMember()
    }
    guard let type else { throw error(.missingMember("type"), field: nil) }
    switch type {
    case .featureCollection:
      if features == nil, let featuresMark {
        let end = scanner.mark
        scanner.reset(to: featuresMark)
        features = try readFeatures()
        scanner.reset(to: end)
      }
      guard let features else { throw error(.missingMember("features"), field: nil) }
      return features
    case .feature:
      scanner.reset(to: start)
      container = .feature
      featureIndex = 0
      return [try readFeature(topLevel: true)]
    case .other(let name):
      throw error(
        .wrongType(
          expected: "a FeatureCollection, a Feature or a geometry", found: "\"\(name)\""),
        field: "type")
    default:
      scanner.reset(to: start)
      container = .geometry
      featureIndex = 0
      let geometry = try readGeometry(topLevel: true)
      return [Feature(geometry: geometry)]
    }
  }

  /// The `features` array of a FeatureCollection (RFC 7946 §3.3).
  private mutating func readFeatures() throws(InputError) -> [Feature] {
    section = .feature
    let kind = try scanner.peekValue()
    guard kind == .array else {
      throw error(
        .wrongType(expected: "an array of Features", found: kind.description), field: "features")
    }
    var features: [Feature] = []
    var index = 0
    if try scanner.beginArray() {
      repeat {
        featureIndex = index
        features.append(try readFeature(topLevel: false))
        index += 1
      } while try scanner.nextElement()
    }
    featureIndex = nil
    section = .document
    return features
  }

  /// A Feature object (RFC 7946 §3.2): `type`, `geometry`, `properties`, `id`; others skipped.
  private mutating func readFeature(topLevel: Bool) throws(InputError) -> Feature {
    section = .feature
    let kind = try scanner.peekValue()
    guard kind == .object else {
      throw error(
        .wrongType(expected: "a Feature object", found: kind.description), field: featurePath)
    }
    var type: GeoJSONType?
    var geometry: Geometry?
    var hasGeometry = false
    var properties = Properties()
    var id: String?
    if try scanner.beginObject() {
      repeat {
        let key = try scanner.readKey()
        if scanner.matches(key, "type") {
          type = try readType(field: join(featurePath, "type"))
        } else if scanner.matches(key, "geometry") {
          geometry = try readGeometry(topLevel: false)
          hasGeometry = true
        } else if scanner.matches(key, "properties") {
          properties = try readProperties()
        } else if scanner.matches(key, "id") {
          id = try readID()
        } else if topLevel && scanner.matches(key, "crs") {
          try readCRSMember()
        } else {
          try scanner.skipValue()
        }
        section = .feature
      } while try scanner.nextMember()
    }
    guard let type else { throw error(.missingMember("type"), field: featurePath) }
    guard type == .feature else {
      throw error(
        .wrongType(expected: "\"Feature\"", found: "\"\(type.name)\""),
        field: join(featurePath, "type"))
    }
    if !hasGeometry { problems.append(error(.missingMember("geometry"), field: featurePath)) }
    return Feature(geometry: geometry, properties: properties, id: id)
  }

  /// A geometry object (RFC 7946 §3.1) or null. Returns nil, with a warning in `problems`, for
  /// null, for empty coordinates and for types Hotspot does not read.
  private mutating func readGeometry(topLevel: Bool) throws(InputError) -> Geometry? {
    section = .geometry
    let kind = try scanner.peekValue()
    if kind == .null {
      try scanner.readNull()
      problems.append(error(.nullGeometry, field: geometryPath))
      return nil
    }
    guard kind == .object else {
      throw error(
        .wrongType(expected: "a geometry object or null", found: kind.description),
        field: geometryPath)
    }
    var type: GeoJSONType?
    var geometry: Geometry?
    var hasCoordinates = false
    var coordinatesMark: JSONScanner.Mark?
    if try scanner.beginObject() {
      repeat {
        let key = try scanner.readKey()
        if scanner.matches(key, "type") {
          type = try readType(field: join(geometryPath, "type"))
        } else if scanner.matches(key, "coordinates") {
          hasCoordinates = true
          if let type, type.isReadGeometry {
            geometry = try readCoordinates(type)
          } else {
            if type == nil { coordinatesMark = scanner.mark }
            try scanner.skipValue()
          }
        } else if topLevel && scanner.matches(key, "crs") {
          try readCRSMember()
        } else {
          try scanner.skipValue()
        }
        section = .geometry
      } while try scanner.nextMember()
    }
    guard let type else { throw error(.missingMember("type"), field: geometryPath) }
    count(type)
    guard type.isReadGeometry else {
      problems.append(error(.unsupportedGeometry(type.name), field: geometryPath))
      return nil
    }
    guard hasCoordinates else { throw error(.missingMember("coordinates"), field: geometryPath) }
    if let coordinatesMark {
      let end = scanner.mark
      scanner.reset(to: coordinatesMark)
      geometry = try readCoordinates(type)
      scanner.reset(to: end)
    }
    if geometry == nil { problems.append(error(.nullGeometry, field: geometryPath)) }
    return geometry
  }

  // MARK: - Members

  /// A `type` member's value, with `field` named in any error.
  private mutating func readType(field: String) throws(InputError) -> GeoJSONType {
    do throws(InputError) {
      return try GeoJSONType.read(&scanner)
    } catch {
      throw located(error, field: field)
    }
  }

  /// `properties`: an object, or null for none. Anything else is reported and skipped.
  private mutating func readProperties() throws(InputError) -> Properties {
    section = .properties
    let kind = try scanner.peekValue()
    switch kind {
    case .object:
      return try readObject()
    case .null:
      try scanner.readNull()
      return Properties()
    default:
      problems.append(
        error(
          .wrongType(expected: "an object or null", found: kind.description),
          field: join(featurePath, "properties")))
      try scanner.skipValue()
      return Properties()
    }
  }

  /// `id`: a string, or a number kept as written (RFC 7946 §3.2). Null means none; anything
  /// else is reported and skipped.
  private mutating func readID() throws(InputError) -> String? {
    section = .id
    let kind = try scanner.peekValue()
    switch kind {
    case .string: return try scanner.readString()
    case .number: return try scanner.readNumberText()
    case .null:
      try scanner.readNull()
      return nil
    default:
      problems.append(
        error(
          .wrongType(expected: "a string or a number", found: kind.description),
          field: join(featurePath, "id")))
      try scanner.skipValue()
      return nil
    }
  }

  /// An object as ordered properties. Recursion is bounded by the scanner's nesting limit.
  private mutating func readObject() throws(InputError) -> Properties {
    var pairs: [(String, PropertyValue)] = []
    if try scanner.beginObject() {
      repeat {
        let key = try scanner.readKey()
        let name = scanner.string(key)
        pairs.append((name, try readValue()))
      } while try scanner.nextMember()
    }
    return Properties(pairs)
  }

  /// Any JSON value as a property value, arrays and objects included.
  private mutating func readValue() throws(InputError) -> PropertyValue {
    switch try scanner.peekValue() {
    case .string: return .string(try scanner.readString())
    case .number: return .number(try scanner.readNumber())
    case .true, .false: return .bool(try scanner.readBool())
    case .null:
      try scanner.readNull()
      return .null
    case .array:
      var values: [PropertyValue] = []
      if try scanner.beginArray() {
        repeat { values.append(try readValue()) } while try scanner.nextElement()
      }
      return .array(values)
    case .object:
      return .object(try readObject())
    }
  }

  // MARK: - Bookkeeping

  /// Counts one more geometry of `type`, in first-seen order (a short linear search).
  private mutating func count(_ type: GeoJSONType) {
    let name = type.name
    if let index = typeCounts.firstIndex(where: { $0.type == name }) {
      typeCounts[index].count += 1
    } else {
      typeCounts.append((type: name, count: 1))
    }
  }

  /// An error at the current line and feature.
  func error(_ reason: InputError.Reason, field: String?) -> InputError {
    InputError(
      file: scanner.file, line: scanner.line, feature: featureIndex,
      field: field.flatMap { $0.isEmpty ? nil : $0 }, reason: reason)
  }

  /// `error` with the current feature and `field` filled in, unless it already names a place.
  func located(_ error: InputError, field: String?) -> InputError {
    guard error.feature == nil && error.field == nil else { return error }
    var located = error
    located.feature = featureIndex
    located.field = field.flatMap { $0.isEmpty ? nil : $0 }
    return located
  }

  /// `features[12]` in a collection; empty for a lone Feature or geometry.
  var featurePath: String {
    switch container {
    case .collection: featureIndex.map { "features[\($0)]" } ?? "features"
    case .feature, .geometry: ""
    }
  }

  /// `features[12].geometry`, `geometry` or empty (a bare geometry is the top-level object).
  var geometryPath: String {
    switch container {
    case .collection, .feature: join(featurePath, "geometry")
    case .geometry: ""
    }
  }

  /// The path of the section being read, for errors that do not know it themselves.
  private var sectionPath: String? {
    switch section {
    case .document: nil
    case .crs: "crs"
    case .feature: featurePath
    case .id: join(featurePath, "id")
    case .properties: join(featurePath, "properties")
    case .geometry: geometryPath
    }
  }

  /// `a.b`, or whichever is not empty.
  func join(_ head: String, _ tail: String) -> String {
    head.isEmpty ? tail : tail.isEmpty ? head : head + "." + tail
  }
}
