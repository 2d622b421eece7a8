import GeoCore

/// A print-ready map: layers drawn in order, with title, subtitle, legend, scale bar, north arrow,
/// labels, attribution and a data note, plus `<title>`/`<desc>` and data attributes for re-use.
/// Deterministic: the same layers give the same bytes.
///
/// The page is 800 × up to about 1,000 units (A4-friendly at 72 units per inch), map on the left,
/// legend on the right. The map is drawn in the layers' projected CRS (metres), so the scale bar
/// is true; British National Grid north is grid north, within about 1° of true north in Britain.
public struct MapDocument: Sendable {
  /// The heading at the top of the page, also the SVG `<title>` (with the subtitle).
  public var title: String
  /// The line under the title (period, source…).
  public var subtitle: String
  /// The layers, drawn in order (later ones on top); together their boxes set the map's extent.
  public var layers: [MapLayer]
  /// Labels placed at positions (map coordinates), in priority order; one that would overlap an
  /// earlier one is moved above or below it, or left out.
  public var labels: [(text: String, at: Point)]
  /// Lines printed under the map: sources and licences.
  public var attribution: [String]
  /// A caveat printed above the attribution ("locations are approximate…"), if any.
  public var dataNote: String?
  /// Who made it, for `<desc>`.
  public var generator: String
  /// Prefix of every element id, so several maps can share one HTML page.
  public var idPrefix = "map"

  /// A map from its parts; `idPrefix` starts as `map`.
  public init(
    title: String, subtitle: String, layers: [MapLayer], labels: [(text: String, at: Point)] = [],
    attribution: [String], dataNote: String? = nil, generator: String
  ) {
    self.title = title
    self.subtitle = subtitle
    self.layers = layers
    self.labels = labels
    self.attribution = attribution
    self.dataNote = dataNote
    self.generator = generator
  }

  static let mapRect = (x: 20.0, width: 560.0)

  /// The map as a standalone SVG document, 800 units wide, with an XML declaration first.
  public func svg() -> String {
    let box = layers.reduce(BoundingBox.empty) { $0.union($1.boundingBox) }
    let mapWidth = Self.mapRect.width
    let mapHeight = box.isEmpty ? 400 : Swift.min(900, Swift.max(320, mapWidth * box.height / Swift.max(box.width, 1)))
    let top = 72.0
    let footerLines = attribution.count + (dataNote == nil ? 0 : 1)
    let height = top + mapHeight + 40 + 12 * Double(footerLines)
    let frame = MapFrame(fitting: box, into: (Self.mapRect.x, top, mapWidth, mapHeight))

    var root = SVGPage.root(
      height: height, idPrefix: idPrefix, title: title, subtitle: subtitle, description: description, titleSize: 20)
    if layers.contains(where: \.hasUnclassedAreas) {
      root.append(SVGElement("defs", children: [.element(noDataHatch)]))
    }
    for (index, layer) in layers.enumerated() { root.append(draw(layer, index: index, frame: frame)) }
    if !labels.isEmpty { root.append(drawLabels(frame: frame)) }
    var legendY = top + 6
    var legendGroup = SVGElement(
      "g", [("class", "legend"), ("id", "\(idPrefix)-legend"), ("font-size", "11"), ("fill", "#222222")])
    for layer in layers { legendY = appendLegend(for: layer, to: &legendGroup, x: 600, y: legendY) }
    root.append(legendGroup)
    root.append(northArrow(x: 609, y: legendY + 10))
    root.append(scaleBar(frame: frame, box: box, x: 20, y: top + mapHeight + 14))
    var footerY = top + mapHeight + 48
    for line in (dataNote.map { [$0] } ?? []) + attribution {
      root.append(
        SVGElement(
          "text", [("x", "20"), ("y", NumberText.fixed(footerY, digits: 0)), ("font-size", "9"), ("fill", "#666666")],
          text: line))
      footerY += 12
    }
    return SVGWriter.document(root)
  }

  private var description: String {
    var parts: [String] = []
    for layer in layers {
      switch layer {
      case .choropleth(let choropleth):
        let counts = choropleth.counts
        let classes = choropleth.classes.indices.map { "\(choropleth.classes[$0].label): \(counts[$0])" }
        parts.append(
          "\(choropleth.heading) for \(choropleth.areas.count) areas in \(choropleth.classes.count) classes, \(choropleth.note) (\(classes.joined(separator: "; ")))"
        )
      case .outlines(let name, let geometries, _): parts.append("\(geometries.count) \(name) outlined")
      case .boundaries(let geometries): parts.append("\(geometries.count) area boundaries")
      case .points(let name, let positions, _, _, _):
        parts.append("\(positions.reduce(0) { $0 + $1.count }) \(name) at \(positions.count) places")
      }
    }
    return parts.joined(separator: ". ") + ". Made by \(generator)."
  }

  private func draw(_ layer: MapLayer, index: Int, frame: MapFrame) -> SVGElement {
    switch layer {
    case .choropleth(let choropleth):
      var attributes = [("id", "\(idPrefix)-layer-\(index)"), ("fill-rule", "evenodd")]
      if choropleth.stroked {
        attributes += [("stroke", Palette.outline), ("stroke-width", "0.4"), ("stroke-linejoin", "round")]
      }
      var group = SVGElement("g", attributes)
      for area in choropleth.areas {
        let fill =
          area.classIndex.flatMap {
            choropleth.classes.isEmpty ? nil : choropleth.classes[Swift.min($0, choropleth.classes.count - 1)].fill
          }
          ?? noDataFill
        var path = SVGElement(
          "path",
          [
            ("d", frame.pathData(area.geometry)), ("fill", fill), ("data-id", area.id), ("data-name", area.name),
            ("data-value", area.valueText),
          ])
        if choropleth.stroked {
          let name = area.name.isEmpty ? area.id : area.name
          path.append(SVGElement("title", text: "\(name): \(area.valueText.isEmpty ? "no data" : area.valueText)"))
        }
        group.append(path)
      }
      return group
    case .outlines(let name, let geometries, let colour):
      var group = SVGElement(
        "g",
        [
          ("id", "\(idPrefix)-layer-\(index)"), ("fill", "none"), ("stroke", colour), ("stroke-width", "1.6"),
          ("stroke-dasharray", "5 2"), ("data-name", name),
        ])
      for geometry in geometries { group.append(SVGElement("path", [("d", frame.pathData(geometry))])) }
      return group
    case .boundaries(let geometries):
      var group = SVGElement(
        "g",
        [("id", "\(idPrefix)-layer-\(index)"), ("fill", "none"), ("stroke", Palette.outline), ("stroke-width", "0.5")])
      for geometry in geometries { group.append(SVGElement("path", [("d", frame.pathData(geometry))])) }
      return group
    case .points(let name, let positions, let colour, _, let largestRadius):
      var group = SVGElement(
        "g",
        [
          ("id", "\(idPrefix)-layer-\(index)"), ("fill", colour), ("fill-opacity", "0.75"), ("stroke", "#ffffff"),
          ("stroke-width", "0.3"), ("data-name", name),
        ])
      // Biggest first, so small stacks are drawn on top and stay visible.
      let largest = positions.map(\.count).max() ?? 1
      for position in positions.sorted(by: { ($0.count, $1.point.y, $1.point.x) > ($1.count, $0.point.y, $0.point.x) })
      {
        let p = frame.page(position.point)
        group.append(
          SVGElement(
            "circle",
            [
              ("cx", NumberText.fixed(p.x, digits: 1)), ("cy", NumberText.fixed(p.y, digits: 1)),
              (
                "r",
                NumberText.fixed(Self.radius(position.count, largest: largest, largestRadius: largestRadius), digits: 2)
              ),
              ("data-count", String(position.count)),
            ]))
      }
      return group
    }
  }

  /// Dot radius for a stack: area proportional to the count. The `largest` stack gets
  /// `largestRadius` when given; otherwise one incident gets 1.2 units, every dot scaled down
  /// alike when the largest would pass 16 units (cells holding thousands).
  static func radius(_ count: Int, largest: Int, largestRadius: Double? = nil) -> Double {
    let natural = 1.2 * Double(Swift.max(1, largest)).squareRoot()
    let scale = largestRadius.map { $0 / natural } ?? Swift.min(1, 16 / natural)
    return 1.2 * Double(Swift.max(1, count)).squareRoot() * scale
  }

  private func appendLegend(for layer: MapLayer, to group: inout SVGElement, x: Double, y: Double) -> Double {
    var y = y
    func text(_ string: String, dx: Double = 0, size: String? = nil, weight: String? = nil, fill: String? = nil) {
      var attributes = [("x", NumberText.fixed(x + dx, digits: 1)), ("y", NumberText.fixed(y, digits: 1))]
      if let size { attributes.append(("font-size", size)) }
      if let weight { attributes.append(("font-weight", weight)) }
      if let fill { attributes.append(("fill", fill)) }
      group.append(SVGElement("text", attributes, text: string))
    }
    switch layer {
    case .choropleth(let choropleth):
      y += 10
      text(choropleth.heading, weight: "bold")
      // The note, wrapped at its semicolons to fit the legend column.
      for line in choropleth.note.split(separator: ";").map({ $0.trimmingCharacters() }) where !line.isEmpty {
        y += 13
        text(line, size: "9", fill: "#555555")
      }
      y += 10
      let counts = choropleth.counts
      var rows = choropleth.classes.indices.reversed().map { c in
        (
          choropleth.classes[c].fill,
          choropleth.stroked ? "\(choropleth.classes[c].label)  (\(counts[c]))" : choropleth.classes[c].label
        )
      }
      if choropleth.stroked && counts[choropleth.classes.count] > 0 {
        rows.append((noDataFill, "\(choropleth.missingLabel)  (\(counts[choropleth.classes.count]))"))
      }
      for (fill, label) in rows {
        group.append(
          SVGElement(
            "rect",
            [
              ("x", NumberText.fixed(x, digits: 1)), ("y", NumberText.fixed(y, digits: 1)), ("width", "18"),
              ("height", "14"),
              ("fill", fill), ("stroke", Palette.outline), ("stroke-width", "0.4"),
            ]))
        y += 11
        text(label, dx: 26)
        y += 9
      }
      return y + 10
    case .outlines(let name, _, let colour):
      group.append(
        SVGElement(
          "rect",
          [
            ("x", NumberText.fixed(x, digits: 1)), ("y", NumberText.fixed(y, digits: 1)), ("width", "18"),
            ("height", "14"),
            ("fill", "none"), ("stroke", colour), ("stroke-width", "1.6"), ("stroke-dasharray", "5 2"),
          ]))
      y += 11
      text(name, dx: 26)
      return y + 19
    case .boundaries:
      return y
    case .points(let name, let positions, let colour, let unit, let largestRadius):
      let largest = positions.map(\.count).max() ?? 1
      y += 10
      text(name.prefix(1).uppercased() + name.dropFirst(), weight: "bold")
      y += 8
      for count in Array(Set([1, Swift.max(1, largest / 4), largest])).sorted() {
        // Each dot in a slot of its height (at least 10), its label level with its centre.
        let r = Self.radius(count, largest: largest, largestRadius: largestRadius)
        let slot = Swift.max(2 * r, 10)
        group.append(
          SVGElement(
            "circle",
            [
              ("cx", NumberText.fixed(x + 9, digits: 1)), ("cy", NumberText.fixed(y + slot / 2, digits: 1)),
              ("r", NumberText.fixed(r, digits: 2)), ("fill", colour), ("fill-opacity", "0.75"),
            ]))
        let top = y
        y = top + slot / 2 + 4
        text(count == 1 ? "1 incident" : "\(count) \(unit)", dx: 26)
        y = top + slot + 6
      }
      return y + 14
    }
  }

  /// Labels at their positions, in priority order, each moved up or down when it would overlap
  /// an earlier one, or left out when neither fits. Each label is two text elements at the same
  /// place: a white halo (stroked in white, hidden from screen readers) in a group drawn first,
  /// then the dark text in a group drawn over every halo. Office suites ignore `paint-order`, so a
  /// single stroked text would come out white on white there.
  private func drawLabels(frame: MapFrame) -> SVGElement {
    var group = SVGElement(
      "g", [("id", "\(idPrefix)-labels"), ("font-size", "10"), ("text-anchor", "middle")])
    var halos = SVGElement(
      "g",
      [
        ("id", "\(idPrefix)-label-halos"), ("fill", "#ffffff"), ("stroke", "#ffffff"), ("stroke-width", "2.5"),
        ("stroke-linejoin", "round"), ("aria-hidden", "true"),
      ])
    var texts = SVGElement("g", [("id", "\(idPrefix)-label-text"), ("fill", "#111111")])
    var placed: [(minX: Double, minY: Double, maxX: Double, maxY: Double)] = []
    for label in labels {
      let p = frame.page(label.at)
      let halfWidth = 2.9 * Double(label.text.count)
      let height = 12.0
      for dy in [0.0, -13, 13] {
        let box = (minX: p.x - halfWidth, minY: p.y + dy - height + 3, maxX: p.x + halfWidth, maxY: p.y + dy + 3)
        let overlaps = placed.contains {
          !(box.maxX < $0.minX || box.minX > $0.maxX || box.maxY < $0.minY || box.minY > $0.maxY)
        }
        if overlaps { continue }
        placed.append(box)
        let position = [("x", NumberText.fixed(p.x, digits: 1)), ("y", NumberText.fixed(p.y + dy, digits: 1))]
        halos.append(SVGElement("text", position, text: label.text))
        texts.append(SVGElement("text", position, text: label.text))
        break
      }
    }
    group.append(halos)
    group.append(texts)
    return group
  }

  /// The fill of areas without a class: the grey hatch defined once per map.
  private var noDataFill: String { "url(#\(idPrefix)-no-data)" }

  /// A tile of grey diagonals on white, in page units so the hatch is the same on every area and
  /// legend swatch. Plain lines in a `userSpaceOnUse` pattern, no `patternTransform`, which
  /// LibreOffice and Word draw as browsers do.
  private var noDataHatch: SVGElement {
    SVGElement(
      "pattern",
      [
        ("id", "\(idPrefix)-no-data"), ("patternUnits", "userSpaceOnUse"), ("width", "6"), ("height", "6"),
      ],
      children: [
        .element(SVGElement("rect", [("width", "6"), ("height", "6"), ("fill", Palette.noData)])),
        .element(
          SVGElement(
            "path",
            [
              ("d", "M0 6L6 0M-1 1L1 -1M5 7L7 5"), ("stroke", Palette.noDataHatch), ("stroke-width", "1.2"),
              ("stroke-linecap", "square"),
            ])),
      ])
  }

  /// A bar of about a quarter of the map's width, in 1, 2 or 5 × 10ᵏ metres.
  private func scaleBar(frame: MapFrame, box: BoundingBox, x: Double, y: Double) -> SVGElement {
    var group = SVGElement("g", [("id", "\(idPrefix)-scale-bar"), ("font-size", "10"), ("fill", "#222222")])
    guard !box.isEmpty, frame.scale > 0 else { return group }
    let target = box.width / 4
    var base = 1.0
    while base * 10 <= target { base *= 10 }
    let length = [5.0, 2, 1].map { $0 * base }.first { $0 <= target } ?? base
    let barWidth = length * frame.scale
    for half in 0..<2 {
      group.append(
        SVGElement(
          "rect",
          [
            ("x", NumberText.fixed(x + Double(half) * barWidth / 2, digits: 1)), ("y", NumberText.fixed(y, digits: 1)),
            ("width", NumberText.fixed(barWidth / 2, digits: 1)), ("height", "5"),
            ("fill", half == 0 ? "#222222" : "#ffffff"), ("stroke", "#222222"), ("stroke-width", "0.6"),
          ]))
    }
    let label = length >= 1000 ? NumberText.shortest(length / 1000) + " km" : NumberText.shortest(length) + " m"
    group.append(
      SVGElement(
        "text", [("x", NumberText.fixed(x, digits: 1)), ("y", NumberText.fixed(y + 17, digits: 1))], text: "0"))
    group.append(
      SVGElement(
        "text",
        [
          ("x", NumberText.fixed(x + barWidth, digits: 1)), ("y", NumberText.fixed(y + 17, digits: 1)),
          ("text-anchor", "middle"),
        ],
        text: label))
    return group
  }

  private func northArrow(x: Double, y: Double) -> SVGElement {
    var group = SVGElement("g", [("id", "\(idPrefix)-north-arrow"), ("fill", "#222222")])
    let cx = NumberText.shortest(x)
    group.append(SVGElement("path", [("d", "M\(cx) \(NumberText.fixed(y + 4, digits: 1))l-7 20l7 -5l7 5z")]))
    group.append(
      SVGElement(
        "text",
        [("x", cx), ("y", NumberText.fixed(y + 38, digits: 1)), ("font-size", "11"), ("text-anchor", "middle")],
        text: "N"))
    return group
  }
}

extension Substring {
  /// The text without leading and trailing spaces.
  func trimmingCharacters() -> String {
    var slice = self
    while slice.first == " " { slice.removeFirst() }
    while slice.last == " " { slice.removeLast() }
    return String(slice)
  }
}
