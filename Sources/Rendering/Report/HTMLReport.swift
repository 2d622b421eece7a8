/// One self-contained HTML report: inline SVG maps and CSS, no scripts, nothing fetched from the
/// network, print CSS (A4, no figure or table split across pages, no heading left alone at the foot
/// of a page). Every text is escaped; the markup is
/// well-formed XML so that it can be checked with an XML parser.
public struct HTMLReport: Sendable {
  /// One block of a section, in order: an escaped paragraph, an inline SVG figure with its caption, a
  /// table, or label/value facts as a definition list.
  public enum Block: Sendable {
    case paragraph(String)
    /// An SVG document (its XML declaration is dropped when inlined).
    case figure(svg: String, caption: String)
    case table(Table, caption: String?)
    case facts([(label: String, value: String)])
  }

  /// A section: an `<h2>` heading and its blocks.
  public struct Section: Sendable {
    /// The section heading, escaped.
    public var heading: String
    /// The blocks, in order.
    public var blocks: [Block]
    /// A section called `heading` holding `blocks`.
    public init(_ heading: String, _ blocks: [Block]) {
      self.heading = heading
      self.blocks = blocks
    }
  }

  /// The report's `<h1>` and its `<title>`.
  public var title: String
  /// The line under the title.
  public var subtitle: String
  /// The headline figures, shown large at the top.
  public var headline: [(label: String, value: String)]
  /// The sections, in order.
  public var sections: [Section]
  /// Footer lines (sources, provenance), one paragraph each.
  public var footer: [String]

  /// A report from its parts, stored as given.
  public init(
    title: String, subtitle: String, headline: [(label: String, value: String)], sections: [Section], footer: [String]
  ) {
    self.title = title
    self.subtitle = subtitle
    self.headline = headline
    self.sections = sections
    self.footer = footer
  }

  static let style = """
    body{font-family:Helvetica,Arial,sans-serif;color:#222;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.4}
    h1{font-size:1.6em;margin-bottom:0.1em}h2{font-size:1.2em;border-bottom:1px solid #ccc;padding-bottom:0.2em;margin-top:1.6em}
    .subtitle{color:#555;margin-top:0}
    .headline{display:flex;flex-wrap:wrap;gap:1em;margin:1em 0}
    .headline div{border:1px solid #ddd;border-radius:4px;padding:0.5em 0.8em;min-width:9em}
    .headline .value{font-size:1.5em;font-weight:bold;display:block}
    .headline .label{color:#555;font-size:0.85em}
    figure{margin:1em 0;page-break-inside:avoid}figure svg{max-width:100%;height:auto}
    figcaption{color:#555;font-size:0.9em}
    .table-wrap{overflow-x:auto}
    table{border-collapse:collapse;font-size:0.85em;margin:0.5em 0;page-break-inside:avoid}
    caption{text-align:left;font-weight:bold;padding-bottom:0.3em}
    th,td{border-bottom:1px solid #e3e3e3;padding:0.2em 0.6em;text-align:left}
    th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}
    dl{display:grid;grid-template-columns:max-content auto;gap:0.2em 1em;font-size:0.9em}dt{color:#555}dd{margin:0}
    footer{margin-top:2em;font-size:0.8em;color:#666;border-top:1px solid #ccc;padding-top:0.5em}
    @page{size:A4;margin:15mm}
    @media print{body{margin:0;max-width:none}h2{page-break-after:avoid}.table-wrap{overflow:visible}table{font-size:7pt}th,td{padding:0.15em 0.35em}}
    """

  /// The report as one HTML5 document (UTF-8, inline CSS, no scripts), `\n` at the end.
  public func html() -> String {
    func e(_ text: String) -> String { SVGWriter.escape(text) }
    var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
    html += "<title>\(e(title))</title>\n<style>\n\(Self.style)\n</style>\n</head>\n<body>\n"
    html += "<header>\n<h1>\(e(title))</h1>\n<p class=\"subtitle\">\(e(subtitle))</p>\n"
    if !headline.isEmpty {
      html += "<div class=\"headline\">\n"
      for item in headline {
        html +=
          "<div><span class=\"value\">\(e(item.value))</span><span class=\"label\">\(e(item.label))</span></div>\n"
      }
      html += "</div>\n"
    }
    html += "</header>\n"
    for section in sections {
      html += "<section>\n<h2>\(e(section.heading))</h2>\n"
      for block in section.blocks {
        switch block {
        case .paragraph(let text): html += "<p>\(e(text))</p>\n"
        case .figure(let svg, let caption):
          let inline = svg.hasPrefix("<?xml") ? String(svg.drop { $0 != "\n" }.dropFirst()) : svg
          html += "<figure>\n\(inline)<figcaption>\(e(caption))</figcaption>\n</figure>\n"
        case .table(let table, let caption):
          html += "<div class=\"table-wrap\">\n" + HTMLTable.render(table, caption: caption) + "</div>\n"
        case .facts(let facts):
          html += "<dl>\n"
          for fact in facts { html += "<dt>\(e(fact.label))</dt><dd>\(e(fact.value))</dd>\n" }
          html += "</dl>\n"
        }
      }
      html += "</section>\n"
    }
    html += "<footer>\n" + footer.map { "<p>\(e($0))</p>\n" }.joined() + "</footer>\n</body>\n</html>\n"
    return html
  }
}
