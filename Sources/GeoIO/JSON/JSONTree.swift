/// A small JSON value, read whole: for configuration files (screening criteria), never for data.
///
/// Objects keep their members in file order. Nesting is bounded by `JSONScanner.maximumDepth`, so
/// the recursion here is bounded too.
///
/// ## Properties
/// - Reads exactly what RFC 8259 allows (the scanner checks the grammar); numbers as `Double`.
public indirect enum JSONTree: Sendable, Equatable {
  case object([(String, JSONTree)])
  case array([JSONTree])
  case string(String)
  case number(Double)
  case bool(Bool)
  case null

  /// Structural equality: same case and equal contents, object members compared pairwise in order
  /// (so the same members in another order are unequal).
  public static func == (a: JSONTree, b: JSONTree) -> Bool {
    switch (a, b) {
    case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    case (.array(let x), .array(let y)): x == y
    case (.string(let x), .string(let y)): x == y
    case (.number(let x), .number(let y)): x == y
    case (.bool(let x), .bool(let y)): x == y
    case (.null, .null): true
    default: false
    }
  }

  /// The member `name` of an object (nil otherwise or when absent).
  public subscript(name: String) -> JSONTree? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == name }?.1
  }

  /// The value of a number, nil for any other case.
  public var number: Double? { if case .number(let x) = self { x } else { nil } }
  /// The text of a string, nil for any other case.
  public var string: String? { if case .string(let s) = self { s } else { nil } }
  /// The elements of an array, nil for any other case.
  public var array: [JSONTree]? { if case .array(let a) = self { a } else { nil } }
  /// The members of an object, in file order (a repeated name kept twice), nil for any other case.
  public var members: [(String, JSONTree)]? { if case .object(let m) = self { m } else { nil } }

  /// Reads the JSON text in the file at `path`.
  public static func read(file path: String) throws(InputError) -> JSONTree {
    let bytes = try readWholeFile(path)
    return try read(bytes: bytes, name: path)
  }

  /// Reads the one JSON value that `bytes` hold, nothing but whitespace after it; `name` is the file
  /// named in errors.
  /// - Throws: `.emptyFile` when there is no value, else the scanner's syntax and depth errors.
  public static func read(bytes: [UInt8], name: String) throws(InputError) -> JSONTree {
    let result = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(InputError) -> JSONTree in
        var scanner = JSONScanner(bytes: buffer, file: name)
        guard !scanner.isAtEnd() else { throw InputError(file: name, reason: .emptyFile) }
        let value = try value(&scanner)
        try scanner.expectEnd()
        return value
      }
    }
    return try result.get()
  }

  private static func value(_ scanner: inout JSONScanner) throws(InputError) -> JSONTree {
    switch try scanner.peekValue() {
    case .object:
      var members: [(String, JSONTree)] = []
      if try scanner.beginObject() {
        repeat {
          let key = scanner.string(try scanner.readKey())
          members.append((key, try value(&scanner)))
        } while try scanner.nextMember()
      }
      return .object(members)
    case .array:
      var elements: [JSONTree] = []
      if try scanner.beginArray() {
        repeat { elements.append(try value(&scanner)) } while try scanner.nextElement()
      }
      return .array(elements)
    case .string: return .string(try scanner.readString())
    case .number: return .number(try scanner.readNumber())
    case .true, .false: return .bool(try scanner.readBool())
    case .null:
      try scanner.readNull()
      return .null
    }
  }
}
