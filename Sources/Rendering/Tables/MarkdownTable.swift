/// A table in GitHub-flavoured Markdown for reports: `|` separated, `---:` for right-aligned
/// columns, `|` and backslashes in cells escaped, `<` and `>` as `&lt;` and `&gt;` (so a name
/// is never read as an HTML tag by a Markdown renderer), newlines and other control characters
/// turned into spaces.
public enum MarkdownTable {
  /// The table as Markdown lines: the header, the alignment row, then one line per row, `\n` at the end.
  public static func render(_ table: Table) -> String {
    func cell(_ text: String) -> String {
      var result = ""
      for character in text {
        switch character {
        case "|": result += "\\|"
        case "\\": result += "\\\\"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case _ where TextTable.isControl(character): result += " "
        default: result.append(character)
        }
      }
      return result
    }
    var lines = ["| " + table.columns.map { cell($0.name) }.joined(separator: " | ") + " |"]
    lines.append(
      "|" + table.columns.map { $0.alignment == .right ? " ---: " : " --- " }.joined(separator: "|")
        + "|")
    for row in table.rows {
      lines.append("| " + row.map { cell($0.alignedText) }.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
