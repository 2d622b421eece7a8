import GeoCore

/// A JSON document for programs, with object keys kept in the order they were added so output is
/// byte-stable (never in `Dictionary` order, which Swift seeds per process).
public indirect enum JSONValue: Hashable, Sendable, ExpressibleByStringLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
  case string(String)
  /// Written with `NumberText.shortest`; a non-finite number is written as `null` (RFC 8259 §6).
  case number(Double)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// A string literal as `.string`.
  public init(stringLiteral value: String) { self = .string(value) }
  /// An integer literal as `.number`.
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
  /// A boolean literal as `.bool`.
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  /// An array literal as `.array`.
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

  /// An optional string, or null.
  public static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

  /// The document as text: two-space indentation, one member per line, `\n` at the end.
  public func rendered() -> String {
    var text = ""
    write(to: &text, indent: 0)
    return text + "\n"
  }

  private func write(to text: inout String, indent: Int) {
    switch self {
    case .string(let value): JSONValue.writeString(value, to: &text)
    case .number(let value): text += value.isFinite ? NumberText.shortest(value) : "null"
    case .bool(let value): text += value ? "true" : "false"
    case .null: text += "null"
    case .array(let elements):
      if elements.isEmpty {
        text += "[]"
        return
      }
      // Arrays of scalars stay on one line; arrays of containers get a line each.
      let scalars = elements.allSatisfy { !$0.isContainer }
      text += "["
      for (index, element) in elements.enumerated() {
        if index > 0 { text += scalars ? ", " : "," }
        if !scalars { text += "\n" + String(repeating: "  ", count: indent + 1) }
        element.write(to: &text, indent: indent + 1)
      }
      if !scalars { text += "\n" + String(repeating: "  ", count: indent) }
      text += "]"
    case .object(let members):
      if members.isEmpty {
        text += "{}"
        return
      }
      text += "{"
      for (index, (key, value)) in members.enumerated() {
        text += (index > 0 ? ",\n" : "\n") + String(repeating: "  ", count: indent + 1)
        JSONValue.writeString(key, to: &text)
        text += ": "
        value.write(to: &text, indent: indent + 1)
      }
      text += "\n" + String(repeating: "  ", count: indent) + "}"
    }
  }

  private var isContainer: Bool {
    switch self {
    case .array, .object: true
    default: false
    }
  }

  /// A JSON string literal (RFC 8259 §7): quotes, backslashes and control characters escaped;
  /// `<`, `>` and `&` as `\u003c`… so the text is safe inside HTML `<script>` blocks too.
  public static func writeString(_ value: String, to text: inout String) {
    text += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case "<", ">", "&":
        text += "\\u00" + String(scalar.value, radix: 16)
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
  }

  /// Structural equality, object members compared pairwise in order; numbers by `==` (so NaN ≠ NaN).
  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.string(let x), .string(let y)): x == y
    case (.number(let x), .number(let y)): x == y
    case (.bool(let x), .bool(let y)): x == y
    case (.null, .null): true
    case (.array(let x), .array(let y)): x == y
    case (.object(let x), .object(let y)):
      x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  /// Hashes the rendered text, consistently with `==`; O(size of the document).
  public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }
}
