import GeoCore

/// The `coordinates` member (RFC 7946 §3.1.1–§3.1.7) of the six geometry types Hotspot reads.
///
/// Positions are read number by number from the bytes into one reused buffer; each ring is then
/// copied once into an array of exactly its size and validated by `Ring(closed:)`.
///
/// ## Properties
/// - A position is 2 or more numbers; a third and later ones (altitude, measure) are read and
///   dropped (§3.1.1). Fewer than 2 numbers, or anything not a number, is an error.
/// - Coordinates must be finite: `1e400` reads as infinity and is an error naming the position.
/// - A ring whose last position differs from its first is closed by repeating the first one, and
///   reported as `.ringClosed` in `problems`; a ring with fewer than 4 positions (after that
///   repair) is an error whose `found` counts the positions as written (§3.1.6).
/// - A line (LineString, or a part of a MultiLineString) with fewer than 2 positions is an error
///   (§3.1.4) naming the feature and the JSON path of the line.
/// - A Polygon with no rings, a LineString with no positions and an empty MultiPoint,
///   MultiLineString or MultiPolygon read as nil (RFC 7946 §3.1: empty coordinates may be taken
///   as a null geometry); an empty part inside a MultiPolygon or MultiLineString is an error.
/// - Errors name the deepest index reached, e.g. `features[3].geometry.coordinates[0][17][1]`.
/// - Coordinate arrays are at most four levels deep by construction, so they do not count
///   towards the scanner's nesting limit.
/// - Complexity: O(n) in the bytes of the coordinates.
extension GeoJSONParser {
  /// Reads the coordinates of a geometry of `type` (one of the six `isReadGeometry` types).
  mutating func readCoordinates(_ type: GeoJSONType) throws(InputError) -> Geometry? {
    section = .geometry
    var path = CoordinatePath()
    do throws(InputError) {
      switch type {
      case .point:
        return .point(try readPosition(&path, index: 0))
      case .multiPoint:
        try readPositions(&path, expected: "an array of positions")
        return pointBuffer.isEmpty ? nil : .multiPoint(copyOfPointBuffer())
      case .polygon:
        return try readPolygon(&path).map(Geometry.polygon)
      case .multiPolygon:
        var parts: [Polygon] = []
        if try openArray("an array of polygons") {
          var index = 0
          repeat {
            path.set(0, index)
            guard let part = try readPolygon(&path) else {
              throw InputError(
                file: scanner.file, line: scanner.line, reason: .geometry(.emptyPolygon))
            }
            parts.append(part)
            index += 1
          } while try nextCoordinate(after: "a polygon")
        }
        path.truncate(to: 0)
        return parts.isEmpty ? nil : .multiPolygon(MultiPolygon(parts))
      case .lineString:
        try readPositions(&path, expected: "an array of positions")
        return pointBuffer.isEmpty ? nil : .lineString(try line())
      case .multiLineString:
        var parts: [LineString] = []
        if try openArray("an array of lines") {
          var index = 0
          repeat {
            path.set(0, index)
            try readPositions(&path, expected: "a line (an array of positions)")
            parts.append(try line())
            index += 1
          } while try nextCoordinate(after: "a line")
        }
        path.truncate(to: 0)
        return parts.isEmpty ? nil : .multiLineString(parts)
      default:
        return nil
      }
    } catch {
      throw located(error, field: coordinatesPath(path))
    }
  }

  // MARK: - Private

  private func coordinatesPath(_ path: CoordinatePath) -> String {
    join(geometryPath, "coordinates") + path.text
  }

  /// An array of rings; nil when it is empty.
  private mutating func readPolygon(_ path: inout CoordinatePath) throws(InputError) -> Polygon? {
    let level = path.count
    guard try openArray("an array of rings") else { return nil }
    path.set(level, 0)
    let exterior = try readRing(&path)
    var holes: [Ring] = []
    var index = 1
    while try nextCoordinate(after: "a ring") {
      path.set(level, index)
      holes.append(try readRing(&path))
      index += 1
    }
    path.truncate(to: level)
    return Polygon(exterior: exterior, holes: holes)
  }

  /// A linear ring (§3.1.6), closed for the user when needed.
  private mutating func readRing(_ path: inout CoordinatePath) throws(InputError) -> Ring {
    try readPositions(&path, expected: "a ring (an array of positions)")
    let written = pointBuffer.count
    var repaired = false
    if let first = pointBuffer.first, let last = pointBuffer.last, first != last {
      pointBuffer.append(first)
      repaired = true
    }
    guard pointBuffer.count >= 4 else {
      throw InputError(
        file: scanner.file, line: scanner.line,
        reason: .geometry(.tooFewPositions(found: written, required: 4)))
    }
    if repaired { problems.append(error(.ringClosed, field: coordinatesPath(path))) }
    do {
      return try Ring(closed: copyOfPointBuffer())
    } catch {
      throw InputError(file: scanner.file, line: scanner.line, reason: .geometry(error))
    }
  }

  /// The positions in `pointBuffer` as a line (§3.1.4): 2 or more positions.
  private func line() throws(InputError) -> LineString {
    do {
      return try LineString(copyOfPointBuffer())
    } catch {
      throw InputError(file: scanner.file, line: scanner.line, reason: .geometry(error))
    }
  }

  /// Reads an array of positions into `pointBuffer`.
  private mutating func readPositions(
    _ path: inout CoordinatePath, expected: String
  ) throws(InputError) {
    pointBuffer.removeAll(keepingCapacity: true)
    let level = path.count
    guard try openArray(expected) else { return }
    var index = 0
    repeat {
      path.set(level, index)
      let point = try readPosition(&path, index: index)
      pointBuffer.append(point)
      index += 1
    } while try nextCoordinate(after: "a position")
    path.truncate(to: level)
  }

  /// One position `[x, y, …]`; `index` is its place in its ring or list, for errors.
  @inline(__always)
  private mutating func readPosition(
    _ path: inout CoordinatePath, index: Int
  ) throws(InputError) -> Point {
    let expected = "a position (an array of 2 or more numbers)"
    let level = path.count
    guard try openArray(expected) else {
      throw wrongType(expected: expected, found: "an empty array")
    }
    let x = try readCoordinateNumber(&path, level: level, axis: 0)
    guard try nextCoordinate(after: "a coordinate") else {
      path.truncate(to: level)
      throw wrongType(expected: expected, found: "an array of 1 number")
    }
    let y = try readCoordinateNumber(&path, level: level, axis: 1)
    var axis = 2
    while try nextCoordinate(after: "a coordinate") {
      _ = try readCoordinateNumber(&path, level: level, axis: axis)
      axis += 1
    }
    path.truncate(to: level)
    guard x.isFinite && y.isFinite else {
      throw InputError(
        file: scanner.file, line: scanner.line,
        reason: .geometry(.nonFiniteCoordinate(index: index)))
    }
    if x < minX { minX = x }
    if x > maxX { maxX = x }
    if y < minY { minY = y }
    if y > maxY { maxY = y }
    return Point(x: x, y: y)
  }

  @inline(__always)
  private mutating func readCoordinateNumber(
    _ path: inout CoordinatePath, level: Int, axis: Int
  ) throws(InputError) -> Double {
    let kind = try scanner.peekValue()
    guard kind == .number else {
      path.set(level, axis)
      throw wrongType(expected: "a number", found: kind.description)
    }
    return try scanner.readNumber()
  }

  /// Moves past `[`; returns false (past `]` too) when the array is empty.
  /// - Throws: `.wrongType(expected:…)` when the value here is not an array.
  @inline(__always)
  private mutating func openArray(_ expected: String) throws(InputError) -> Bool {
    if scanner.consume(UInt8(ascii: "[")) { return !scanner.consume(UInt8(ascii: "]")) }
    let kind = try scanner.peekValue()
    throw wrongType(expected: expected, found: kind.description)
  }

  /// After an element of a coordinate array: past `,` (true) or `]` (false).
  @inline(__always)
  private mutating func nextCoordinate(after what: String) throws(InputError) -> Bool {
    if scanner.consume(UInt8(ascii: ",")) { return true }
    if scanner.consume(UInt8(ascii: "]")) { return false }
    if scanner.isAtEnd() { throw scanner.endError("expected ',' or ']' after \(what)") }
    throw scanner.syntaxError("expected ',' or ']' after \(what), found \(scanner.foundText())")
  }

  private func wrongType(expected: String, found: String) -> InputError {
    InputError(
      file: scanner.file, line: scanner.line, reason: .wrongType(expected: expected, found: found))
  }

  /// The positions in `pointBuffer`, in an array of exactly their number.
  private func copyOfPointBuffer() -> [Point] {
    pointBuffer.withUnsafeBufferPointer { Array($0) }
  }
}

/// The indices below `coordinates` reached so far (`[0][17][1]`), kept without allocating.
private struct CoordinatePath {
  private var indices = (0, 0, 0, 0)
  /// How many indices are in the path (0 = `coordinates` itself).
  private(set) var count = 0

  /// Puts `index` at `level` (0-based) and drops any deeper indices.
  mutating func set(_ level: Int, _ index: Int) {
    switch level {
    case 0: indices.0 = index
    case 1: indices.1 = index
    case 2: indices.2 = index
    default: indices.3 = index
    }
    count = level + 1
  }

  /// Drops the indices at `level` and deeper.
  mutating func truncate(to level: Int) {
    count = level
  }

  /// The path as JSON indices: `[0][17][1]`.
  var text: String {
    let all = [indices.0, indices.1, indices.2, indices.3]
    return all.prefix(count).map { "[\($0)]" }.joined()
  }
}
