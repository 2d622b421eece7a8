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
}
