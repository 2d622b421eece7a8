/// A table as RFC 4180 CSV that spreadsheets open safely.
///
/// - Fields holding a comma, a quote, a carriage return or a newline are quoted, quotes doubled.
/// - Text cells that begin with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading `'`,
///   so Excel and LibreOffice do not run them as formulas (OWASP "CSV injection").
///   Numeric cells, negative ones included, stay numbers.
/// - Numbers are written in full, the shortest text that reads back as the same `Double`
///   (`NumberText.shortest`: `0.30000000000000004`, `4.1e-8`, `42`), not with the decimals a
///   person's table shows; a non-finite number is an empty field.
/// - Lines end with `\r\n`, as RFC 4180 §2 says; the header is the column names.
public enum CSVTable {
  /// The table as CSV text by the rules above: the header row of column names, then one line per row.
  public static func render(_ table: Table) -> String {
    var text = table.columns.map { field(escapingFormula($0.name)) }.joined(separator: ",") + "\r\n"
    for row in table.rows {
      text +=
        row.map { cell in
          switch cell {
          case .text(let value): field(escapingFormula(value))
          case .integer, .number, .significant, .empty: cell.machineText
          }
        }.joined(separator: ",") + "\r\n"
    }
    return text
  }

  /// `'` before text that a spreadsheet would read as a formula.
  static func escapingFormula(_ text: String) -> String {
    guard let first = text.unicodeScalars.first else { return text }
    switch first {
    case "=", "+", "-", "@", "\t", "\r": return "'" + text
    default: return text
    }
  }

  /// The text as one CSV field, quoted when it must be.
  static func field(_ text: String) -> String {
    let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    guard needsQuotes else { return text }
    return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
  }
}

extension String {
  /// Every occurrence of `target` replaced (Foundation-free).
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    result.reserveCapacity(count)
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
