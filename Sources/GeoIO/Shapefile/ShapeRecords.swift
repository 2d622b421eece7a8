import GeoCore

/// The shape types of the ESRI Shapefile Technical Description (July 1998), p. 4.
public enum ShapeType: Int, Hashable, Sendable, CustomStringConvertible {
  case null = 0
  case point = 1
  case polyLine = 3
  case polygon = 5
  case multiPoint = 8
  case pointZ = 11
  case polyLineZ = 13
  case polygonZ = 15
  case multiPointZ = 18
  case pointM = 21
  case polyLineM = 23
  case polygonM = 25
  case multiPointM = 28
  case multiPatch = 31

  /// The specification's name: `Polygon`, `PolygonZ`, `MultiPointM`, `Null`…
  public var description: String {
    switch self {
    case .null: "Null"
    case .point: "Point"
    case .polyLine: "PolyLine"
    case .polygon: "Polygon"
    case .multiPoint: "MultiPoint"
    case .pointZ: "PointZ"
    case .polyLineZ: "PolyLineZ"
    case .polygonZ: "PolygonZ"
    case .multiPointZ: "MultiPointZ"
    case .pointM: "PointM"
    case .polyLineM: "PolyLineM"
    case .polygonM: "PolygonM"
    case .multiPointM: "MultiPointM"
    case .multiPatch: "MultiPatch"
    }
  }
}

/// One record's shape as the `.shp` stores it: X and Y only (Z and M dropped), rings not yet
/// closed, checked or sorted into polygons, lines not yet checked.
enum StoredShape {
  case null
  case point(Point)
  case multiPoint([Point])
  /// The positions of each part, in file order.
  case polygon(parts: [[Point]])
  /// The positions of each part, in file order, not yet checked to hold 2 or more.
  case polyLine(parts: [[Point]])
  /// A type Hotspot does not read (MultiPatch).
  case unsupported(ShapeType)
}

/// The main file (`.shp`) and its index (`.shx`) of an ESRI Shapefile: the headers checked, and
/// each record read through the offset and length the index gives.
///
/// Layout (ESRI Shapefile Technical Description, July 1998): both files open with a 100-byte
/// header (file code 9994 and file length in 16-bit words, big-endian; version 1000 and shape
/// type, little-endian; the bounding box). The index then holds 8 bytes per record: offset and
/// content length, in 16-bit words, big-endian. A record is an 8-byte header (number and content
/// length, big-endian) and its content, little-endian: the shape type, then for a Point X and Y;
/// for a MultiPoint the box, the number of points and the points; for a Polygon or a PolyLine the
/// box, the numbers of parts and points, the index of each part's first point, and the points.
/// Z and M values follow the points in the Z and M types; Hotspot skips them.
///
/// ## Properties
/// - Every offset and length read from either file is checked against the bytes that remain
///   before it is used; values come from 32-bit fields, so sums and products of a few of them
///   cannot overflow a 64-bit `Int`, and are formed with `&+`/`&*`, which never trap.
/// - Errors name the file and the record (1-based, as the `.shp` numbers them) in `field`.
/// - Complexity: O(n) in the bytes of the record read.
struct ShapeRecords {
  let shp: ByteView
  let shx: ByteView
  /// The names errors give for the two files.
  let shpName: String
  let shxName: String
  /// The shape type in the `.shp` header.
  let shapeType: ShapeType
  /// The number of records, from the index.
  let recordCount: Int

  /// The size of a main file or index header.
  static let headerLength = 100

  /// Checks both headers and finds the number of records in the index.
  /// - Throws: `.emptyFile`, `.unexpectedEnd` for a file shorter than its header or an index
  ///   shorter than its header says, `.syntax` for a file code other than 9994,
  ///   `.unknownShapeType`.
  init(shp: [UInt8], shx: [UInt8], shpName: String, shxName: String) throws(InputError) {
    self.shp = ByteView(shp)
    self.shx = ByteView(shx)
    self.shpName = shpName
    self.shxName = shxName
    let type = try Self.checkHeader(self.shp, name: shpName)
    _ = try Self.checkHeader(self.shx, name: shxName)
    guard let shapeType = ShapeType(rawValue: type) else {
      throw InputError(file: shpName, field: "header", reason: .unknownShapeType(type))
    }
    self.shapeType = shapeType
    let declared = self.shx.int32BigEndian(at: 24) &* 2
    guard declared <= self.shx.count else {
      throw InputError(
        file: shxName, field: "header",
        reason: .unexpectedEnd(
          "the header gives a length of \(declared) bytes but the file holds \(self.shx.count)"))
    }
    recordCount = max(0, declared &- Self.headerLength) / 8
  }

  /// The shape of record `index` (0-based; errors say `record \(index + 1)`).
  /// - Throws: `.syntax` for an index offset inside the header or a negative count,
  ///   `.unexpectedEnd` for a record that runs past the end of the `.shp`,
  ///   `.recordLengthMismatch`, `.recordTooShort`, `.unknownShapeType`,
  ///   `.partIndexOutOfRange`, `.geometry(.nonFiniteCoordinate)`.
  func record(_ index: Int) throws(InputError) -> StoredShape {
    precondition(index >= 0 && index < recordCount)
    let number = index &+ 1
    let field = "record \(number)"
    let entry = Self.headerLength &+ 8 &* index
    let offset = shx.int32BigEndian(at: entry) &* 2
    let indexedLength = shx.int32BigEndian(at: entry &+ 4) &* 2
    guard offset >= Self.headerLength else {
      throw InputError(
        file: shxName, field: field,
        reason: .syntax(
          "the index gives the record an offset of \(offset) bytes, inside the header"))
    }
    guard shp.contains(offset, 8) else {
      throw InputError(
        file: shpName, field: field,
        reason: .unexpectedEnd(
          "the record starts at byte \(offset) but the file holds \(shp.count) bytes"))
    }
    let length = shp.int32BigEndian(at: offset &+ 4) &* 2
    guard length == indexedLength else {
      throw InputError(
        file: shpName, field: field,
        reason: .recordLengthMismatch(shp: length, shx: indexedLength))
    }
    let start = offset &+ 8
    guard length >= 4 else {
      throw InputError(
        file: shpName, field: field, reason: .recordTooShort(needed: 4, length: length))
    }
    guard shp.contains(start, length) else {
      throw InputError(
        file: shpName, field: field,
        reason: .unexpectedEnd(
          "the record needs \(length) bytes but only \(shp.remaining(from: start)) remain"))
    }
    let content = RecordContent(
      view: shp, start: start, length: length, file: shpName, number: number)
    return try content.read()
  }

  /// The shape type of a main file or index whose header is checked.
  private static func checkHeader(_ view: ByteView, name: String) throws(InputError) -> Int {
    guard view.count > 0 else { throw InputError(file: name, reason: .emptyFile) }
    guard view.contains(0, headerLength) else {
      throw InputError(
        file: name, field: "header",
        reason: .unexpectedEnd(
          "the header needs \(headerLength) bytes but the file holds \(view.count)"))
    }
    let code = view.int32BigEndian(at: 0)
    guard code == 9994 else {
      throw InputError(
        file: name, field: "header",
        reason: .syntax("not a Shapefile: the file code is \(code), not 9994"))
    }
    return view.int32LittleEndian(at: 32)
  }
}

/// The content of one record, already known to lie inside the file.
private struct RecordContent {
  let view: ByteView
  let start: Int
  let length: Int
  let file: String
  let number: Int

  func error(_ reason: InputError.Reason, part: Int? = nil) -> InputError {
    InputError(
      file: file, field: "record \(number)" + (part.map { ", part \($0)" } ?? ""), reason: reason)
  }

  /// Throws unless the record holds at least `needed` bytes.
  func require(_ needed: Int) throws(InputError) {
    guard needed <= length else { throw error(.recordTooShort(needed: needed, length: length)) }
  }

  /// A count (of parts or points) at `offset` in the content; never negative.
  func count(at offset: Int, of what: String) throws(InputError) -> Int {
    let value = view.int32LittleEndian(at: start &+ offset)
    guard value >= 0 else { throw error(.syntax("the record gives \(value) \(what)")) }
    return value
  }

  /// `count` X/Y pairs from `offset` in the content; `part` and `first` name a bad one.
  func points(at offset: Int, count: Int, part: Int?, first: Int = 0) throws(InputError) -> [Point] {
    var points: [Point] = []
    points.reserveCapacity(count)
    var position = start &+ offset
    for index in 0..<count {
      let point = Point(
        x: view.doubleLittleEndian(at: position), y: view.doubleLittleEndian(at: position &+ 8))
      guard point.isFinite else {
        throw error(.geometry(.nonFiniteCoordinate(index: index &+ first)), part: part)
      }
      points.append(point)
      position = position &+ 16
    }
    return points
  }

  func read() throws(InputError) -> StoredShape {
    let rawType = view.int32LittleEndian(at: start)
    guard let type = ShapeType(rawValue: rawType) else { throw error(.unknownShapeType(rawType)) }
    switch type {
    case .null:
      return .null
    case .point, .pointZ, .pointM:
      try require(20)
      return .point(try points(at: 4, count: 1, part: nil)[0])
    case .multiPoint, .multiPointZ, .multiPointM:
      try require(40)
      let count = try count(at: 36, of: "points")
      try require(40 &+ 16 &* count)
      return .multiPoint(try points(at: 40, count: count, part: nil))
    case .polygon, .polygonZ, .polygonM:
      return .polygon(parts: try parts())
    case .polyLine, .polyLineZ, .polyLineM:
      return .polyLine(parts: try parts())
    case .multiPatch:
      return .unsupported(type)
    }
  }

  /// The parts of a Polygon or PolyLine record, which share a layout: Box, NumParts, NumPoints,
  /// Parts[NumParts], Points[NumPoints] (then Z and M, skipped). Empty when either count is 0.
  private func parts() throws(InputError) -> [[Point]] {
    try require(44)
    let partCount = try count(at: 36, of: "parts")
    let pointCount = try count(at: 40, of: "points")
    let pointsOffset = 44 &+ 4 &* partCount
    try require(pointsOffset &+ 16 &* pointCount)
    guard partCount > 0 && pointCount > 0 else { return [] }
    var starts: [Int] = []
    starts.reserveCapacity(partCount)
    for part in 0..<partCount {
      let first = view.int32LittleEndian(at: start &+ 44 &+ 4 &* part)
      guard first >= (starts.last ?? 0) && first < pointCount else {
        throw error(
          .partIndexOutOfRange(part: part &+ 1, start: first, pointCount: pointCount))
      }
      starts.append(first)
    }
    var parts: [[Point]] = []
    parts.reserveCapacity(partCount)
    for (part, first) in starts.enumerated() {
      let end = part &+ 1 < starts.count ? starts[part &+ 1] : pointCount
      parts.append(
        try points(
          at: pointsOffset &+ 16 &* first, count: end &- first, part: part &+ 1, first: 0))
    }
    return parts
  }
}
