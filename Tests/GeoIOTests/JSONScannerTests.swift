import Testing

@testable import GeoIO

/// Runs `body` on a scanner over `bytes` and returns its result or error.
private func scan<R>(
  _ bytes: [UInt8], _ body: (inout JSONScanner) throws(InputError) -> R
) -> Result<R, InputError> {
  bytes.withUnsafeBufferPointer { buffer in
    var scanner = JSONScanner(bytes: buffer, file: "test.json")
    do throws(InputError) {
      return .success(try body(&scanner))
    } catch {
      return .failure(error)
    }
  }
}

private func scan<R>(
  _ text: String, _ body: (inout JSONScanner) throws(InputError) -> R
) -> Result<R, InputError> {
  scan(Array(text.utf8), body)
}

private func number(_ text: String) -> Result<Double, InputError> {
  scan(text) { (scanner: inout JSONScanner) throws(InputError) in
    let value = try scanner.readNumber()
    try scanner.expectEnd()
    return value
  }
}

private func string(_ text: String) -> Result<String, InputError> {
  scan(text) { (scanner: inout JSONScanner) throws(InputError) in try scanner.readString() }
}

private func string(_ bytes: [UInt8]) -> Result<String, InputError> {
  scan(bytes) { (scanner: inout JSONScanner) throws(InputError) in try scanner.readString() }
}

private func reason<R>(_ result: Result<R, InputError>) -> InputError.Reason? {
  if case .failure(let error) = result { return error.reason }
  return nil
}

@Suite("JSON scanner")
struct JSONScannerTests {
  @Test("numbers read as RFC 8259 writes them, correctly rounded")
  func numbers() throws {
    let negativeZero = try number("-0.0").get()
    #expect(negativeZero == 0 && negativeZero.sign == .minus)
    #expect(try number("0.1").get() == 0.1)
    #expect(try number("1E-7").get() == 1e-7)
    #expect(try number("-12.5e2").get() == -1250)
    #expect(try number("54.878772846737895").get() == 54.878772846737895)
    #expect(try number("123456789012345678901234567890").get() == 1.2345678901234568e29)
  }

  @Test("a number too large for a Double reads as infinity, for the caller to refuse")
  func overflow() throws {
    let value = try number("1e400").get()
    #expect(value.isInfinite && value > 0)
    #expect(try number("-1e400").get() == -.infinity)
  }

  @Test(
    "numbers outside the JSON grammar are syntax errors",
    arguments: ["01", "1.", "-", ".5", "+1", "1e", "1.e5", "-x"])
  func badNumbers(text: String) {
    switch reason(number(text)) {
    case .syntax?, .unexpectedEnd?: break
    default: Issue.record("\(text) was read as \(number(text))")
    }
  }

  @Test("NaN and Infinity are not JSON values")
  func noNaN() {
    let nan = scan("[NaN]") { (scanner: inout JSONScanner) throws(InputError) in
      try scanner.skipValue()
    }
    #expect(reason(nan) == .syntax("expected a value, found 'NaN'"))
    let infinity = scan("-Infinity") { (scanner: inout JSONScanner) throws(InputError) in
      try scanner.readNumber()
    }
    #expect(reason(infinity) == .syntax("expected a digit in a number, found 'Infinity'"))
  }

  @Test("every escape of RFC 8259 §7 is decoded")
  func escapes() throws {
    #expect(
      try string(#""a\"b\\c\/d\be\ff\ng\rh\ti\u00e9\u0041""#).get()
        == "a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti\u{E9}A")
    #expect(try string(#""plain""#).get() == "plain")
    #expect(try string(#""""#).get() == "")
  }

  @Test("a surrogate pair escape decodes to one character")
  func surrogatePair() throws {
    #expect(try string(#""\ud83d\ude00!""#).get() == "😀!")
    #expect(try string(#""\uD834\uDD1E""#).get() == "𝄞")
  }

  @Test(
    "a lone surrogate is an error",
    arguments: [#""\ud83d""#, #""\ude00""#, #""\ud83dx""#, #""\ud83d\u0041""#])
  func loneSurrogate(text: String) {
    guard case .syntax(let message)? = reason(string(text)) else {
      Issue.record("\(text) gave \(string(text))")
      return
    }
    #expect(message.contains("lone surrogate"))
  }

  @Test("raw UTF-8 in strings is kept")
  func rawUTF8() throws {
    #expect(try string("\"Ynys Môn 😀 日本\"").get() == "Ynys Môn 😀 日本")
  }

  @Test(
    "invalid UTF-8 in a string names the byte offset",
    arguments: [
      ([0x22, 0x61, 0x62, 0xC3, 0x28, 0x22], 3),  // a lead byte without its continuation
      ([0x22, 0xC0, 0x80, 0x22], 1),  // an overlong encoding of U+0000
      ([0x22, 0x61, 0xED, 0xA0, 0x80, 0x22], 2),  // an encoded surrogate
      ([0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], 1),  // beyond U+10FFFF
      ([0x22, 0x61, 0x80, 0x22], 2),  // a lone continuation byte
      ([0x22, 0xE2, 0x82], 1),  // cut short by the end of the file
    ] as [([UInt8], Int)])
  func invalidUTF8(bytes: [UInt8], offset: Int) {
    #expect(reason(string(bytes)) == .invalidUTF8(byteOffset: offset))
  }

  @Test("an unescaped control character in a string is an error")
  func controlCharacter() {
    #expect(
      reason(string("\"a\tb\""))
        == .syntax("a control character (byte 0x9) must be escaped in a string"))
  }

  @Test("a UTF-8 byte-order mark at the start is skipped")
  func byteOrderMark() throws {
    let result = scan([0xEF, 0xBB, 0xBF] + Array(" [1]".utf8)) {
      (scanner: inout JSONScanner) throws(InputError) -> Bool in
      let nonEmpty = try scanner.beginArray()
      _ = try scanner.readNumber()
      _ = try scanner.nextElement()
      try scanner.expectEnd()
      return nonEmpty
    }
    #expect(try result.get())
  }

  @Test("100,000 nested arrays give nestingTooDeep, not a stack overflow")
  func deepNesting() {
    let deep = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
    let result = scan(deep) { (scanner: inout JSONScanner) throws(InputError) in
      try scanner.skipValue()
    }
    #expect(reason(result) == .nestingTooDeep(limit: 256))
  }

  @Test("256 levels of nesting are accepted, 257 are not")
  func nestingLimit() {
    func nested(_ levels: Int) -> String {
      String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
    }
    let skip = { (scanner: inout JSONScanner) throws(InputError) in
      try scanner.skipValue()
      try scanner.expectEnd()
    }
    #expect(reason(scan(nested(256), skip)) == nil)
    #expect(reason(scan(nested(257), skip)) == .nestingTooDeep(limit: 256))
  }

  @Test("skipValue passes over any value and stops right after it")
  func skip() throws {
    let text = #"{"a": [1, -2.5e3, "x\"}", {"b": [true, false, null, {}, []]}], "c": {}} , 7"#
    let result = scan(text) { (scanner: inout JSONScanner) throws(InputError) -> Double in
      try scanner.skipValue()
      let comma = scanner.consume(UInt8(ascii: ","))
      #expect(comma)
      return try scanner.readNumber()
    }
    #expect(try result.get() == 7)
  }

  @Test("errors give the line and say what was expected and found")
  func errorMessages() {
    let missingComma = scan("{\n\"a\": 1\n\"b\": 2}") {
      (scanner: inout JSONScanner) throws(InputError) in
      try scanner.skipValue()
    }
    guard case .failure(let error) = missingComma else {
      Issue.record("no error")
      return
    }
    #expect(error.line == 3)
    #expect(error.reason == .syntax("expected ',' or '}' after a member, found '\"'"))
    let badByte = scan("{\"a\": 1 x}") { (scanner: inout JSONScanner) throws(InputError) in
      try scanner.skipValue()
    }
    #expect(reason(badByte) == .syntax("expected ',' or '}' after a member, found 'x'"))
    let trailingComma = scan("[1,]") { (scanner: inout JSONScanner) throws(InputError) in
      try scanner.skipValue()
    }
    #expect(reason(trailingComma) == .syntax("expected a value, found ']'"))
    let cut = scan("{\"a\": [1, 2") { (scanner: inout JSONScanner) throws(InputError) in
      try scanner.skipValue()
    }
    #expect(reason(cut) == .unexpectedEnd("expected ',' or ']' after an array element"))
  }

  @Test("a key is compared with a name without decoding, escapes included")
  func keyMatching() throws {
    let result = scan(#"{"type": 1, "typ\u0065": 2, "types": 3}"#) {
      (scanner: inout JSONScanner) throws(InputError) -> [Bool] in
      var matches: [Bool] = []
      if try scanner.beginObject() {
        repeat {
          let key = try scanner.readKey()
          matches.append(scanner.matches(key, "type"))
          try scanner.skipValue()
        } while try scanner.nextMember()
      }
      return matches
    }
    #expect(try result.get() == [true, true, false])
  }
}
