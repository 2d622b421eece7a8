#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parses decimal numbers straight from bytes, correctly rounded, without building a `String`.
///
/// Fast path (Clinger 1990): a decimal whose digits form an integer of at most 2⁵³ and whose power
/// of ten lies within ±22 is one multiplication or division of two exactly representable doubles,
/// which IEEE arithmetic rounds correctly. Anything else (long mantissas, large exponents) goes to
/// the C library's `strtod`, which is also correctly rounded. Accepted syntax: optional sign,
/// digits with an optional fraction, optional exponent (`-1.5e3`); a leading `+` and a bare
/// fraction (`.5`) are accepted too. No spaces, no `NaN`/`Infinity`, no hex.
enum NumberParsing {
  private static let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// The number written in `bytes`, or nil if `bytes` is not exactly one number.
  /// Values beyond the range of `Double` come back as ±infinity (callers check `isFinite`).
  static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let n = bytes.count
    guard n > 0 else { return nil }
    var i = 0
    var negative = false
    if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
      negative = bytes[0] == UInt8(ascii: "-")
      i = 1
    }
    var mantissa: UInt64 = 0
    var significantDigits = 0
    var exponent = 0
    var sawDigit = false
    // Integer part.
    while i < n, bytes[i] &- 48 < 10 {
      sawDigit = true
      let digit = UInt64(bytes[i] &- 48)
      if significantDigits < 19 {
        if mantissa != 0 || digit != 0 {
          mantissa = mantissa * 10 + digit
          significantDigits += 1
        }
      } else {
        exponent += 1
      }
      i += 1
    }
    // Fraction.
    if i < n, bytes[i] == UInt8(ascii: ".") {
      i += 1
      while i < n, bytes[i] &- 48 < 10 {
        sawDigit = true
        let digit = UInt64(bytes[i] &- 48)
        if significantDigits < 19 {
          if mantissa != 0 || digit != 0 {
            mantissa = mantissa * 10 + digit
            significantDigits += 1
          }
          exponent -= 1
        }
        i += 1
      }
    }
    guard sawDigit else { return nil }
    var truncated = significantDigits >= 19
    // Exponent.
    if i < n, bytes[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      var exponentNegative = false
      if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
        exponentNegative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      var written = 0
      var sawExponentDigit = false
      while i < n, bytes[i] &- 48 < 10 {
        sawExponentDigit = true
        if written < 100_000 { written = written * 10 + Int(bytes[i] &- 48) }
        i += 1
      }
      guard sawExponentDigit else { return nil }
      exponent += exponentNegative ? -written : written
      truncated = truncated || written >= 100_000
    }
    guard i == n else { return nil }
    if mantissa == 0 { return negative ? -0.0 : 0.0 }
    if !truncated && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
      let m = Double(mantissa)
      let value = exponent >= 0 ? m * powersOfTen[exponent] : m / powersOfTen[-exponent]
      return negative ? -value : value
    }
    return slowPath(bytes)
  }

  /// `strtod` on a NUL-terminated copy of `bytes` (already checked to be one well-formed number).
  private static func slowPath(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
      for i in 0..<bytes.count { buffer[i] = CChar(bitPattern: bytes[i]) }
      buffer[bytes.count] = 0
      guard let base = buffer.baseAddress else { return nil }
      var end: UnsafeMutablePointer<CChar>? = nil
      let value = strtod(base, &end)
      guard end == base + bytes.count else { return nil }
      return value
    }
  }

  /// Convenience for tests and small inputs.
  static func double(_ text: String) -> Double? {
    var text = text
    return text.withUTF8 { double($0) }
  }
}
