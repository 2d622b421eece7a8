import GeoCore

/// The page every figure (map, chart) is drawn on: an SVG document 800 units wide, named for
/// screen readers by its `<title>` and `<desc>`, on white, with the title and subtitle at the top
/// left (the subtitle's baseline at y = 54; figures draw below about y = 70).
enum SVGPage {
  /// The page width in SVG units (A4-friendly).
  static let width = 800
  static let font = "Helvetica, Arial, sans-serif"

  /// The root element with its title, description, background and heading; append the figure to it.
  /// - Parameters: `height` in SVG units (rounded up by the caller); `titleSize` the heading's font size.
  static func root(
    height: Double, idPrefix: String, title: String, subtitle: String, description: String, titleSize: Int
  ) -> SVGElement {
    let h = NumberText.fixed(height, digits: 0)
    var root = SVGElement(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(width) \(h)"), ("width", String(width)),
        ("height", h),
        ("role", "img"), ("aria-labelledby", "\(idPrefix)-title \(idPrefix)-desc"), ("font-family", font),
      ])
    root.append(
      SVGElement("title", [("id", "\(idPrefix)-title")], text: title + (subtitle.isEmpty ? "" : " — " + subtitle)))
    root.append(SVGElement("desc", [("id", "\(idPrefix)-desc")], text: description))
    root.append(SVGElement("rect", [("width", "100%"), ("height", "100%"), ("fill", "#ffffff")]))
    root.append(
      SVGElement(
        "text",
        [("x", "20"), ("y", "32"), ("font-size", String(titleSize)), ("font-weight", "bold"), ("fill", "#222222")],
        text: title))
    if !subtitle.isEmpty {
      root.append(
        SVGElement("text", [("x", "20"), ("y", "54"), ("font-size", "13"), ("fill", "#444444")], text: subtitle))
    }
    return root
  }
}
