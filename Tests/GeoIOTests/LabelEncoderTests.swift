import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@testable import GeoIO

/// Encodes `labels` (as UTF-8 bytes) and returns the column.
private func encode(_ labels: [[UInt8]], into encoder: inout LabelEncoder) -> CodedColumn {
  for label in labels { label.withUnsafeBufferPointer { encoder.append($0) } }
  return encoder.makeColumn()
}

@Suite("Label encoder")
struct LabelEncoderTests {
  @Test("encoding bytes gives the column that appending strings gives", arguments: 0..<20)
  func matchesAppending(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let pool = [
      "", "Nuisance", "Personal", "Environmental", "On or near a very long street name here", "é",
      "x",
    ]
    let distinct = (0..<(1 + Int(rng.next() % 200))).map { "id-\($0)" } + pool
    let labels = (0..<(Int(rng.next() % 2_000))).map { _ in
      distinct[Int(rng.next() % UInt64(distinct.count))]
    }
    var expected = CodedColumn()
    for label in labels { expected.append(label) }
    var encoder = LabelEncoder()
    #expect(encode(labels.map { Array($0.utf8) }, into: &encoder) == expected)
    // The encoder starts afresh after makeColumn().
    #expect(encode(labels.reversed().map { Array($0.utf8) }, into: &encoder).count == labels.count)
  }

  @Test("nearly unique values (ids) give the same column as appending, after the switch too")
  func nearlyUnique() {
    let labels = (0..<10_000).map { "id-\($0 % 7_000)" } + ["Nuisance", "Nuisance"]
    var expected = CodedColumn()
    for label in labels { expected.append(label) }
    var encoder = LabelEncoder()
    #expect(encode(labels.map { Array($0.utf8) }, into: &encoder) == expected)
    let small = encode([[0x61, 0xFF], [0x62]], into: &encoder)
    #expect(small.values == ["a\u{FFFD}", "b"])
  }

  @Test("invalid UTF-8 becomes U+FFFD, and spellings that repair alike share one value")
  func invalidUTF8() {
    var encoder = LabelEncoder()
    let column = encode([[0x61, 0xFF], [0x61, 0xFE], [0x61, 0xFF]], into: &encoder)
    #expect(column.codes == [0, 0, 0])
    #expect(column.values == ["a\u{FFFD}"])
  }

  @Test("appending rows of other encoders' columns gives the column that appending strings gives", arguments: 0..<12)
  func appendingColumns(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    // Several short labels (the hash table) or thousands of distinct ones (the nearly-unique
    // mode), with invalid UTF-8 that two spellings repair to the same text.
    let pool: [[UInt8]] =
      seed % 3 == 0
      ? (0..<6_000).map { Array("crime-\($0)".utf8) }
      : [
        Array("Nuisance".utf8), Array("Personal".utf8), [0xFF], [0xFE], Array("a very long label beyond 16 bytes".utf8),
        [],
      ]
    let rows = (0..<3_000).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }
    var expected = CodedColumn()
    for row in rows { expected.append(String(decoding: row, as: UTF8.self)) }
    // The rows cut into blocks, each encoded on its own, then appended in slices.
    var merged = LabelEncoder()
    var start = 0
    while start < rows.count {
      let end = min(rows.count, start + 1 + Int(rng.next() % 700))
      var block = LabelEncoder()
      let column = encode(Array(rows[start..<end]), into: &block)
      var row = 0
      while row < column.count {
        let stop = min(column.count, row + 1 + Int(rng.next() % 300))
        merged.append(column, rows: row..<stop)
        row = stop
      }
      start = end
    }
    #expect(merged.makeColumn() == expected)
  }
}
