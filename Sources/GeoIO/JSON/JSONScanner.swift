/// A pull parser over the bytes of one JSON text (RFC 8259), for readers that build their own
/// values as they go: no tree, no `Any`, no `String` per number.
///
/// The caller asks for what it expects next (`beginObject()`, `readKey()`, `readNumber()`,
/// `nextElement()`…) and the scanner checks the grammar of RFC 8259 §2–§7 as it moves: whitespace
/// (§2), literals (§3), objects (§4), arrays (§5), numbers (§6) and strings (§7, in
/// `JSONScanner+Strings.swift`). Values the caller does not need are passed over with
/// `skipValue()`, which checks them just as strictly and allocates nothing.
///
/// ## Properties
/// - Nesting is limited to `maximumDepth` levels (RFC 8259 §9 lets a parser set limits); one level
///   deeper throws `.nestingTooDeep`. Nothing here recurses, so no input can overflow the stack.
/// - Every error carries the 1-based line it was found on; newlines are counted while skipping
///   whitespace, the only place outside strings where they may occur.
/// - A UTF-8 byte-order mark at the very start is skipped (RFC 8259 §8.1 lets parsers ignore it).
/// - Complexity: every operation is linear in the bytes it moves over.
///
/// The scanner holds a pointer to the caller's bytes: it must not outlive the closure that
/// provided them.
struct JSONScanner {
  /// What kind of value starts at the current position.
  enum ValueKind: Equatable {
    case object, array, string, number, `true`, `false`, null

    /// The kind as a user reads it in "expected …, found …" messages.
    var description: String {
      switch self {
      case .object: "an object"
      case .array: "an array"
      case .string: "a string"
      case .number: "a number"
      case .true: "true"
      case .false: "false"
      case .null: "null"
      }
    }
  }

  /// A saved position, to come back to a value after reading a later member.
  struct Mark {
    fileprivate let offset: Int
    fileprivate let line: Int
    fileprivate let depth: Int
  }

  /// The deepest nesting of arrays and objects accepted.
  static let maximumDepth = 256

  /// The whole text.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The file name put into errors.
  let file: String
  /// The offset of the next byte to read.
  var offset: Int
  /// The 1-based line of `offset`.
  private(set) var line = 1
  /// The number of arrays and objects open at `offset`.
  private(set) var depth = 0
  /// For each open level (1…depth), whether it is an object; used by `skipValue()`.
  private var levelIsObject: [Bool]
  /// Reused buffer for strings with escapes.
  var stringBuffer: [UInt8] = []

  /// A scanner at the start of `bytes`, past a UTF-8 byte-order mark if there is one.
  init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
    self.bytes = bytes
    self.file = file
    let hasByteOrderMark =
      bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    offset = hasByteOrderMark ? 3 : 0
    levelIsObject = [Bool](repeating: false, count: Self.maximumDepth + 1)
  }

  /// The current position, to `reset(to:)` later.
  var mark: Mark { Mark(offset: offset, line: line, depth: depth) }

  /// Moves back (or forward) to a position saved with `mark`.
  mutating func reset(to mark: Mark) {
    offset = mark.offset
    line = mark.line
    depth = mark.depth
  }

  // MARK: - Whitespace and single bytes

  /// Moves past spaces, tabs, carriage returns and line feeds (RFC 8259 §2), counting lines.
  /// - Complexity: O(k) for k whitespace bytes.
  @inline(__always)
  mutating func skipWhitespace() {
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte > 0x20 { return }
      switch byte {
      case 0x0A: line += 1
      case 0x20, 0x09, 0x0D: break
      default: return
      }
      offset += 1
    }
  }

  /// Skips whitespace; then, if the next byte is `byte`, moves past it and returns true.
  @inline(__always)
  mutating func consume(_ byte: UInt8) -> Bool {
    skipWhitespace()
    if offset < bytes.count && bytes[offset] == byte {
      offset += 1
      return true
    }
    return false
  }

  /// True when only whitespace is left.
  mutating func isAtEnd() -> Bool {
    skipWhitespace()
    return offset >= bytes.count
  }

  /// Throws unless only whitespace is left after the top-level value (RFC 8259 §2:
  /// `JSON-text = ws value ws`).
  mutating func expectEnd() throws(InputError) {
    guard isAtEnd() else {
      throw syntaxError("unexpected \(foundText()) after the end of the top-level value")
    }
  }

  // MARK: - Values

  /// Skips whitespace and tells what kind of value starts there, without moving past it.
  /// - Throws: `.unexpectedEnd` at the end of the text, `.syntax` for a byte no value starts with
  ///   (this is where `NaN`, `Infinity` and single quotes are refused).
  mutating func peekValue() throws(InputError) -> ValueKind {
    skipWhitespace()
    guard offset < bytes.count else { throw endError("expected a value") }
    switch bytes[offset] {
    case UInt8(ascii: "{"): return .object
    case UInt8(ascii: "["): return .array
    case UInt8(ascii: "\""): return .string
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
    case UInt8(ascii: "t"): return .true
    case UInt8(ascii: "f"): return .false
    case UInt8(ascii: "n"): return .null
    default: throw syntaxError("expected a value, found \(foundText())")
    }
  }

  /// Moves past `{`, and past `}` too when the object is empty.
  /// - Returns: true when a member follows (read it with `readKey()`), false for `{}`.
  /// - Throws: `.nestingTooDeep` one level past `maximumDepth`; `.syntax` if no `{` is here.
  mutating func beginObject() throws(InputError) -> Bool {
    try open(UInt8(ascii: "{"), isObject: true)
    if consume(UInt8(ascii: "}")) {
      depth -= 1
      return false
    }
    return true
  }

  /// After a member's value: moves past `,` and returns true, or past `}` and returns false.
  mutating func nextMember() throws(InputError) -> Bool {
    try next(closing: UInt8(ascii: "}"), what: "expected ',' or '}' after a member")
  }

  /// Moves past `[`, and past `]` too when the array is empty.
  /// - Returns: true when an element follows, false for `[]`.
  /// - Throws: `.nestingTooDeep` one level past `maximumDepth`; `.syntax` if no `[` is here.
  mutating func beginArray() throws(InputError) -> Bool {
    try open(UInt8(ascii: "["), isObject: false)
    if consume(UInt8(ascii: "]")) {
      depth -= 1
      return false
    }
    return true
  }

  /// After an element: moves past `,` and returns true, or past `]` and returns false.
  mutating func nextElement() throws(InputError) -> Bool {
    try next(closing: UInt8(ascii: "]"), what: "expected ',' or ']' after an array element")
  }

  /// Reads a number (RFC 8259 §6) and converts it with `NumberParsing`, correctly rounded.
  /// Magnitudes beyond `Double` come back as ±infinity: callers that need finite values check.
  /// - Complexity: O(length of the number); no allocation.
  @inline(__always)
  mutating func readNumber() throws(InputError) -> Double {
    skipWhitespace()
    let start = offset
    try scanNumber()
    guard let value = NumberParsing.double(UnsafeBufferPointer(rebasing: bytes[start..<offset]))
    else { throw syntaxError("cannot read the number \(text(start..<offset))") }
    return value
  }

  /// Reads a number and returns its text exactly as written (for `id` members).
  mutating func readNumberText() throws(InputError) -> String {
    skipWhitespace()
    let start = offset
    try scanNumber()
    return text(start..<offset)
  }

  /// Reads `true` or `false`.
  mutating func readBool() throws(InputError) -> Bool {
    switch try peekValue() {
    case .true:
      try readLiteral("true")
      return true
    case .false:
      try readLiteral("false")
      return false
    case let kind: throw syntaxError("expected true or false, found \(kind.description)")
    }
  }

  /// Reads `null`.
  mutating func readNull() throws(InputError) {
    try readLiteral("null")
  }

  /// Moves past one whole value of any kind, checking it as strictly as reading it would.
  ///
  /// Iterative: nested containers are tracked in a fixed table of `maximumDepth` levels, so a
  /// value nested 100,000 deep throws `.nestingTooDeep` rather than overflowing the stack.
  /// - Complexity: O(length of the value); no allocation.
  mutating func skipValue() throws(InputError) {
    let base = depth
    while true {
      // A value starts here.
      switch try peekValue() {
      case .object:
        if try beginObject() {
          try skipKey()
          continue
        }
      case .array:
        if try beginArray() { continue }
      case .string: try skipString()
      case .number: try scanNumber()
      case .true: try readLiteral("true")
      case .false: try readLiteral("false")
      case .null: try readLiteral("null")
      }
      // A value has ended: close the containers that end with it, or go on to the next value.
      closing: while depth > base {
        if levelIsObject[depth] {
          if try nextMember() {
            try skipKey()
            break closing
          }
        } else if try nextElement() {
          break closing
        }
      }
      if depth == base { return }
    }
  }

  // MARK: - Errors

  /// A `.syntax` error at the current line.
  func syntaxError(_ message: String) -> InputError {
    InputError(file: file, line: line, reason: .syntax(message))
  }

  /// An `.unexpectedEnd` error at the current line.
  func endError(_ message: String) -> InputError {
    InputError(file: file, line: line, reason: .unexpectedEnd(message))
  }

  /// What is at the current offset, for "found …" in messages: a word (`'NaN'`), a quoted
  /// character (`'x'`), a byte in hex for anything unprintable, or "the end of the file".
  func foundText() -> String {
    guard offset < bytes.count else { return "the end of the file" }
    let byte = bytes[offset]
    if isWordByte(byte) {
      var end = offset
      while end < bytes.count && end - offset < 24 && isWordByte(bytes[end]) { end += 1 }
      return "'" + text(offset..<end) + "'"
    }
    if byte >= 0x21 && byte <= 0x7E { return "'" + String(UnicodeScalar(byte)) + "'" }
    return "byte 0x" + String(byte, radix: 16, uppercase: true)
  }

  /// The bytes of `range` as text (invalid UTF-8 repaired; for messages and number text).
  func text(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  // MARK: - Private

  private func isWordByte(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
  }

  private mutating func open(_ bracket: UInt8, isObject: Bool) throws(InputError) {
    guard consume(bracket) else {
      let name = isObject ? "'{'" : "'['"
      if offset >= bytes.count { throw endError("expected \(name)") }
      throw syntaxError("expected \(name), found \(foundText())")
    }
    guard depth < Self.maximumDepth else {
      throw InputError(file: file, line: line, reason: .nestingTooDeep(limit: Self.maximumDepth))
    }
    depth += 1
    levelIsObject[depth] = isObject
  }

  @inline(__always)
  private mutating func next(closing: UInt8, what: String) throws(InputError) -> Bool {
    if consume(UInt8(ascii: ",")) { return true }
    if consume(closing) {
      depth -= 1
      return false
    }
    if offset >= bytes.count { throw endError(what) }
    throw syntaxError("\(what), found \(foundText())")
  }

  private mutating func skipKey() throws(InputError) {
    _ = try readKey()
  }

  private mutating func readLiteral(_ word: StaticString) throws(InputError) {
    let count = word.utf8CodeUnitCount
    let start = word.utf8Start
    for index in 0..<count {
      guard offset + index < bytes.count else { throw endError("'\(word)' is cut short") }
      guard bytes[offset + index] == start[index] else {
        throw syntaxError("expected a value, found \(foundText())")
      }
    }
    offset += count
  }

  /// Moves over `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` (RFC 8259 §6).
  @inline(__always)
  private mutating func scanNumber() throws(InputError) {
    let n = bytes.count
    var i = offset
    if i < n && bytes[i] == UInt8(ascii: "-") { i += 1 }
    guard i < n else { throw endError("a number is cut short") }
    if bytes[i] == UInt8(ascii: "0") {
      i += 1
      if i < n && bytes[i] &- UInt8(ascii: "0") < 10 {
        offset = i
        throw syntaxError("a number may not start with 0 followed by more digits")
      }
    } else if bytes[i] &- UInt8(ascii: "1") < 9 {
      i += 1
      while i < n && bytes[i] &- UInt8(ascii: "0") < 10 { i += 1 }
    } else {
      offset = i
      throw syntaxError("expected a digit in a number, found \(foundText())")
    }
    if i < n && bytes[i] == UInt8(ascii: ".") {
      i += 1
      try requireDigit(at: i, after: "'.'")
      while i < n && bytes[i] &- UInt8(ascii: "0") < 10 { i += 1 }
    }
    if i < n && bytes[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      if i < n && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
      try requireDigit(at: i, after: "the exponent mark")
      while i < n && bytes[i] &- UInt8(ascii: "0") < 10 { i += 1 }
    }
    offset = i
  }

  private mutating func requireDigit(at i: Int, after what: String) throws(InputError) {
    guard i < bytes.count else { throw endError("a number is cut short") }
    guard bytes[i] &- UInt8(ascii: "0") < 10 else {
      offset = i
      throw syntaxError("expected a digit after \(what) in a number, found \(foundText())")
    }
  }
}
