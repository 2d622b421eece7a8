extension NumberText {
  /// The shortest text that reads back as the same `Double`, laid out for spreadsheets as well as parsers.
  ///
  /// The digits are the fewest that round-trip (Swift's `description`, Steele–White/Grisu style):
  /// `0.1 + 0.2` is `0.30000000000000004`, `4.1e-8` is `4.1e-8`, never rounded to a number of decimals.
  /// The layout, decided on those digits' decimal exponent E (the value is d.ddd × 10^E):
  /// - plain decimal for −5 ≤ E ≤ 14, that is 0.00001 ≤ |x| < 10¹⁵: `0.00001`, `123456789.125`,
  ///   `120000000000000`; whole numbers have no fractional part (`42`, not `42.0`);
  /// - otherwise a mantissa with one digit before the point and a bare exponent, no `+` and no
  ///   padding: `4.1e-8`, `5e-324`, `1e15`, `1.7976931348623157e308`;
  /// - zero, negative zero included, is `0`; negatives start with `-`.
  ///
  /// Non-finite values are written `NaN`, `inf` or `-inf`, as `fixed` writes them; the machine
  /// writers never let them through (JSON and GeoJSON write `null`, CSV an empty field, ASCII grids
  /// their no-data value).
  public static func shortest(_ value: Double) -> String {
    var bytes: [UInt8] = []
    appendShortest(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `shortest(value)` as UTF-8 to `bytes`: for writing millions of numbers (grids).
  public static func appendShortest(_ value: Double, to bytes: inout [UInt8]) {
    guard value.isFinite else {
      bytes += Array((value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf")).utf8)
      return
    }
    guard value != 0 else {
      bytes.append(UInt8(ascii: "0"))
      return
    }
    let (digits, exponent) = shortestDigits(value.magnitude)
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    let zero = UInt8(ascii: "0")
    if exponent >= -5 && exponent <= 14 {
      // Plain: the point goes after digit E + 1 (E < 0: after leading zeros).
      let point = exponent + 1
      if point <= 0 {
        bytes += [zero, UInt8(ascii: ".")]
        bytes += repeatElement(zero, count: -point)
        bytes += digits
      } else if point >= digits.count {
        bytes += digits
        bytes += repeatElement(zero, count: point - digits.count)
      } else {
        bytes += digits[..<point]
        bytes.append(UInt8(ascii: "."))
        bytes += digits[point...]
      }
    } else {
      bytes.append(digits[0])
      if digits.count > 1 {
        bytes.append(UInt8(ascii: "."))
        bytes += digits[1...]
      }
      bytes.append(UInt8(ascii: "e"))
      bytes += Array(String(exponent).utf8)
    }
  }

  /// The shortest round-trip decimal digits of a finite positive `magnitude` (no leading or trailing
  /// zeros, at least one digit) and the decimal exponent of the first: magnitude ≈ d₁.d₂d₃… × 10^E.
  /// Read from Swift's `description` (`123.25`, `1e-05`, `4.1e-08`, `1.0e+16`), whose digits are
  /// the shortest that round-trip, and laid out again by the caller.
  static func shortestDigits(_ magnitude: Double) -> (digits: [UInt8], exponent: Int) {
    let text = Array(magnitude.description.utf8)
    var digits: [UInt8] = []
    digits.reserveCapacity(text.count)
    var pointIndex: Int? = nil  // digits before the point
    var exponent = 0
    var index = 0
    while index < text.count {
      let byte = text[index]
      if byte == UInt8(ascii: ".") {
        pointIndex = digits.count
      } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
        var sign = 1
        var k = index + 1
        if k < text.count && (text[k] == UInt8(ascii: "-") || text[k] == UInt8(ascii: "+")) {
          sign = text[k] == UInt8(ascii: "-") ? -1 : 1
          k += 1
        }
        var e = 0
        while k < text.count {
          e = e * 10 + Int(text[k] &- UInt8(ascii: "0"))
          k += 1
        }
        exponent = sign * e
        break
      } else {
        digits.append(byte)
      }
      index += 1
    }
    // value = 0.DIGITS × 10^(point + exponent); strip leading zeros (each moves the point left)
    // and trailing zeros (no effect on the value).
    var point = (pointIndex ?? digits.count) + exponent
    var first = 0
    while first < digits.count - 1 && digits[first] == UInt8(ascii: "0") {
      first += 1
      point -= 1
    }
    var end = digits.count
    while end > first + 1 && digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
    return (Array(digits[first..<end]), point - 1)
  }
}
