import GeoCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads GeoJSON (RFC 7946) boundary and point files into a `BoundaryLayer`.
///
/// Accepts a FeatureCollection (§3.3), a single Feature (§3.2) or a bare geometry (§3.1), with
/// members in any order. Point, MultiPoint, Polygon, MultiPolygon, LineString and
/// MultiLineString are read; other geometry types (GeometryCollection), null geometries and empty
/// coordinates keep their feature with `geometry == nil` and are reported in `problems`, so
/// feature indices always match the file. Properties keep their
/// order and types; `id` (a string, or a number kept as written) goes to `Feature.id`.
///
/// The CRS is decided by `CRSDecision.decide`: the caller's `declaredCRS`, then the legacy `crs`
/// member (RFC 7946 §4 dropped it, but ONS downloads still carry it), then the coordinates'
/// range. When the result is WGS84, every coordinate must lie within ±180°/±90°.
///
/// The JSON is parsed straight from the bytes by `JSONScanner` (RFC 8259): strict UTF-8 inside
/// strings, nesting limited to `JSONScanner.maximumDepth`, numbers correctly rounded.
///
/// - Throws: `InputError` naming the file, line, feature index and JSON path
///   (`features[12].geometry.coordinates[0]`): `.fileNotFound`, `.isDirectory`, `.notReadable`,
///   `.emptyFile`, `.syntax`, `.unexpectedEnd`, `.invalidUTF8`, `.nestingTooDeep`, `.wrongType`,
///   `.missingMember`, `.geometry(.tooFewPositions)` for a ring, `.geometry(.lineTooShort)` for a
///   line of fewer than 2 positions, `.geometry(.nonFiniteCoordinate)`,
///   `.unknownCRS`, `.coordinateOutOfRange`.
///
/// ## Properties
/// - Unclosed rings are closed by repeating their first position (`.ringClosed` warning).
/// - Coordinates beyond the second (z, m) are accepted and dropped.
/// - A property number beyond the range of `Double` (`1e400`) reads as ±infinity: properties are
///   kept as written, and only coordinates must be finite.
/// - Complexity: O(n) in the bytes: one pass when each `type` member comes before `features` and
///   `coordinates`, at most two otherwise. No allocation per number; one array per ring.
///
/// ## Example
///
///     let layer = try GeoJSONReader.read(file: "wards.geojson")
///     print(layer.collection.features.count, layer.crsDecision.crs)
///     // Prints "63 WGS84 lon/lat (EPSG:4326)"
public enum GeoJSONReader {
  /// Reads the file at `path`, all in memory in one go (boundary files are tens of MB at most).
  /// - Parameters:
  ///   - path: the GeoJSON file.
  ///   - declaredCRS: the user's `--crs`, which overrides the file's `crs` member and
  ///     makes an unknown member name acceptable.
  public static func read(file path: String, declaredCRS: CRS? = nil) throws(InputError)
    -> BoundaryLayer
  {
    let bytes = try readWholeFile(path)
    return try read(bytes: bytes, name: path, declaredCRS: declaredCRS)
  }

  /// Reads GeoJSON held in memory; `name` is the file name errors give.
  public static func read(
    bytes: [UInt8], name: String, declaredCRS: CRS? = nil
  ) throws(InputError) -> BoundaryLayer {
    let result = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(InputError) -> BoundaryLayer in
        var parser = GeoJSONParser(bytes: buffer, file: name, declaredCRS: declaredCRS)
        let features = try parser.readDocument()
        let decision = try parser.decideCRS(for: features)
        return BoundaryLayer(
          collection: FeatureCollection(features: features, crs: decision.crs),
          crsDecision: decision, declaredCRSText: parser.crsMember, problems: parser.problems,
          geometryTypeCounts: parser.typeCounts, byteCount: bytes.count, format: .geoJSON,
          files: [name])
      }
    }
    return try result.get()
  }
}

/// The bytes of a regular file (also the Shapefile reader's, for each of its files).
/// - Throws: `.fileNotFound`, `.isDirectory`, or `.notReadable` with the system's reason.
func readWholeFile(_ path: String) throws(InputError) -> [UInt8] {
  var status = stat()
  guard stat(path, &status) == 0 else {
    let code = errno
    if code == ENOENT || code == ENOTDIR { throw InputError(file: path, reason: .fileNotFound) }
    throw InputError(file: path, reason: .notReadable(systemMessage(code)))
  }
  if status.st_mode & S_IFMT == S_IFDIR { throw InputError(file: path, reason: .isDirectory) }
  let descriptor = open(path, O_RDONLY)
  guard descriptor >= 0 else {
    throw InputError(file: path, reason: .notReadable(systemMessage(errno)))
  }
  defer { close(descriptor) }
  // One read of the size `stat` gave, plus one byte to see the end; more only if the file grew.
  let chunkSize = max(Int(status.st_size), 0) + 1
  var bytes: [UInt8] = []
  var failure: Int32 = 0
  var ended = false
  while !ended && failure == 0 {
    let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, count in
      count = 0
      guard let base = buffer.baseAddress else { return }
      while count < chunkSize {
        let result = read(descriptor, base + count, chunkSize - count)
        if result < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if result == 0 {
          ended = true
          return
        }
        count += result
      }
    }
    if bytes.isEmpty { bytes = chunk } else { bytes.append(contentsOf: chunk) }
  }
  if failure != 0 { throw InputError(file: path, reason: .notReadable(systemMessage(failure))) }
  return bytes
}

private func systemMessage(_ code: Int32) -> String {
  String(cString: strerror(code))
}
