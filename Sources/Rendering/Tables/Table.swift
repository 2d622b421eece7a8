import GeoCore

/// A table of typed cells, rendered by `TextTable`, `CSVTable`, `MarkdownTable` and `JSONTable`.
///
/// Cells keep their type so that each format can do the right thing: numbers stay numbers in CSV
/// and JSON, text is escaped for its format, and columns of numbers align right on the terminal.
public struct Table: Hashable, Sendable {
  /// The columns, in display order.
  public var columns: [Column]
  /// The rows, each a cell per column in column order.
  public var rows: [[Cell]]

  /// A table with `columns` and `rows` (none by default); row lengths are not checked.
  public init(columns: [Column], rows: [[Cell]] = []) {
    self.columns = columns
    self.rows = rows
  }

  /// A label as a snake_case column name: `Anti-social behaviour` → `anti_social_behaviour`,
  /// `2024-25 Q1` → `2024_25_q1`; `fallback` when nothing is left.
  public static func columnName(_ label: String, fallback: String) -> String {
    var result = ""
    for character in label.lowercased() {
      if character.isLetter || character.isNumber {
        result.append(character)
      } else if !result.isEmpty && result.last != "_" {
        result.append("_")
      }
    }
    while result.last == "_" { result.removeLast() }
    return result.isEmpty ? fallback : result
  }

  /// A column's header and alignment.
  public struct Column: Hashable, Sendable {
    /// The header: snake_case with its unit for machine formats (`rate_per_1000`).
    public var name: String
    /// How the column aligns in text, Markdown and HTML (`.right` for numbers).
    public var alignment: Alignment

    /// A column called `name`, left-aligned unless told otherwise.
    public init(_ name: String, alignment: Alignment = .left) {
      self.name = name
      self.alignment = alignment
    }
  }

  /// A column's alignment.
  public enum Alignment: Hashable, Sendable {
    case left, right
  }

  /// A typed cell: text, an integer, a number with its display precision, or empty.
  ///
  /// The display precision is for people (text, Markdown and HTML tables); CSV and JSON write the
  /// number in full, as `NumberText.shortest` (see `machineText`).
  public enum Cell: Hashable, Sendable {
    case text(String)
    case integer(Int)
    /// A number shown to people with at most `digits` decimals (trailing zeros trimmed).
    case number(Double, digits: Int)
    /// A number shown to people with `digits` significant digits (p-values: `0.0123`, `3.2e-09`).
    case significant(Double, digits: Int)
    case empty

    /// A whole number as an integer cell, anything else with up to 6 decimals for people: for values
    /// that are counts or fields (`382`, `15.72598`).
    public static func value(_ x: Double) -> Cell {
      x.rounded() == x && abs(x) < 1e15 ? .integer(Int(x)) : .number(x, digits: 6)
    }

    /// The cell as plain text, numbers through `NumberText` (deterministic).
    public var plainText: String {
      switch self {
      case .text(let text): text
      case .integer(let value): String(value)
      case .number(let value, let digits): NumberText.fixed(value, digits: digits)
      case .significant(let value, let digits): NumberText.significant(value, digits: digits)
      case .empty: ""
      }
    }

    /// The cell for programs (CSV): integers as they are, numbers as `NumberText.shortest`, every
    /// digit of the `Double` whatever its display precision (`4.1e-8` stays `4.1e-8`, never `0`);
    /// a non-finite number or an empty cell as nothing.
    public var machineText: String {
      switch self {
      case .text(let text): text
      case .integer(let value): String(value)
      case .number(let value, _), .significant(let value, _): value.isFinite ? NumberText.shortest(value) : ""
      case .empty: ""
      }
    }

    /// The cell as aligned text: numbers keep exactly their decimals (`12.50`), so that a column
    /// of them lines up on the decimal point.
    public var alignedText: String {
      switch self {
      case .number(let value, let digits): NumberText.fixed(value, digits: digits, keepingZeros: true)
      default: plainText
      }
    }

    /// True for integer, number and significant cells; false for text and empty ones.
    public var isNumeric: Bool {
      switch self {
      case .integer, .number, .significant: true
      case .text, .empty: false
      }
    }
  }
}
