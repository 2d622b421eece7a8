/// Strings (RFC 8259 §7, §8): quotes, escapes, surrogate pairs and strict UTF-8.
///
/// A string is first checked where it lies (`readRawString()`), which is all that keys, type
/// names and skipped values need; only strings the caller keeps are decoded into a `String`.
///
/// ## Properties
/// - Every escape of §7 is accepted: `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t` and `\uXXXX`.
///   A `\uD800`–`\uDBFF` escape must be followed by a `\uDC00`–`\uDFFF` escape (a UTF-16 surrogate
///   pair); a surrogate on its own is an error, since it names no character (§8.2).
/// - Bytes of 0x80 and above must form well-formed UTF-8 (Unicode 15, Table 3-7: no overlong
///   forms, no encoded surrogates, nothing above U+10FFFF); the error names the offset of the
///   sequence's first byte, counted from 0 at the start of the file.
/// - Unescaped control characters (U+0000–U+001F) are errors (§7).
/// - Complexity: O(length of the string). Strings without escapes are decoded straight from the
///   file's bytes; strings with escapes reuse one buffer.
extension JSONScanner {
  /// Where a string's content lies: the bytes between the quotes, escapes not yet decoded.
  struct RawString {
    let range: Range<Int>
    let hasEscapes: Bool
  }

  /// Reads a string and checks it, without decoding it.
  mutating func readRawString() throws(InputError) -> RawString {
    skipWhitespace()
    guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
      if offset >= bytes.count { throw endError("expected a string") }
      throw syntaxError("expected a string, found \(foundText())")
    }
    let start = offset + 1
    var i = start
    var hasEscapes = false
    while true {
      guard i < bytes.count else {
        offset = i
        throw endError("a string is not closed")
      }
      let byte = bytes[i]
      if byte == UInt8(ascii: "\"") { break }
      if byte == UInt8(ascii: "\\") {
        hasEscapes = true
        i = try checkEscape(at: i)
      } else if byte >= 0x80 {
        i = try checkUTF8(at: i)
      } else if byte < 0x20 {
        offset = i
        throw syntaxError(
          "a control character (byte 0x\(String(byte, radix: 16, uppercase: true))) must be "
            + "escaped in a string")
      } else {
        i += 1
      }
    }
    offset = i + 1
    return RawString(range: start..<i, hasEscapes: hasEscapes)
  }

  /// Reads a string and decodes it.
  mutating func readString() throws(InputError) -> String {
    let raw = try readRawString()
    return string(raw)
  }

  /// Reads a member name and the `:` after it.
  mutating func readKey() throws(InputError) -> RawString {
    skipWhitespace()
    guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
      if offset >= bytes.count { throw endError("expected a member name") }
      throw syntaxError("expected a member name in double quotes, found \(foundText())")
    }
    let key = try readRawString()
    guard consume(UInt8(ascii: ":")) else {
      if offset >= bytes.count { throw endError("expected ':' after a member name") }
      throw syntaxError("expected ':' after a member name, found \(foundText())")
    }
    return key
  }

  /// Moves past a string, checking it.
  mutating func skipString() throws(InputError) {
    _ = try readRawString()
  }

  /// True when the string's decoded content is exactly `literal`.
  /// - Complexity: O(length); no allocation unless the string has escapes.
  mutating func matches(_ raw: RawString, _ literal: StaticString) -> Bool {
    if raw.hasEscapes { return string(raw) == literal.description }
    guard raw.range.count == literal.utf8CodeUnitCount else { return false }
    let expected = literal.utf8Start
    var index = 0
    for offset in raw.range {
      if bytes[offset] != expected[index] { return false }
      index += 1
    }
    return true
  }

  /// The decoded content of a string already checked by `readRawString()`.
  mutating func string(_ raw: RawString) -> String {
    guard raw.hasEscapes else { return text(raw.range) }
    stringBuffer.removeAll(keepingCapacity: true)
    var i = raw.range.lowerBound
    while i < raw.range.upperBound {
      let byte = bytes[i]
      guard byte == UInt8(ascii: "\\") else {
        stringBuffer.append(byte)
        i += 1
        continue
      }
      let escaped = bytes[i + 1]
      i += 2
      switch escaped {
      case UInt8(ascii: "b"): stringBuffer.append(0x08)
      case UInt8(ascii: "f"): stringBuffer.append(0x0C)
      case UInt8(ascii: "n"): stringBuffer.append(0x0A)
      case UInt8(ascii: "r"): stringBuffer.append(0x0D)
      case UInt8(ascii: "t"): stringBuffer.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = hexValue(at: i)
        i += 4
        if scalar >= 0xD800 && scalar <= 0xDBFF {
          // Checked: a low surrogate escape follows.
          let low = hexValue(at: i + 2)
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          i += 6
        }
        appendUTF8(scalar)
      default: stringBuffer.append(escaped)  // `"`, `\` and `/` stand for themselves.
      }
    }
    return String(decoding: stringBuffer, as: UTF8.self)
  }

  // MARK: - Private

  /// Checks the escape at `i` (a backslash) and returns the offset after it.
  private mutating func checkEscape(at i: Int) throws(InputError) -> Int {
    guard i + 1 < bytes.count else {
      offset = i
      throw endError("a string is not closed")
    }
    switch bytes[i + 1] {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
      UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      return i + 2
    case UInt8(ascii: "u"):
      let unit = try checkedHex(at: i + 2)
      if unit >= 0xDC00 && unit <= 0xDFFF {
        offset = i
        throw syntaxError("a lone surrogate \\u\(hex4(unit)) in a string (RFC 8259 §8.2)")
      }
      guard unit >= 0xD800 && unit <= 0xDBFF else { return i + 6 }
      guard i + 7 < bytes.count, bytes[i + 6] == UInt8(ascii: "\\"),
        bytes[i + 7] == UInt8(ascii: "u")
      else {
        offset = i
        throw syntaxError("a lone surrogate \\u\(hex4(unit)) in a string (RFC 8259 §8.2)")
      }
      let low = try checkedHex(at: i + 8)
      guard low >= 0xDC00 && low <= 0xDFFF else {
        offset = i
        throw syntaxError("a lone surrogate \\u\(hex4(unit)) in a string (RFC 8259 §8.2)")
      }
      return i + 12
    default:
      offset = i + 1
      throw syntaxError("invalid escape in a string: a backslash followed by \(foundText())")
    }
  }

  /// The value of the four hex digits at `i`, checked.
  private mutating func checkedHex(at i: Int) throws(InputError) -> UInt32 {
    guard i + 4 <= bytes.count else {
      offset = bytes.count
      throw endError("a string is not closed")
    }
    for j in i..<(i + 4) where hexDigit(bytes[j]) == nil {
      offset = j
      throw syntaxError("expected four hex digits after \\u, found \(foundText())")
    }
    return hexValue(at: i)
  }

  /// The value of four hex digits already checked.
  private func hexValue(at i: Int) -> UInt32 {
    var value: UInt32 = 0
    for j in i..<(i + 4) { value = value << 4 | UInt32(hexDigit(bytes[j]) ?? 0) }
    return value
  }

  private func hexDigit(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  private func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// Checks the UTF-8 sequence starting at `i` (a byte ≥ 0x80) and returns the offset after it.
  @inline(__always)
  private mutating func checkUTF8(at i: Int) throws(InputError) -> Int {
    let lead = bytes[i]
    let length: Int
    var secondLow: UInt8 = 0x80
    var secondHigh: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      secondLow = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      secondHigh = 0x9F
    case 0xF0:
      length = 4
      secondLow = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      secondHigh = 0x8F
    default: throw invalidUTF8(at: i)
    }
    guard i + length <= bytes.count else { throw invalidUTF8(at: i) }
    let second = bytes[i + 1]
    guard second >= secondLow && second <= secondHigh else { throw invalidUTF8(at: i) }
    for j in (i + 2)..<(i + length) where bytes[j] & 0xC0 != 0x80 {
      throw invalidUTF8(at: i)
    }
    return i + length
  }

  private mutating func invalidUTF8(at i: Int) -> InputError {
    offset = i
    return InputError(file: file, line: line, reason: .invalidUTF8(byteOffset: i))
  }

  private mutating func appendUTF8(_ scalar: UInt32) {
    switch scalar {
    case 0..<0x80:
      stringBuffer.append(UInt8(scalar))
    case 0x80..<0x800:
      stringBuffer.append(UInt8(0xC0 | scalar >> 6))
      stringBuffer.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      stringBuffer.append(UInt8(0xE0 | scalar >> 12))
      stringBuffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      stringBuffer.append(UInt8(0x80 | scalar & 0x3F))
    default:
      stringBuffer.append(UInt8(0xF0 | scalar >> 18))
      stringBuffer.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      stringBuffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      stringBuffer.append(UInt8(0x80 | scalar & 0x3F))
    }
  }
}
