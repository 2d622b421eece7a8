import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@testable import GeoIO

/// One test per way a Shapefile can be broken, each naming the file, the record and the reason.
///
/// The files are built by `ShapefileBuilder`: three 1 × 1 squares unless a test says otherwise.
/// Each square is a 128-byte record content (type, box, counts, one part index, five points),
/// so records start at bytes 100, 236 and 372 of the `.shp`, which is 508 bytes long; the `.shx`
/// is 124 bytes; the `.dbf` has 21-byte records.
@Suite("Shapefile reader errors")
struct ShapefileReaderErrorTests {
  static let squares = ShapefileBuilder(
    shapes: (0..<3).map { .polygon([ShapefileBuilder.square(Double($0) * 2, 0, 1)]) })

  @Test("the three squares read, which the other tests then break")
  func baseline() throws {
    let layer = try Self.squares.read()
    #expect(layer.collection.features.count == 3)
    #expect(Self.squares.shp.count == 508)
    #expect(Self.squares.recordOffsets == [100, 236, 372])
    #expect(layer.problems.isEmpty)
  }

  // MARK: - Companions and headers

  @Test(
    "a missing .shx or .dbf is an error (exit 66); read from disk, it names the file looked for")
  func missingCompanions() throws {
    let builder = Self.squares
    let noIndex = InputError(
      file: "test.shp", reason: .companionMissing(file: "test.shx", fallback: nil))
    #expect(throws: noIndex) {
      try ShapefileReader.read(shp: builder.shp, shx: nil, dbf: builder.dbf, name: "test.shp")
    }
    #expect(noIndex.exitStatus == 66)
    #expect(
      throws: InputError(
        file: "test.shp", reason: .companionMissing(file: "test.dbf", fallback: nil))
    ) {
      try ShapefileReader.read(shp: builder.shp, shx: builder.shx, dbf: nil, name: "test.shp")
    }
    let folder = try TemporaryFolder("shapefile-missing")
    try Data(builder.shp).write(to: folder.url.appendingPathComponent("wards.shp"))
    try Data(builder.shx).write(to: folder.url.appendingPathComponent("wards.shx"))
    let path = folder.path("wards.shp")
    let error = InputError(file: path, reason: .companionMissing(file: "wards.dbf", fallback: nil))
    #expect(throws: error) { try ShapefileReader.read(file: path) }
    #expect(
      error.description
        == "\(path): there is no wards.dbf; a Shapefile needs its .shp, .shx and .dbf side by side")
    #expect(throws: InputError(file: folder.path("none.shp"), reason: .fileNotFound)) {
      try ShapefileReader.read(file: folder.path("none.shp"))
    }
  }

  @Test("a file shorter than its header is an error naming the file")
  func shorterThanHeader() {
    #expect(
      Self.squares.error { shp, _, _ in shp.removeLast(448) }
        == InputError(
          file: "test.shp", field: "header",
          reason: .unexpectedEnd("the header needs 100 bytes but the file holds 60")))
    #expect(
      Self.squares.error { _, shx, _ in shx.removeLast(84) }
        == InputError(
          file: "test.shx", field: "header",
          reason: .unexpectedEnd("the header needs 100 bytes but the file holds 40")))
    #expect(
      Self.squares.error { _, _, dbf in dbf.removeLast(dbf.count - 20) }
        == InputError(
          file: "test.dbf", field: "header",
          reason: .unexpectedEnd("the header needs 32 bytes but the file holds 20")))
    #expect(
      Self.squares.error { shp, _, _ in shp.removeAll() }
        == InputError(file: "test.shp", reason: .emptyFile))
  }

  @Test("an index that is shorter than its header says is an error")
  func indexShorterThanDeclared() {
    #expect(
      Self.squares.error { _, shx, _ in shx.removeLast(8) }
        == InputError(
          file: "test.shx", field: "header",
          reason: .unexpectedEnd("the header gives a length of 124 bytes but the file holds 116")))
  }

  @Test("a file code other than 9994 is not a Shapefile")
  func fileCode() {
    #expect(
      Self.squares.error { shp, _, _ in shp.setInt32BE(1234, at: 0) }
        == InputError(
          file: "test.shp", field: "header",
          reason: .syntax("not a Shapefile: the file code is 1234, not 9994")))
  }

  @Test("an unknown shape type is an error, in the header or in a record")
  func unknownShapeType() {
    #expect(
      Self.squares.error { shp, _, _ in shp.setInt32LE(99, at: 32) }
        == InputError(file: "test.shp", field: "header", reason: .unknownShapeType(99)))
    #expect(
      Self.squares.error { shp, _, _ in shp.setInt32LE(7, at: 236 + 8) }
        == InputError(file: "test.shp", field: "record 2", reason: .unknownShapeType(7)))
  }

  // MARK: - Records

  @Test("a truncated record is an error naming the record")
  func truncatedRecord() {
    let error = Self.squares.error { shp, _, _ in shp.removeLast(10) }
    #expect(
      error
        == InputError(
          file: "test.shp", field: "record 3",
          reason: .unexpectedEnd("the record needs 128 bytes but only 118 remain")))
    #expect(
      error?.description
        == "test.shp, record 3: the file ends early (the record needs 128 bytes but only 118 remain); it may be truncated"
    )
  }

  @Test("a record length that disagrees with the index (.shx) is an error")
  func lengthDisagreesWithIndex() {
    let error = Self.squares.error { _, shx, _ in shx.setInt32BE(68, at: 100 + 8 + 4) }
    #expect(
      error
        == InputError(
          file: "test.shp", field: "record 2", reason: .recordLengthMismatch(shp: 128, shx: 136)))
    #expect(
      error?.description
        == "test.shp, record 2: the record is 128 bytes long in the .shp but 136 in the index (.shx); one of them is damaged"
    )
  }

  @Test("an index offset inside the header, or past the end of the .shp, is an error")
  func badOffsets() {
    #expect(
      Self.squares.error { _, shx, _ in shx.setInt32BE(10, at: 100) }
        == InputError(
          file: "test.shx", field: "record 1",
          reason: .syntax("the index gives the record an offset of 20 bytes, inside the header")))
    #expect(
      Self.squares.error { _, shx, _ in shx.setInt32BE(10_000, at: 108) }
        == InputError(
          file: "test.shp", field: "record 2",
          reason: .unexpectedEnd("the record starts at byte 20000 but the file holds 508 bytes")))
  }

  @Test("a part index out of range, or before the previous part's, is an error")
  func partIndexOutOfRange() {
    let twoParts = ShapefileBuilder(shapes: [
      .polygon([ShapefileBuilder.square(0, 0, 1), ShapefileBuilder.square(2, 0, 1)])
    ])
    // Part indices start at content byte 44, after the 8-byte record header at byte 100.
    #expect(
      twoParts.error { shp, _, _ in shp.setInt32LE(50, at: 100 + 8 + 48) }
        == InputError(
          file: "test.shp", field: "record 1",
          reason: .partIndexOutOfRange(part: 2, start: 50, pointCount: 10)))
    #expect(
      twoParts.error { shp, _, _ in shp.setInt32LE(-1, at: 100 + 8 + 48) }
        == InputError(
          file: "test.shp", field: "record 1",
          reason: .partIndexOutOfRange(part: 2, start: -1, pointCount: 10)))
    let threeParts = ShapefileBuilder(shapes: [
      .polygon((0..<3).map { ShapefileBuilder.square(Double($0) * 2, 0, 1) })
    ])
    #expect(
      threeParts.error { shp, _, _ in shp.setInt32LE(3, at: 100 + 8 + 52) }
        == InputError(
          file: "test.shp", field: "record 1",
          reason: .partIndexOutOfRange(part: 3, start: 3, pointCount: 15)))
  }

  @Test(
    "counts of parts and points that need more bytes than the record holds are an error, without overflow"
  )
  func countsTooLarge() {
    #expect(
      Self.squares.error { shp, _, _ in shp.setInt32LE(Int32.max, at: 100 + 8 + 40) }
        == InputError(
          file: "test.shp", field: "record 1",
          reason: .recordTooShort(needed: 48 + 16 * Int(Int32.max), length: 128)))
    #expect(
      Self.squares.error { shp, _, _ in shp.setInt32LE(Int32.max, at: 236 + 8 + 36) }
        == InputError(
          file: "test.shp", field: "record 2",
          reason: .recordTooShort(needed: 44 + 4 * Int(Int32.max) + 80, length: 128)))
    #expect(
      Self.squares.error { shp, _, _ in shp.setInt32LE(-1, at: 100 + 8 + 36) }
        == InputError(
          file: "test.shp", field: "record 1", reason: .syntax("the record gives -1 parts")))
    let point = ShapefileBuilder(shapeType: 1, shapes: [.point(1, 2)])
    #expect(
      point.error { shp, shx, _ in
        shp.setInt32BE(1, at: 104)
        shx.setInt32BE(1, at: 104)
      }
        == InputError(
          file: "test.shp", field: "record 1", reason: .recordTooShort(needed: 4, length: 2)))
    #expect(
      point.error { shp, shx, _ in
        shp.setInt32BE(4, at: 104)
        shx.setInt32BE(4, at: 104)
      }
        == InputError(
          file: "test.shp", field: "record 1", reason: .recordTooShort(needed: 20, length: 8)))
  }

  @Test("a non-finite coordinate is an error naming the record, part and position")
  func nonFinite() {
    // Points of the first record start after its header (8), the fixed fields (44) and one part index (4).
    #expect(
      Self.squares.error { shp, _, _ in shp.setDoubleLE(.nan, at: 100 + 8 + 48 + 16 * 2) }
        == InputError(
          file: "test.shp", field: "record 1, part 1",
          reason: .geometry(.nonFiniteCoordinate(index: 2))))
    let point = ShapefileBuilder(shapeType: 1, shapes: [.point(1, 2)])
    #expect(
      point.error { shp, _, _ in shp.setDoubleLE(.infinity, at: 100 + 8 + 4 + 8) }
        == InputError(
          file: "test.shp", field: "record 1", reason: .geometry(.nonFiniteCoordinate(index: 0))))
  }

  @Test("a ring of fewer than 4 positions is refused, as the GeoJSON reader refuses it")
  func tooFewPositions() {
    let sliver = ShapefileBuilder(shapes: [.polygon([[(0, 0), (1, 1), (0, 0)]])])
    #expect(
      sliver.error()
        == InputError(
          file: "test.shp", field: "record 1, part 1",
          reason: .geometry(.tooFewPositions(found: 3, required: 4))))
  }

  // MARK: - The .dbf

  @Test("a .dbf with fewer records than the .shp is an error; with more, a warning")
  func recordCounts() throws {
    var fewer = Self.squares
    fewer.rows = [[Array("a".utf8)], [Array("b".utf8)]]
    #expect(
      fewer.error()
        == InputError(
          file: "test.dbf", field: "record 3", reason: .recordCountMismatch(dbf: 2, shp: 3)))
    #expect(
      fewer.error()?.description
        == "test.dbf, record 3: the .dbf holds 2 records and the .shp 3; every shape needs its row of attributes"
    )
    var more = Self.squares
    more.rows = (1...4).map { [Array("row \($0)".utf8)] }
    let layer = try more.read()
    #expect(layer.collection.features.count == 3)
    #expect(
      layer.problems == [InputError(file: "test.dbf", reason: .recordCountMismatch(dbf: 4, shp: 3))]
    )
  }

  @Test("a .dbf cut short inside its records is an error naming the first record missing")
  func truncatedTable() {
    #expect(
      Self.squares.error { _, _, dbf in dbf.removeLast(10) }
        == InputError(
          file: "test.dbf", field: "record 3",
          reason: .unexpectedEnd(
            "the header declares 3 records of 21 bytes but the file holds 2 whole ones")))
  }

  @Test("fields wider than the records the header gives are an error")
  func fieldsWiderThanRecords() {
    #expect(
      Self.squares.error { _, _, dbf in dbf[10] = 5 }
        == InputError(
          file: "test.dbf", field: "header",
          reason: .syntax("the fields need 21 bytes per record but the header gives records of 5")))
  }

  @Test("a deleted record is skipped and reported, and later records keep their numbers")
  func deletedRecord() throws {
    var builder = Self.squares
    builder.deleted = [2]
    let layer = try builder.read { shp, _, _ in shp.setInt32LE(7, at: 236 + 8) }
    #expect(
      layer.collection.features.map { $0.properties["NAME"] } == [
        .string("area 1"), .string("area 3"),
      ])
    #expect(
      layer.problems == [InputError(file: "test.dbf", field: "record 2", reason: .deletedRecord)])
  }

  // MARK: - Never a crash

  @Test(
    "every truncation of the .shp or the .shx is an error, and of the .dbf an error or a layer, never a crash"
  )
  func everyTruncation() {
    let builder = Self.squares
    let (shp, shx, dbf) = (builder.shp, builder.shx, builder.dbf)
    for length in 0..<shp.count {
      #expect(throws: InputError.self, "shp \(length)") {
        try ShapefileReader.read(shp: Array(shp[0..<length]), shx: shx, dbf: dbf, name: "cut.shp")
      }
    }
    for length in 0..<shx.count {
      #expect(throws: InputError.self, "shx \(length)") {
        try ShapefileReader.read(shp: shp, shx: Array(shx[0..<length]), dbf: dbf, name: "cut.shp")
      }
    }
    for length in 0..<dbf.count {
      _ = try? ShapefileReader.read(
        shp: shp, shx: shx, dbf: Array(dbf[0..<length]), name: "cut.shp")
    }
  }

  @Test(
    "random byte changes in any of the three files give a layer or an error, never a crash",
    arguments: 0..<4)
  func mutations(seed: UInt64) {
    var builder = ShapefileBuilder(
      shapes: [
        .polygon([
          ShapefileBuilder.square(0, 0, 10), Array(ShapefileBuilder.square(2, 2, 2).reversed()),
        ]),
        .null, .polygon([ShapefileBuilder.square(20, 0, 1), ShapefileBuilder.square(30, 0, 1)]),
      ])
    builder.fields = [("NAME", "C", 8, 0), ("N", "N", 6, 2), ("L", "L", 1, 0), ("D", "D", 8, 0)]
    builder.rows = [
      ["a", "1.5", "T", "20240101"], ["b", "", "?", ""], ["c", "-2", "F", "19990101"],
    ].map { $0.map { Array($0.utf8) } }
    let files = [builder.shp, builder.shx, builder.dbf]
    let replacements: [UInt8] = [0x00, 0x01, 0x05, 0x0D, 0x20, 0x2A, 0x7F, 0x80, 0xFF]
    var random = SplitMix64(seed: seed)
    for _ in 0..<500 {
      var mutated = files
      for _ in 0..<Int.random(in: 1...3, using: &random) {
        let file = Int.random(in: 0..<3, using: &random)
        let index = Int.random(in: 0..<mutated[file].count, using: &random)
        mutated[file][index] = replacements.randomElement(using: &random) ?? 0
      }
      _ = try? ShapefileReader.read(
        shp: mutated[0], shx: mutated[1], dbf: mutated[2], name: "mutated.shp")
    }
  }
}
