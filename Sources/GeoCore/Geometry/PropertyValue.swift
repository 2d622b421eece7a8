/// A property value as GeoJSON carries it: string, number, bool or null, or nested arrays and objects.
public indirect enum PropertyValue: Hashable, Sendable {
  case string(String)
  case number(Double)
  case bool(Bool)
  case null
  case array([PropertyValue])
  case object(Properties)

  /// The type name users see in `inspect` (`string`, `number`, `bool`, `null`, `array`, `object`).
  public var typeName: String {
    switch self {
    case .string: "string"
    case .number: "number"
    case .bool: "bool"
    case .null: "null"
    case .array: "array"
    case .object: "object"
    }
  }

  /// The value as text: strings as they are, numbers in their shortest round-trip form
  /// (integers without `.0`), `true`/`false`; nil for null, arrays and objects.
  public var text: String? {
    switch self {
    case .string(let s): s
    case .number(let n): NumberText.shortest(n)
    case .bool(let b): b ? "true" : "false"
    case .null, .array, .object: nil
    }
  }

  /// The value as a number: numbers as they are, strings that parse as a finite number; else nil.
  public var number: Double? {
    switch self {
    case .number(let n): n
    case .string(let s): Double(s.trimmingSpaces()).flatMap { $0.isFinite ? $0 : nil }
    default: nil
    }
  }
}

/// An ordered list of named values: the `properties` of a feature, in file order.
///
/// Order is kept so that outputs list fields as the input did; lookup by name is linear,
/// which is fast for the tens of fields a boundary file has.
public struct Properties: Hashable, Sendable, RandomAccessCollection {
  /// The property names, in file order, parallel to `values`. A name may repeat only when the
  /// properties were built from pairs that repeat it.
  public private(set) var names: [String]
  /// The property values, parallel to `names`.
  public private(set) var values: [PropertyValue]

  /// No properties.
  public init() {
    names = []
    values = []
  }

  /// The properties in the order of `pairs`, kept as given: a repeated name is kept twice, and lookup
  /// by name finds the first.
  public init(_ pairs: [(String, PropertyValue)]) {
    names = pairs.map(\.0)
    values = pairs.map(\.1)
  }

  /// Always 0.
  public var startIndex: Int { 0 }
  /// The number of properties.
  public var endIndex: Int { names.count }
  /// The name and value of the property at `position` (0-based, in file order).
  public subscript(position: Int) -> (name: String, value: PropertyValue) {
    (names[position], values[position])
  }

  /// The value of the first property called `name`, or nil if there is none.
  public subscript(name: String) -> PropertyValue? {
    guard let index = names.firstIndex(of: name) else { return nil }
    return values[index]
  }

  /// Appends a property, or replaces the value of an existing one with the same name.
  public mutating func set(_ name: String, _ value: PropertyValue) {
    if let index = names.firstIndex(of: name) {
      values[index] = value
    } else {
      names.append(name)
      values.append(value)
    }
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  public func trimmingSpaces() -> String {
    var s = self[...]
    while let first = s.first, first == " " || first == "\t" { s.removeFirst() }
    while let last = s.last, last == " " || last == "\t" { s.removeLast() }
    return String(s)
  }
}
