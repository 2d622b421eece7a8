/// A table as aligned plain text for the terminal: a header, a rule of dashes, then the rows;
/// columns separated by two spaces; right-aligned columns padded on the left; numbers keep their
/// decimals so that they line up.
///
/// Widths count Unicode characters (grapheme clusters), so `Ynys Môn` lines up; lines carry no
/// trailing spaces. Control characters in cells (newlines, escape sequences that would drive the
/// terminal) become spaces (`printable`).
public enum TextTable {
  /// Aligned text, one line per row under a header and a rule.
  /// - Parameters:
  ///   - table: the columns and rows to show.
  ///   - maxWidth: the terminal's width in characters; when the table is wider, the
  ///     widest text (left-aligned) columns are narrowed, down to 8 characters, their cells cut with
  ///     `…`. Numbers are never cut. nil: no limit (files, pipes).
  public static func render(_ table: Table, maxWidth: Int? = nil) -> String {
    let header = table.columns.map { printable($0.name) }
    let body = table.rows.map { $0.map { printable($0.alignedText) } }
    var widths = header.map(\.count)
    for row in body {
      for (index, text) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], text.count)
      }
    }
    if let maxWidth {
      var total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
      while total > maxWidth,
        let widest = table.columns.indices.filter({ table.columns[$0].alignment == .left && widths[$0] > 8 })
          .max(by: { (widths[$0], -$0) < (widths[$1], -$1) })
      {
        widths[widest] -= 1
        total -= 1
      }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (index, column) in table.columns.enumerated() {
        var text = index < cells.count ? cells[index] : ""
        if text.count > widths[index] {
          var kept = text.prefix(widths[index] - 1)
          while kept.last == " " { kept.removeLast() }
          text = kept + "…"
        }
        let padding = String(repeating: " ", count: widths[index] - text.count)
        let isLast = index == table.columns.count - 1
        switch column.alignment {
        case .left: parts.append(isLast ? text : text + padding)
        case .right: parts.append(padding + text)
        }
      }
      var line = parts.joined(separator: "  ")
      while line.last == " " { line.removeLast() }
      return line
    }
    var lines = [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
    lines += body.map(line)
    return lines.joined(separator: "\n") + "\n"
  }

  /// `text` with every control character (C0, DEL, C1; a CR LF pair counts as one) replaced by
  /// a space, so that it can neither break a line nor send an escape sequence to a terminal.
  public static func printable(_ text: String) -> String {
    guard text.contains(where: isControl) else { return text }
    return String(text.map { isControl($0) ? " " : $0 })
  }

  /// Whether `character` is, or starts with, a control character.
  static func isControl(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}
