/// Deterministic text for numbers: the one place outputs turn a `Double` into characters.
///
/// Two families: `shortest` for programs (CSV, JSON, GeoJSON, ASCII grids: every digit the `Double`
/// holds, nothing more) and `fixed` / `significant` for people (text and Markdown tables, sentences).
public enum NumberText {
  /// `value` rounded to `digits` decimal places, trailing zeros removed (`1.50` → `1.5`, `2.000` → `2`)
  /// unless `keepingZeros`, which keeps exactly `digits` decimals so columns line up (`1.50`).
  /// Non-finite values are written as `NaN`, `inf` or `-inf`; callers decide whether that may reach output.
  public static func fixed(_ value: Double, digits: Int, keepingZeros: Bool = false) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
    var bytes: [UInt8] = []
    appendFixed(value, digits: digits, keepingZeros: keepingZeros, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `fixed(value, digits:keepingZeros:)` as UTF-8 to `bytes`, without building a String:
  /// for writing millions of numbers (grids, tables).
  public static func appendFixed(
    _ value: Double, digits: Int, keepingZeros: Bool = false, to bytes: inout [UInt8]
  ) {
    guard value.isFinite else {
      bytes += Array((value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf")).utf8)
      return
    }
    precondition(digits >= 0 && digits <= 15)
    let scaled = (value * powersOfTen[digits]).rounded()
    guard abs(scaled) < 9_007_199_254_740_992 else {
      bytes += Array(shortest(value).utf8)
      return
    }
    let integer = Int64(scaled)
    if integer == 0 && !keepingZeros {
      bytes.append(UInt8(ascii: "0"))
      return
    }
    if integer < 0 { bytes.append(UInt8(ascii: "-")) }
    // Digits of |integer|, least significant first, padded to more than `digits`: at most 16 of
    // them (|integer| < 2⁵³), in a buffer on the stack.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { reversed in
      var count = 0
      var magnitude = integer.magnitude
      repeat {
        reversed[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        count += 1
        magnitude /= 10
      } while magnitude > 0
      while count <= digits {
        reversed[count] = UInt8(ascii: "0")
        count += 1
      }
      // Trailing zeros of the fraction are dropped unless kept.
      var fractionStart = 0
      if !keepingZeros {
        while fractionStart < digits && reversed[fractionStart] == UInt8(ascii: "0") { fractionStart += 1 }
      }
      for k in stride(from: count - 1, through: digits, by: -1) { bytes.append(reversed[k]) }
      if fractionStart < digits {
        bytes.append(UInt8(ascii: "."))
        for k in stride(from: digits - 1, through: fractionStart, by: -1) { bytes.append(reversed[k]) }
      }
    }
  }

  private static let powersOfTen: [Double] = (0...15).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// `value` with `digits` significant digits: fixed notation for magnitudes from 1e-5 to below
  /// 1e15 (`0.0001234`), else `1.234e-07`. Zero is `0`; non-finite values as in `fixed`.
  public static func significant(_ value: Double, digits: Int) -> String {
    precondition(digits >= 1 && digits <= 15)
    guard value.isFinite, value != 0 else { return fixed(value, digits: 0) }
    var exponent = Int(abs(value).log10Floor)
    // Rounding can carry into the next power of ten (9.9996 → 10.00).
    var scaled = divided(value, byPowerOf10: exponent - digits + 1).rounded()
    if abs(scaled) >= power10(digits) {
      exponent += 1
      scaled = divided(value, byPowerOf10: exponent - digits + 1).rounded()
    }
    if exponent >= -5 && exponent < 15 {
      return fixed(scaled * power10(exponent - digits + 1), digits: max(0, digits - 1 - exponent))
    }
    let mantissa = fixed(scaled / power10(digits - 1), digits: digits - 1)
    let sign = exponent < 0 ? "-" : "+"
    let magnitude = String(abs(exponent))
    return mantissa + "e" + sign + (magnitude.count < 2 ? "0" : "") + magnitude
  }

  /// value / 10ᵏ, in two steps where 10ᵏ itself would underflow to 0 (subnormal values such as a
  /// p of 1e-313, whose 10^(exponent − digits + 1) is below the smallest double).
  private static func divided(_ value: Double, byPowerOf10 k: Int) -> Double {
    k < -290 ? (value * power10(300)) / power10(k + 300) : value / power10(k)
  }

  private static func power10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent < 0 ? 1 / result : result
  }
}

extension Double {
  /// ⌊log₁₀ |x|⌋ for finite non-zero x, by counting powers of ten (no libm, so the same everywhere).
  fileprivate var log10Floor: Int {
    var x = Swift.abs(self)
    var exponent = 0
    while x >= 10 {
      x /= 10
      exponent += 1
    }
    while x < 1 {
      x *= 10
      exponent -= 1
    }
    return exponent
  }
}
