import GeoCore
import SpatialAnalysis
import Testing

@testable import GeoIO

@Suite("ESRI ASCII grid writer")
struct ASCIIGridWriterTests {
  @Test(
    "the text is the header then rows from the north, as one value at a time writes it", arguments: [1, 3, 64, 65, 500])
  func matchesOneValueAtATime(rows: Int) {
    var rng = SplitMix64(seed: UInt64(rows))
    let columns = 37
    let values: [Double?] = (0..<(rows * columns)).map { _ in
      switch rng.next() % 8 {
      case 0: return nil
      case 1: return .nan
      case 2: return 0
      case 3: return -Double(rng.next() % 1_000) / 7
      default: return Double(rng.next() % 100_000_000) / 1_000
      }
    }
    var expected =
      "ncols \(columns)\nnrows \(rows)\nxllcorner 402200\nyllcorner 510200\ncellsize 50\nNODATA_value -9999\n"
    for row in stride(from: rows - 1, through: 0, by: -1) {
      let line = (0..<columns).map { column -> String in
        guard let value = values[row * columns + column], value.isFinite else { return "-9999" }
        return NumberText.shortest(value)
      }
      expected += line.joined(separator: " ") + "\n"
    }
    let text = ASCIIGridWriter.write(
      values: values, columns: columns, rows: rows, minX: 402_200, minY: 510_200, cellSize: 50)
    #expect(text == expected)
  }

  @Test("numbers are written in full by default: a tiny density stays, not 0; NaN and inf are no-data")
  func numbers() {
    let text = ASCIIGridWriter.write(
      values: [0.5, -0.25, 1_234_567.0000004, 2.0000005, nil, 4.1e-8, -0.0, .nan, .infinity], columns: 9, rows: 1,
      minX: 0, minY: 0, cellSize: 1)
    #expect(text.split(separator: "\n").last == "0.5 -0.25 1234567.0000004 2.0000005 -9999 4.1e-8 0 -9999 -9999")
  }

  @Test("numbers fixed to 6 decimals when asked: trailing zeros dropped, negatives and halves rounded")
  func fixedDigits() {
    let text = ASCIIGridWriter.write(
      values: [0.5, -0.25, 1_234_567.0000004, 2.0000005, nil, 1e-7], columns: 6, rows: 1, minX: 0, minY: 0,
      cellSize: 1, digits: 6)
    #expect(text.split(separator: "\n").last == "0.5 -0.25 1234567 2.000001 -9999 0")
  }
}
