/// A table as aligned plain text for the terminal: a header, a rule of dashes, then the rows;
/// columns separated by two spaces; right-aligned columns padded on the left; numbers keep their
/// decimals so that they line up.
///
/// Widths count Unicode characters (grapheme clusters), so `Ynys Môn` lines up; lines carry no
/// trailing spaces.
public enum TextTable {
  public static func render(_ table: Table) -> String {
    let header = table.columns.map(\.name)
    let body = table.rows.map { $0.map(\.alignedText) }
    var widths = header.map(\.count)
    for row in body {
      for (index, text) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], text.count)
      }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (index, column) in table.columns.enumerated() {
        let text = index < cells.count ? cells[index] : ""
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
}
