import Foundation
import SpatialAnalysis
import Testing

@testable import GeoIO

/// The bits of `value`, so that -0.0 and 0.0 differ and NaN compares by pattern.
private func bits(_ value: Double?) -> UInt64? { value?.bitPattern }

/// A random decimal in the accepted grammar: sign, up to `maxDigits` digits with a point
/// somewhere (or none), and sometimes an exponent.
private func randomDecimal(_ rng: inout SplitMix64, maxDigits: Int, exponentRange: ClosedRange<Int>)
  -> String
{
  var text = ""
  switch rng.next() % 4 {
  case 0: text += "-"
  case 1: if rng.next() % 8 == 0 { text += "+" }
  default: break
  }
  let digitCount = Int(rng.next() % UInt64(maxDigits)) + 1
  var digits = (0..<digitCount).map { _ in Character(String(rng.next() % 10)) }
  if rng.next() % 5 == 0 { digits[0] = "0" }
  let point = Int(rng.next() % UInt64(digitCount + 2)) - 1
  for (index, digit) in digits.enumerated() {
    if index == point { text += "." }
    text.append(digit)
  }
  if point == digitCount { text += "." }
  if rng.next() % 3 == 0 {
    let span = UInt64(exponentRange.upperBound - exponentRange.lowerBound + 1)
    let exponent = exponentRange.lowerBound + Int(rng.next() % span)
    text += rng.next() % 2 == 0 ? "e" : "E"
    if exponent >= 0 && rng.next() % 2 == 0 { text += "+" }
    text += String(exponent)
  }
  return text
}

@Suite("Number parsing from bytes")
struct NumberParsingTests {
  @Test("agrees bit for bit with Double(String) on 200,000 random decimals of up to 25 digits", arguments: 0..<4)
  func randomDecimals(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    var mismatches: [String] = []
    for round in 0..<50_000 {
      let maxDigits = round % 2 == 0 ? 10 : 25
      let range = round % 3 == 0 ? -330...310 : -25...25
      let text = randomDecimal(&rng, maxDigits: maxDigits, exponentRange: range)
      guard let expected = Double(text) else { continue }
      if bits(NumberParsing.double(text)) != bits(expected) { mismatches.append(text) }
    }
    #expect(mismatches.count == 0, "first: \(Array(mismatches.prefix(5)))")
  }

  @Test("agrees with Double(String) on coordinates as files write them (2 to 17 decimals)")
  func coordinates() {
    var rng = SplitMix64(seed: 42)
    var mismatches: [String] = []
    for _ in 0..<100_000 {
      let value = Double(rng.next() % 1_300_000_000_000) / 1_000_000 - 650_000
      for text in [
        value.description, String(format: "%.2f", value), String(format: "%.6f", value / 1e4),
        String(format: "%.17g", value), String(format: "%.15g", value / 3),
      ] {
        if bits(NumberParsing.double(text)) != bits(Double(text)) { mismatches.append(text) }
      }
    }
    #expect(mismatches.count == 0, "first: \(Array(mismatches.prefix(5)))")
  }

  @Test("edge cases: halfway values, the limits of the fast path, subnormals and overflow")
  func edgeCases() {
    let cases = [
      "0", "-0", "0.0", "-0.0", "+0", "0e0", "0e999999", "-0e-999999", "1", "-1", "+1", "1.", ".5",
      "-.5", "9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995",
      "18014398509481985", "1e22", "1e23", "1e-22", "1e-23", "9007199254740993e22",
      "4503599627370496.5", "4503599627370497.5", "2.2250738585072011e-308",
      "2.2250738585072014e-308", "4.9406564584124654e-324", "2.4703282292062327e-324",
      "2.4703282292062328e-324", "1.7976931348623157e308", "1.7976931348623158e308",
      "1.7976931348623159e308", "1e309", "-1e309", "1e-400", "123456789012345678901234567890",
      "0.000000000000000000000000000001", "00000000000000000000000000001.5", "1234567890123456789",
      "12345678901234567890", "9999999999999999999", "0.1", "0.2", "0.3", "2.675", "1.005",
      "424144.99", "539823.50", "-1.626384", "54.752786", "3.141592653589793238462643383279",
      "7.2057594037927933e16", "1e0", "1E+0", "1e-0", "5e-324", "1e100000", "1e-100000",
    ]
    for text in cases {
      #expect(bits(NumberParsing.double(text)) == bits(Double(text)), "\(text)")
    }
  }

  @Test("anything but one plain decimal is refused")
  func refused() {
    for text in [
      "", "-", "+", ".", "-.", "e5", "1e", "1e+", "1e-", "--1", "+-1", "1.2.3", "1,5", " 1", "1 ",
      "0x1p3", "NaN", "nan", "inf", "Infinity", "-Infinity", "1e5.5", "1ee5", "1..", "١٢",
      "1_000", "½",
    ] {
      #expect(NumberParsing.double(text) == nil, "\(text)")
    }
  }
}
