import GeoCore
import Testing

/// `NumberText.shortest`: the text CSV, JSON, GeoJSON and ASCII grids write for a `Double`.
@Suite("Shortest round-trip number text")
struct ShortestNumberTextTests {
  /// Values and their text; the digits are Python's `repr` of the same double (an independent
  /// shortest round-trip implementation), laid out by the documented rule.
  @Test(
    "edge cases are written by the rule",
    arguments: [
      (0.0, "0"), (-0.0, "0"), (42.0, "42"), (-7.0, "-7"), (0.1, "0.1"), (0.1 + 0.2, "0.30000000000000004"),
      (4.1e-8, "4.1e-8"), (-4.1e-8, "-4.1e-8"), (1e-8, "1e-8"), (123_456_789.125, "123456789.125"),
      (1.0 / 3.0, "0.3333333333333333"), (2.0 / 3.0 * 1e-6, "6.666666666666666e-7"), (1e-5, "0.00001"),
      (9.999999999999999e-6, "9.999999999999999e-6"), (0.000123456, "0.000123456"),
      (999_999_999_999_999.9, "999999999999999.9"), (120_000_000_000_000, "120000000000000"),
      (1e15, "1e15"), (9_007_199_254_740_994, "9.007199254740994e15"), (1e300, "1e300"),
      (1.7976931348623157e308, "1.7976931348623157e308"), (Double.leastNonzeroMagnitude, "5e-324"),
      (Double.leastNormalMagnitude, "2.2250738585072014e-308"), (0.5, "0.5"), (-1234.5, "-1234.5"),
    ])
  func edgeCases(value: Double, expected: String) {
    #expect(NumberText.shortest(value) == expected)
    var bytes: [UInt8] = [UInt8(ascii: "x")]
    NumberText.appendShortest(value, to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == "x" + expected)
  }

  @Test("non-finite values are NaN, inf and -inf (machine writers turn them into null or empty first)")
  func nonFinite() {
    #expect(NumberText.shortest(.nan) == "NaN")
    #expect(NumberText.shortest(.infinity) == "inf")
    #expect(NumberText.shortest(-.infinity) == "-inf")
  }

  @Test("random bit patterns of every magnitude read back bit for bit, by the layout rule, with no shorter text")
  func randomBitPatterns() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var checked = 0
    while checked < 100_000 {
      let value = Double(bitPattern: Self.next(&state))
      guard value.isFinite else { continue }
      Self.check(value)
      checked += 1
    }
  }

  @Test("random decimals of ordinary magnitudes, like densities, rates and coordinates, read back bit for bit")
  func randomDecimals() {
    var state: UInt64 = 42
    for _ in 0..<50_000 {
      let mantissa = Double(Self.next(&state) % 1_000_000_007) / 1_000_000_007
      let exponent = Int(Self.next(&state) % 30) - 12
      var scale = 1.0
      for _ in 0..<abs(exponent) { scale *= 10 }
      let value = (exponent < 0 ? mantissa / scale : mantissa * scale) * (Self.next(&state) % 2 == 0 ? 1 : -1)
      Self.check(value)
      // Sums of two such values: the last bits that six decimals used to hide.
      Self.check(value + 0.1)
    }
  }

  /// SplitMix64 (Steele, Lea & Flood 2014), inline so the test depends on GeoCore alone.
  static func next(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The text of `value` reads back as the same bits (−0 as +0), follows the layout rule, and no
  /// text with one significant digit fewer reads back as `value`.
  static func check(_ value: Double, sourceLocation: SourceLocation = #_sourceLocation) {
    let text = NumberText.shortest(value)
    guard let back = Double(text) else {
      Issue.record("\(text) does not parse", sourceLocation: sourceLocation)
      return
    }
    let expectedBits = value == 0 ? 0 : value.bitPattern
    guard back.bitPattern == expectedBits else {
      Issue.record("\(value.bitPattern): \(text) reads back as \(back)", sourceLocation: sourceLocation)
      return
    }
    let magnitude = value.magnitude
    let exponentForm = magnitude != 0 && (magnitude < 1e-5 || magnitude >= 1e15)
    #expect(text.contains("e") == exponentForm, "\(text)", sourceLocation: sourceLocation)
    #expect(!text.contains("+") && !text.hasSuffix(".0"), "\(text)", sourceLocation: sourceLocation)
    let mantissa = text.split(separator: "e")[0]
    if mantissa.contains(".") {
      #expect(!mantissa.hasSuffix("0"), "\(text): a trailing zero", sourceLocation: sourceLocation)
    }
    // Significant digits and the exponent of the last one: value ≈ D × 10^k.
    var digits = mantissa.filter { $0.isNumber }.drop { $0 == "0" }
    let fraction = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    var k =
      (text.split(separator: "e").dropFirst().first.flatMap { Int($0) } ?? 0)
      - (fraction.count > 1 ? fraction[1].count : 0)
    while digits.count > 1 && digits.last == "0" {
      digits.removeLast()
      k += 1
    }
    guard digits.count > 1, let d = UInt64(digits) else { return }
    // The only candidates with one digit fewer are the two neighbours ⌊D/10⌋ and ⌊D/10⌋ + 1.
    for candidate in [d / 10, d / 10 + 1] {
      let shorter = Double("\(value < 0 ? "-" : "")\(candidate)e\(k + 1)")
      #expect(shorter != value, "\(text) is not the shortest: \(candidate)e\(k + 1)", sourceLocation: sourceLocation)
    }
  }
}
