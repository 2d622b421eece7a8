/// Deterministic text for numbers: the one place outputs turn a `Double` into characters.
public enum NumberText {
  /// The shortest text that reads back as the same `Double` (Swift's `description`), with integral
  /// values below 2⁵³ written without a fractional part (`42`, not `42.0`), and `-0` as `0`.
  public static func shortest(_ value: Double) -> String {
    if value == 0 { return "0" }
    if value.rounded() == value && abs(value) < 9_007_199_254_740_992 {
      return String(Int64(value))
    }
    return value.description
  }

  /// `value` rounded to `digits` decimal places, trailing zeros removed (`1.50` → `1.5`, `2.000` → `2`)
  /// unless `keepingZeros`, which keeps exactly `digits` decimals so columns line up (`1.50`).
  /// Non-finite values are written as `NaN`, `inf` or `-inf`; callers decide whether that may reach output.
  public static func fixed(_ value: Double, digits: Int, keepingZeros: Bool = false) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
    precondition(digits >= 0 && digits <= 15)
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (value * scale).rounded()
    if abs(scaled) < 9_007_199_254_740_992 {
      let integer = Int64(scaled)
      if integer == 0 && !keepingZeros { return "0" }
      let negative = integer < 0
      var digitsText = String(integer.magnitude)
      if digits > 0 {
        if digitsText.count <= digits {
          digitsText = String(repeating: "0", count: digits - digitsText.count + 1) + digitsText
        }
        let split = digitsText.index(digitsText.endIndex, offsetBy: -digits)
        var fraction = digitsText[split...]
        while !keepingZeros && fraction.last == "0" { fraction.removeLast() }
        digitsText = fraction.isEmpty
          ? String(digitsText[..<split]) : digitsText[..<split] + "." + fraction
      }
      return negative ? "-" + digitsText : digitsText
    }
    return shortest(value)
  }

  /// `value` with `digits` significant digits: fixed notation for magnitudes from 1e-5 to below
  /// 1e15 (`0.0001234`), else `1.234e-07`. Zero is `0`; non-finite values as in `fixed`.
  public static func significant(_ value: Double, digits: Int) -> String {
    precondition(digits >= 1 && digits <= 15)
    guard value.isFinite, value != 0 else { return fixed(value, digits: 0) }
    var exponent = Int(abs(value).log10Floor)
    // Rounding can carry into the next power of ten (9.9996 → 10.00).
    var scaled = (value / power10(exponent - digits + 1)).rounded()
    if abs(scaled) >= power10(digits) {
      exponent += 1
      scaled = (value / power10(exponent - digits + 1)).rounded()
    }
    if exponent >= -5 && exponent < 15 {
      return fixed(scaled * power10(exponent - digits + 1), digits: max(0, digits - 1 - exponent))
    }
    let mantissa = fixed(scaled / power10(digits - 1), digits: digits - 1)
    let sign = exponent < 0 ? "-" : "+"
    let magnitude = String(abs(exponent))
    return mantissa + "e" + sign + (magnitude.count < 2 ? "0" : "") + magnitude
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
