/// A table as an HTML `<table>`: header cells in `<thead>`, numbers right-aligned (class `num`),
/// every text escaped. Well-formed XML as well as HTML, so `xmllint` can check it.
public enum HTMLTable {
  /// The table as an HTML `<table>` with an optional escaped `<caption>`; cells of right-aligned columns
  /// get class `num`, numbers written with their aligned decimals.
  public static func render(_ table: Table, caption: String? = nil) -> String {
    var html = "<table>\n"
    if let caption { html += "<caption>\(SVGWriter.escape(caption))</caption>\n" }
    html += "<thead><tr>"
    for column in table.columns {
      html += column.alignment == .right ? "<th class=\"num\">" : "<th>"
      html += SVGWriter.escape(column.name) + "</th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    for row in table.rows {
      html += "<tr>"
      for (index, cell) in row.enumerated() {
        let right = index < table.columns.count && table.columns[index].alignment == .right
        html += (right ? "<td class=\"num\">" : "<td>") + SVGWriter.escape(cell.alignedText) + "</td>"
      }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }
}
