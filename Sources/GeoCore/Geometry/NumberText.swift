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

  /// `value` rounded to `digits` decimal places, trailing zeros removed (`1.50` → `1.5`, `2.000` → `2`).
  /// Non-finite values are written as `NaN`, `inf` or `-inf`; callers decide whether that may reach output.
  public static func fixed(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
    precondition(digits >= 0 && digits <= 15)
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (value * scale).rounded()
    if abs(scaled) < 9_007_199_254_740_992 {
      let integer = Int64(scaled)
      if integer == 0 { return "0" }
      let negative = integer < 0
      var digitsText = String(integer.magnitude)
      if digits > 0 {
        if digitsText.count <= digits {
          digitsText = String(repeating: "0", count: digits - digitsText.count + 1) + digitsText
        }
        let split = digitsText.index(digitsText.endIndex, offsetBy: -digits)
        var fraction = digitsText[split...]
        while fraction.last == "0" { fraction.removeLast() }
        digitsText = fraction.isEmpty
          ? String(digitsText[..<split]) : digitsText[..<split] + "." + fraction
      }
      return negative ? "-" + digitsText : digitsText
    }
    return shortest(value)
  }
}
