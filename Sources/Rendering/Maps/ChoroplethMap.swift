import GeoCore

/// A print-ready choropleth: areas filled by class, with title, legend, scale bar, north arrow,
/// attribution, `<title>`/`<desc>` and data attributes for re-use. Deterministic: the same areas
/// and values give the same bytes.
///
/// The map is drawn in the areas' projected CRS (metres), so the scale bar is true; British
/// National Grid north is grid north, within about 1° of true north across Great Britain.
public struct ChoroplethMap: Sendable {
  public struct Area: Sendable {
    public var id: String
    public var name: String
    /// In a projected CRS (metres).
    public var geometry: Geometry
    /// nil: no data (drawn white, listed in the legend). Infinity and NaN are no data too.
    public var value: Double?

    public init(id: String, name: String, geometry: Geometry, value: Double?) {
      self.id = id
      self.name = name
      self.geometry = geometry
      self.value = value.flatMap { $0.isFinite ? $0 : nil }
    }
  }

  public var areas: [Area]
  public var title: String
  public var subtitle: String
  /// What the value is, for the legend heading and tooltips ("incidents", "per 1,000 people").
  public var valueLabel: String
  public var method: ClassBreaks.Method
  public var methodName: String
  public var attribution: String
  /// Decimals shown for class bounds (0 for counts).
  public var digits: Int

  public init(
    areas: [Area], title: String, subtitle: String, valueLabel: String, method: ClassBreaks.Method,
    methodName: String, attribution: String, digits: Int
  ) {
    self.areas = areas
    self.title = title
    self.subtitle = subtitle
    self.valueLabel = valueLabel
    self.method = method
    self.methodName = methodName
    self.attribution = attribution
    self.digits = digits
  }

  /// Page width in SVG user units (points when printed at 72 per inch: about 28 cm).
  public static let width = 800.0
  static let font = "Helvetica, Arial, sans-serif"

  public var breaks: [Double] { ClassBreaks.breaks(areas.compactMap(\.value), method: method) }

  /// The whole SVG document.
  public func svg(generator: String) -> String {
    let breaks = self.breaks
    let colours = breaks.isEmpty ? [] : Palette.sequential(Swift.min(9, breaks.count))
    let box = areas.reduce(BoundingBox.empty) { $0.union($1.geometry.boundingBox) }
    let mapWidth = 560.0
    let mapHeight = box.isEmpty ? 400 : Swift.min(900, Swift.max(320, mapWidth * box.height / Swift.max(box.width, 1)))
    let top = 72.0
    let height = top + mapHeight + 64
    let frame = MapFrame(fitting: box, into: (20, top, mapWidth, mapHeight))
    let values = areas.compactMap(\.value)
    let counts = ClassBreaks.counts(values, breaks: breaks)

    var root = SVGElement(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(NumberText.shortest(Self.width)) \(NumberText.fixed(height, digits: 0))"),
        ("width", NumberText.shortest(Self.width)), ("height", NumberText.fixed(height, digits: 0)),
        ("role", "img"), ("aria-labelledby", "map-title map-desc"), ("font-family", Self.font),
      ])
    root.append(SVGElement("title", [("id", "map-title")], text: title + (subtitle.isEmpty ? "" : " — " + subtitle)))
    root.append(SVGElement("desc", [("id", "map-desc")], text: description(breaks: breaks, counts: counts, generator: generator)))
    root.append(SVGElement("rect", [("width", "100%"), ("height", "100%"), ("fill", "#ffffff")]))
    root.append(SVGElement("text", [("x", "20"), ("y", "32"), ("font-size", "20"), ("font-weight", "bold"), ("fill", "#222222")], text: title))
    if !subtitle.isEmpty {
      root.append(SVGElement("text", [("x", "20"), ("y", "54"), ("font-size", "13"), ("fill", "#444444")], text: subtitle))
    }

    var group = SVGElement(
      "g", [("id", "areas"), ("stroke", Palette.outline), ("stroke-width", "0.4"), ("stroke-linejoin", "round"), ("fill-rule", "evenodd")])
    for area in areas {
      let fill =
        area.value.flatMap { value in
          colours.isEmpty ? nil : colours[Swift.min(colours.count - 1, ClassBreaks.classIndex(of: value, breaks: breaks))]
        } ?? Palette.noData
      let valueText = area.value.map { NumberText.fixed($0, digits: Swift.max(digits, 2)) } ?? "no data"
      var path = SVGElement(
        "path",
        [("d", frame.pathData(area.geometry)), ("fill", fill), ("data-id", area.id), ("data-name", area.name),
         ("data-value", area.value.map { NumberText.shortest($0) } ?? "")])
      path.append(SVGElement("title", text: "\(area.name.isEmpty ? area.id : area.name): \(valueText) \(valueLabel)"))
      group.append(path)
    }
    root.append(group)
    let noData = areas.count - values.count
    root.append(legend(breaks: breaks, colours: colours, counts: counts, noData: noData, x: 600, y: top + 6))
    let legendBottom = top + 6 + 34 + 20 * Double(breaks.count + (noData > 0 ? 1 : 0))
    root.append(northArrow(x: 609, y: legendBottom + 16))
    root.append(scaleBar(frame: frame, box: box, x: 20, y: top + mapHeight + 14))
    root.append(SVGElement(
      "text", [("x", "20"), ("y", NumberText.fixed(height - 8, digits: 0)), ("font-size", "9"), ("fill", "#666666")],
      text: attribution))
    return SVGWriter.document(root)
  }

  private func description(breaks: [Double], counts: [Int], generator: String) -> String {
    let ranges = breaks.indices.map { "\(label(class: $0, breaks: breaks)): \(counts[$0])" }.joined(separator: "; ")
    return "Choropleth of \(areas.count) areas by \(valueLabel), \(breaks.count) classes by \(methodName) (\(ranges)). Made by \(generator)."
  }

  /// `≤ 105`, `106 – 238` for whole numbers; `105.1 – 238` otherwise.
  func label(class c: Int, breaks: [Double]) -> String {
    let upper = NumberText.fixed(breaks[c], digits: digits)
    guard c > 0 else { return "≤ " + upper }
    let wholeNumbers = digits == 0 && breaks[c - 1].rounded() == breaks[c - 1]
    let lowerValue = wholeNumbers ? breaks[c - 1] + 1 : breaks[c - 1]
    let lower = NumberText.fixed(lowerValue, digits: digits)
    return lower == upper ? upper : (wholeNumbers ? "" : "> ") + lower + " – " + upper
  }

  private func legend(breaks: [Double], colours: [String], counts: [Int], noData: Int, x: Double, y: Double) -> SVGElement {
    var group = SVGElement("g", [("id", "legend"), ("font-size", "11"), ("fill", "#222222")])
    group.append(SVGElement("text", [("x", NumberText.shortest(x)), ("y", NumberText.shortest(y + 10)), ("font-weight", "bold")], text: valueLabel.prefix(1).uppercased() + valueLabel.dropFirst()))
    group.append(SVGElement("text", [("x", NumberText.shortest(x)), ("y", NumberText.shortest(y + 24)), ("font-size", "9"), ("fill", "#555555")], text: methodName))
    var rowY = y + 34
    for c in stride(from: breaks.count - 1, through: 0, by: -1) {
      group.append(swatch(x: x, y: rowY, fill: colours[Swift.min(colours.count - 1, c)]))
      group.append(SVGElement(
        "text", [("x", NumberText.shortest(x + 26)), ("y", NumberText.shortest(rowY + 11))],
        text: "\(label(class: c, breaks: breaks))  (\(counts[c]))"))
      rowY += 20
    }
    if noData > 0 {
      group.append(swatch(x: x, y: rowY, fill: Palette.noData))
      group.append(SVGElement("text", [("x", NumberText.shortest(x + 26)), ("y", NumberText.shortest(rowY + 11))], text: "no data  (\(noData))"))
    }
    return group
  }

  private func swatch(x: Double, y: Double, fill: String) -> SVGElement {
    SVGElement("rect", [
      ("x", NumberText.shortest(x)), ("y", NumberText.shortest(y)), ("width", "18"), ("height", "14"), ("fill", fill),
      ("stroke", Palette.outline), ("stroke-width", "0.4"),
    ])
  }

  /// A bar of about a quarter of the map's width, in whole 1, 2 or 5 × 10ᵏ metres.
  private func scaleBar(frame: MapFrame, box: BoundingBox, x: Double, y: Double) -> SVGElement {
    var group = SVGElement("g", [("id", "scale-bar"), ("font-size", "10"), ("fill", "#222222")])
    guard !box.isEmpty, frame.scale > 0 else { return group }
    let target = box.width / 4
    let base = pow10Below(target)
    let length = [5.0, 2, 1].map { $0 * base }.first { $0 <= target } ?? base
    let barWidth = length * frame.scale
    for half in 0..<2 {
      group.append(SVGElement("rect", [
        ("x", NumberText.fixed(x + Double(half) * barWidth / 2, digits: 1)), ("y", NumberText.fixed(y, digits: 1)),
        ("width", NumberText.fixed(barWidth / 2, digits: 1)), ("height", "5"),
        ("fill", half == 0 ? "#222222" : "#ffffff"), ("stroke", "#222222"), ("stroke-width", "0.6"),
      ]))
    }
    let label = length >= 1000 ? NumberText.shortest(length / 1000) + " km" : NumberText.shortest(length) + " m"
    group.append(SVGElement("text", [("x", NumberText.fixed(x, digits: 1)), ("y", NumberText.fixed(y + 17, digits: 1))], text: "0"))
    group.append(SVGElement(
      "text", [("x", NumberText.fixed(x + barWidth, digits: 1)), ("y", NumberText.fixed(y + 17, digits: 1)), ("text-anchor", "middle")],
      text: label))
    return group
  }

  private func pow10Below(_ value: Double) -> Double {
    var p = 1.0
    while p * 10 <= value { p *= 10 }
    while p > value && p > 1e-9 { p /= 10 }
    return p
  }

  private func northArrow(x: Double, y: Double) -> SVGElement {
    var group = SVGElement("g", [("id", "north-arrow"), ("fill", "#222222")])
    let cx = NumberText.shortest(x)
    group.append(SVGElement("path", [("d", "M\(cx) \(NumberText.shortest(y + 4))l-7 20l7 -5l7 5z")]))
    group.append(SVGElement("text", [("x", cx), ("y", NumberText.shortest(y + 38)), ("font-size", "11"), ("text-anchor", "middle")], text: "N"))
    return group
  }
}
