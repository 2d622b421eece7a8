import Foundation
import GeoCore
import GeoIO

/// The Shapefile fixtures under `Fixtures/shapefile/` (written by `make_fixtures.py` there).
enum ShapefileFixture {
  /// The path of fixture `name` (`durham-divisions-wgs84.shp`).
  static func path(_ name: String) -> String {
    let folder =
      Bundle.module.url(forResource: "Fixtures", withExtension: nil)
      ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures")
    return folder.appendingPathComponent("shapefile").appendingPathComponent(name).path
  }
}

/// Builds the bytes of a small Shapefile (`.shp`, `.shx`, `.dbf`) in memory, as the ESRI
/// specification and dBASE III lay them out, so that tests can break one thing at a time.
struct ShapefileBuilder {
  /// A record's shape.
  enum Shape {
    case null
    case point(Double, Double)
    case multiPoint([(Double, Double)])
    /// Parts in order, positions as written (closed or not).
    case polygon([[(Double, Double)]])
    /// Parts in order (the PolyLine layout is the Polygon one).
    case polyLine([[(Double, Double)]])
    /// Any content after the record header, as given.
    case raw([UInt8])
  }

  /// The type in the headers; also the type of every non-null, non-raw record.
  var shapeType: Int32 = 5
  var shapes: [Shape]
  /// dBASE fields: name, type letter, width, decimals.
  var fields: [(name: String, type: Character, length: Int, decimals: Int)] = [
    ("NAME", "C", 20, 0)
  ]
  /// Field bytes per record (padded by the builder); `area 1`, `area 2`… when nil.
  var rows: [[[UInt8]]]?
  /// 1-based records flagged `*`.
  var deleted: Set<Int> = []
  var languageDriver: UInt8 = 0

  init(shapeType: Int32 = 5, shapes: [Shape]) {
    self.shapeType = shapeType
    self.shapes = shapes
  }

  /// A clockwise square with its lower-left corner at (x, y).
  static func square(_ x: Double, _ y: Double, _ size: Double) -> [(Double, Double)] {
    [(x, y), (x, y + size), (x + size, y + size), (x + size, y), (x, y)]
  }

  /// The content of each record (after its 8-byte header).
  var contents: [[UInt8]] {
    shapes.map { shape in
      var bytes: [UInt8] = []
      switch shape {
      case .null:
        bytes.appendInt32LE(0)
      case .point(let x, let y):
        bytes.appendInt32LE(shapeType)
        bytes.appendDoubleLE(x)
        bytes.appendDoubleLE(y)
        if shapeType == 11 { bytes.appendDoubleLE(5) }
        if shapeType == 11 || shapeType == 21 { bytes.appendDoubleLE(7) }
      case .multiPoint(let points):
        bytes.appendInt32LE(shapeType)
        appendBox(points, to: &bytes)
        bytes.appendInt32LE(Int32(points.count))
        for (x, y) in points {
          bytes.appendDoubleLE(x)
          bytes.appendDoubleLE(y)
        }
        appendZM(count: points.count, to: &bytes)
      case .polygon(let parts), .polyLine(let parts):
        let points = parts.flatMap { $0 }
        bytes.appendInt32LE(shapeType)
        appendBox(points, to: &bytes)
        bytes.appendInt32LE(Int32(parts.count))
        bytes.appendInt32LE(Int32(points.count))
        var start: Int32 = 0
        for part in parts {
          bytes.appendInt32LE(start)
          start += Int32(part.count)
        }
        for (x, y) in points {
          bytes.appendDoubleLE(x)
          bytes.appendDoubleLE(y)
        }
        appendZM(count: points.count, to: &bytes)
      case .raw(let content):
        bytes = content
      }
      return bytes
    }
  }

  /// The byte offset of each record header in the `.shp`.
  var recordOffsets: [Int] {
    var offsets: [Int] = []
    var offset = 100
    for content in contents {
      offsets.append(offset)
      offset += 8 + content.count
    }
    return offsets
  }

  var shp: [UInt8] {
    var records: [UInt8] = []
    for (index, content) in contents.enumerated() {
      records.appendInt32BE(Int32(index + 1))
      records.appendInt32BE(Int32(content.count / 2))
      records += content
    }
    return header(length: 100 + records.count) + records
  }

  var shx: [UInt8] {
    var index: [UInt8] = []
    for (offset, content) in zip(recordOffsets, contents) {
      index.appendInt32BE(Int32(offset / 2))
      index.appendInt32BE(Int32(content.count / 2))
    }
    return header(length: 100 + index.count) + index
  }

  var dbf: [UInt8] {
    let rows =
      self.rows ?? shapes.indices.map { index in [Array("area \(index + 1)".utf8)] }
    let headerLength = 32 + 32 * fields.count + 1
    let recordLength = 1 + fields.reduce(0) { $0 + $1.length }
    var bytes: [UInt8] = [0x03, 124, 1, 1]
    bytes.appendInt32LE(Int32(rows.count))
    bytes += [UInt8(headerLength & 0xFF), UInt8(headerLength >> 8)]
    bytes += [UInt8(recordLength & 0xFF), UInt8(recordLength >> 8)]
    bytes += [UInt8](repeating: 0, count: 17) + [languageDriver, 0, 0]
    for field in fields {
      var name = Array(field.name.utf8.prefix(11))
      name += [UInt8](repeating: 0, count: 11 - name.count)
      bytes += name + Array(String(field.type).utf8) + [0, 0, 0, 0]
      bytes +=
        [UInt8(field.length & 0xFF), UInt8(field.decimals)] + [UInt8](repeating: 0, count: 14)
    }
    bytes.append(0x0D)
    for (number, row) in rows.enumerated() {
      bytes.append(deleted.contains(number + 1) ? UInt8(ascii: "*") : UInt8(ascii: " "))
      for (index, field) in fields.enumerated() {
        let value = index < row.count ? row[index] : []
        let padding = [UInt8](repeating: 0x20, count: max(0, field.length - value.count))
        let isNumeric = field.type == "N" || field.type == "F"
        bytes +=
          isNumeric ? padding + value.prefix(field.length) : value.prefix(field.length) + padding
      }
    }
    bytes.append(0x1A)
    return bytes
  }

  /// Reads the built files, after `change` has had its way with them.
  func read(
    prj: String? = ShapefileBuilder.wgs84, cpg: String? = "UTF-8", declaredCRS: CRS? = nil,
    change: (inout [UInt8], inout [UInt8], inout [UInt8]) -> Void = { _, _, _ in }
  ) throws(InputError) -> BoundaryLayer {
    var (shp, shx, dbf) = (self.shp, self.shx, self.dbf)
    change(&shp, &shx, &dbf)
    return try ShapefileReader.read(
      shp: shp, shx: shx, dbf: dbf, prj: prj.map { Array($0.utf8) },
      cpg: cpg.map { Array($0.utf8) },
      name: "test.shp", declaredCRS: declaredCRS)
  }

  /// The error `read` throws, or nil when it reads.
  func error(
    prj: String? = ShapefileBuilder.wgs84, cpg: String? = "UTF-8",
    change: (inout [UInt8], inout [UInt8], inout [UInt8]) -> Void = { _, _, _ in }
  ) -> InputError? {
    do {
      _ = try read(prj: prj, cpg: cpg, change: change)
      return nil
    } catch {
      return error
    }
  }

  static let wgs84 =
    #"GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]"#

  // MARK: - Private

  private func header(length: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.appendInt32BE(9994)
    for _ in 0..<5 { bytes.appendInt32BE(0) }
    bytes.appendInt32BE(Int32(length / 2))
    bytes.appendInt32LE(1000)
    bytes.appendInt32LE(shapeType)
    for _ in 0..<8 { bytes.appendDoubleLE(0) }
    return bytes
  }

  private func appendBox(_ points: [(Double, Double)], to bytes: inout [UInt8]) {
    bytes.appendDoubleLE(points.map(\.0).min() ?? 0)
    bytes.appendDoubleLE(points.map(\.1).min() ?? 0)
    bytes.appendDoubleLE(points.map(\.0).max() ?? 0)
    bytes.appendDoubleLE(points.map(\.1).max() ?? 0)
  }

  /// Z (for the Z types) and M values, which the reader must skip.
  private func appendZM(count: Int, to bytes: inout [UInt8]) {
    let hasZ = [13, 15, 18].contains(shapeType)
    let hasM = hasZ || [23, 25, 28].contains(shapeType)
    for present in [hasZ, hasM] where present {
      bytes.appendDoubleLE(0)
      bytes.appendDoubleLE(Double(count))
      for index in 0..<count { bytes.appendDoubleLE(Double(index)) }
    }
  }
}

extension Array where Element == UInt8 {
  mutating func appendInt32BE(_ value: Int32) {
    let bits = UInt32(bitPattern: value)
    append(contentsOf: [
      UInt8(bits >> 24), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits & 0xFF),
    ])
  }

  mutating func appendInt32LE(_ value: Int32) {
    let bits = UInt32(bitPattern: value)
    append(contentsOf: [
      UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 24),
    ])
  }

  mutating func appendDoubleLE(_ value: Double) {
    let bits = value.bitPattern
    for shift in stride(from: 0, to: 64, by: 8) { append(UInt8(bits >> UInt64(shift) & 0xFF)) }
  }

  /// Overwrites 4 bytes at `offset` with `value`, most significant first.
  mutating func setInt32BE(_ value: Int32, at offset: Int) {
    var bytes: [UInt8] = []
    bytes.appendInt32BE(value)
    replaceSubrange(offset..<offset + 4, with: bytes)
  }

  /// Overwrites 4 bytes at `offset` with `value`, least significant first.
  mutating func setInt32LE(_ value: Int32, at offset: Int) {
    var bytes: [UInt8] = []
    bytes.appendInt32LE(value)
    replaceSubrange(offset..<offset + 4, with: bytes)
  }

  /// Overwrites 8 bytes at `offset` with `value`, least significant first.
  mutating func setDoubleLE(_ value: Double, at offset: Int) {
    var bytes: [UInt8] = []
    bytes.appendDoubleLE(value)
    replaceSubrange(offset..<offset + 8, with: bytes)
  }
}
