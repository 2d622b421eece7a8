#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parses decimal numbers straight from bytes, correctly rounded, without building a `String`.
///
/// Fast path (Clinger 1990): a decimal of at most 19 digits whose digits form an integer of at
/// most 2⁵³ and whose power of ten lies within ±22 is one multiplication or division of two exactly
/// representable doubles, which IEEE arithmetic rounds correctly. Anything else (long mantissas,
/// large exponents) goes to the C library's `strtod`, which is also correctly rounded. So every
/// result is the double nearest the decimal (ties to even), the same as `Double(String)`.
///
/// Accepted syntax: optional sign, digits with an optional fraction, optional exponent
/// (`-1.5e3`); a leading `+`, a bare fraction (`.5`) and a bare point (`5.`) are accepted too. No
/// spaces, no `NaN`/`Infinity`, no hex.
enum NumberParsing {
  /// 10⁰ … 10²², all exact doubles (a literal, so the table needs no lazy initialisation).
  private static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  /// The number written in `bytes`, or nil if `bytes` is not exactly one number.
  /// Values beyond the range of `Double` come back as ±infinity (callers check `isFinite`).
  ///
  /// The common case (plain digits with a point, no exponent, within the fast path) is handled
  /// here, small enough to inline; anything else goes to `general`.
  /// - Complexity: O(length); one multiplication or division for up to 19 digits of which the
  ///   significant ones form an integer of at most 2⁵³ and a power of ten within ±22.
  @inline(__always)
  static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard let start = bytes.baseAddress, bytes.count > 0, bytes.count <= 19 else {
      return general(bytes)
    }
    let end = start + bytes.count
    var p = start
    let negative = p.pointee == UInt8(ascii: "-")
    if negative { p += 1 }
    var mantissa: UInt64 = 0
    let integerStart = p
    while p < end {
      let digit = p.pointee &- 48
      if digit >= 10 { break }
      mantissa = mantissa &* 10 &+ UInt64(digit)
      p += 1
    }
    var digits = p - integerStart
    var scale = 0
    if p < end && p.pointee == UInt8(ascii: ".") {
      p += 1
      let fractionStart = p
      while p < end {
        let digit = p.pointee &- 48
        if digit >= 10 { break }
        mantissa = mantissa &* 10 &+ UInt64(digit)
        p += 1
      }
      scale = p - fractionStart
      digits &+= scale
    }
    // At most 19 bytes, so at most 19 digits: the mantissa did not overflow.
    guard p == end, digits > 0, mantissa != 0, mantissa <= 1 << 53, scale <= 22 else {
      return general(bytes)
    }
    // Both operands are exact doubles, so IEEE arithmetic rounds the one operation correctly.
    let value = Double(mantissa) / powersOfTen[scale]
    return negative ? -value : value
  }

  /// Every form `double` accepts, including the fast one: signs, exponents, long mantissas.
  @inline(never)
  private static func general(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let n = bytes.count
    guard n > 0, let p = bytes.baseAddress else { return nil }
    var i = 0
    let negative = p[0] == UInt8(ascii: "-")
    if negative || p[0] == UInt8(ascii: "+") { i = 1 }
    // Digits before and after the point, at most 19 of them in all (so no overflow: 10¹⁹ < 2⁶⁴);
    // leading zeros count, which only sends rare numbers to the slow path.
    var mantissa: UInt64 = 0
    let integerStart = i
    while i < n {
      let digit = p[i] &- 48
      if digit >= 10 { break }
      mantissa = mantissa &* 10 &+ UInt64(digit)
      i += 1
    }
    var digits = i - integerStart
    var exponent = 0
    if i < n && p[i] == UInt8(ascii: ".") {
      i += 1
      let fractionStart = i
      while i < n {
        let digit = p[i] &- 48
        if digit >= 10 { break }
        mantissa = mantissa &* 10 &+ UInt64(digit)
        i += 1
      }
      exponent = fractionStart - i
      digits += i - fractionStart
    }
    guard digits > 0 else { return nil }
    if i < n {
      // Exponent.
      guard p[i] | 0x20 == UInt8(ascii: "e") else { return nil }
      i += 1
      var exponentNegative = false
      if i < n && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
        exponentNegative = p[i] == UInt8(ascii: "-")
        i += 1
      }
      let exponentStart = i
      var written = 0
      while i < n {
        let digit = p[i] &- 48
        if digit >= 10 { break }
        if written < 100_000 { written = written * 10 + Int(digit) }
        i += 1
      }
      guard i > exponentStart, i == n else { return nil }
      if written >= 100_000 { return slowPath(bytes) }
      exponent += exponentNegative ? -written : written
    }
    if digits > 19 { return slowPath(bytes) }
    if mantissa == 0 { return negative ? -0.0 : 0.0 }
    if mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
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
