import Foundation
import GeoCore

/// A print-ready line chart: one line per series over shared x values, optional range bars
/// (minimum to maximum) at each point, a dashed reference line, axes with ticks and titles, a
/// legend, and notes under the plot. Built as an `SVGElement` tree and written by `SVGWriter`.
///
/// Made for PAI against the share of the study area selected (`hotspot backtest`), and general
/// enough for any measure against a budget.
///
/// ## Properties
/// - Readable in print and by colour-blind readers: series differ by colour (Okabe–Ito,
///   `Palette.categorical`), by marker shape and by dash pattern, so they stay apart in
///   greyscale too.
/// - The y axis starts at 0 and ends at a round number above every value and range; its ticks
///   are 1, 2, 2.5 or 5 × 10ᵏ apart.
/// - The x axis is linear or logarithmic; its ticks are the values given (the budgets).
/// - Missing values (nil) break the line; nothing is drawn for them.
/// - Deterministic: the same chart gives the same bytes; `<title>` and `<desc>` (which lists every
///   value) are always present, and each marker carries `data-x`/`data-y` for re-use.
///
/// ## Example
/// ```swift
/// let chart = LineChart(
///   title: "Hot spots chosen on 2024-01..2024-09, scored on 2024-10..2024-12",
///   xTitle: "Share of the study area selected", yTitle: "PAI",
///   xTicks: [.init(0.01, "1 %"), .init(0.05, "5 %")], xScale: .logarithmic,
///   series: [.init(name: "count", points: [.init(x: 0.01, y: 9.5), .init(x: 0.05, y: 4.1)])],
///   generator: "hotspot 0.1.0")
/// let svg = chart.svg()
/// ```
public struct LineChart: Sendable {
  /// One point of a series: y (nil when undefined) and an optional range drawn as a bar.
  public struct DataPoint: Sendable {
    /// The x value, in the measure's own unit (a budget share for PAI charts); > 0 on a log scale.
    public var x: Double
    /// The y value; nil breaks the line.
    public var y: Double?
    /// The lower end of the range bar (with `high`); nil for none.
    public var low: Double?
    /// The upper end of the range bar (with `low`); nil for none.
    public var high: Double?

    /// A point at (`x`, `y`) with an optional range `low`…`high`.
    public init(x: Double, y: Double?, low: Double? = nil, high: Double? = nil) {
      self.x = x
      self.y = y
      self.low = low
      self.high = high
    }
  }

  /// One line: a name for the legend and its points.
  public struct Series: Sendable {
    /// The legend name.
    public var name: String
    /// The points, joined in the order given.
    public var points: [DataPoint]

    /// A series called `name` through `points`.
    public init(name: String, points: [DataPoint]) {
      self.name = name
      self.points = points
    }
  }

  /// A labelled tick on the x axis.
  public struct Tick: Sendable {
    /// Where the tick goes, in x units.
    public var value: Double
    /// The text under it (`1 %`).
    public var label: String

    /// A tick at `value` labelled `label`.
    public init(_ value: Double, _ label: String) {
      self.value = value
      self.label = label
    }
  }

  /// A horizontal line across the plot (PAI = 1: no better than chance).
  public struct ReferenceLine: Sendable {
    /// Where the line goes, in y units (the axis always reaches it).
    public var y: Double
    /// The text printed at its right end.
    public var label: String

    /// A reference line at `y` labelled `label`.
    public init(y: Double, label: String) {
      self.y = y
      self.label = label
    }
  }

  /// How x values map to the plot's width.
  public enum Scale: Sendable {
    case linear
    /// Log₁₀; every x must be > 0.
    case logarithmic
  }

  /// The heading at the top, also the SVG `<title>` (with the subtitle).
  public var title: String
  /// The line under the title ("" for none).
  public var subtitle: String
  /// The x axis title.
  public var xTitle: String
  /// The y axis title.
  public var yTitle: String
  /// The x ticks, which are also the only x labels.
  public var xTicks: [Tick]
  /// Linear or logarithmic x axis.
  public var xScale: Scale
  /// The lines, in legend order (colour, marker and dash by position).
  public var series: [Series]
  /// An optional horizontal reference line (PAI = 1).
  public var reference: ReferenceLine?
  /// Lines printed under the chart (what the ranges are, sources).
  public var notes: [String]
  /// Who made it, for `<desc>`.
  public var generator: String
  /// Prefix of every element id, so several charts can share one HTML page.
  public var idPrefix = "chart"

  /// A chart from its parts; `idPrefix` starts as `chart`.
  public init(
    title: String, subtitle: String = "", xTitle: String, yTitle: String, xTicks: [Tick], xScale: Scale = .linear,
    series: [Series], reference: ReferenceLine? = nil, notes: [String] = [], generator: String
  ) {
    self.title = title
    self.subtitle = subtitle
    self.xTitle = xTitle
    self.yTitle = yTitle
    self.xTicks = xTicks
    self.xScale = xScale
    self.series = series
    self.reference = reference
    self.notes = notes
    self.generator = generator
  }

  /// The plot rectangle: left, top, width, height.
  static let plot = (x: 76.0, y: 84.0, width: 500.0, height: 330.0)
  static let dashes = ["", "7 4", "2 3", "9 3 2 3", "4 2", "12 3 2 3 2 3"]

  /// The chart as a standalone SVG document.
  public func svg() -> String {
    let plot = Self.plot
    let footerTop = plot.y + plot.height + 62
    let height = (footerTop + 14 * Double(notes.count) + 8).rounded(.up)
    var root = SVGPage.root(
      height: height, idPrefix: idPrefix, title: title, subtitle: subtitle, description: description, titleSize: 18)

    let yTicks = Self.niceTicks(maximum: yMaximum)
    let yTop = yTicks.last ?? 1
    let xRange = xDomain
    let px = { (value: Double) -> Double in
      let t = (self.transform(value) - xRange.lowerBound) / Swift.max(1e-12, xRange.upperBound - xRange.lowerBound)
      return plot.x + t * plot.width
    }
    let py = { (value: Double) -> Double in plot.y + plot.height - value / yTop * plot.height }

    root.append(axes(yTicks: yTicks, px: px, py: py))
    if let reference, reference.y <= yTop {
      let y = Self.format(py(reference.y))
      var group = SVGElement("g", [("id", "\(idPrefix)-reference"), ("class", "reference")])
      group.append(
        SVGElement(
          "line",
          [
            ("x1", Self.format(plot.x)), ("y1", y), ("x2", Self.format(plot.x + plot.width)), ("y2", y),
            ("stroke", "#555555"), ("stroke-width", "1"), ("stroke-dasharray", "5 4"),
          ]))
      group.append(
        SVGElement(
          "text",
          [
            ("x", Self.format(plot.x + plot.width - 4)), ("y", Self.format(py(reference.y) - 5)), ("font-size", "10"),
            ("fill", "#444444"), ("text-anchor", "end"),
          ], text: reference.label))
      root.append(group)
    }
    let hasRanges = series.contains { $0.points.contains { $0.low != nil && $0.high != nil } }
    for (index, line) in series.enumerated() {
      // With range bars, series are set a few units apart so that their bars do not overlap.
      let dodge = hasRanges ? (Double(index) - Double(series.count - 1) / 2) * 3.5 : 0
      root.append(draw(line, index: index, px: { px($0) + dodge }, py: py))
    }
    root.append(legend(hasRanges: hasRanges))
    var y = footerTop
    for note in notes {
      root.append(
        SVGElement("text", [("x", "20"), ("y", Self.format(y)), ("font-size", "10"), ("fill", "#555555")], text: note))
      y += 14
    }
    return SVGWriter.document(root)
  }

  // MARK: - Parts

  private func axes(yTicks: [Double], px: (Double) -> Double, py: (Double) -> Double) -> SVGElement {
    let plot = Self.plot
    let left = Self.format(plot.x)
    let right = Self.format(plot.x + plot.width)
    let top = Self.format(plot.y)
    let bottom = Self.format(plot.y + plot.height)
    var group = SVGElement("g", [("id", "\(idPrefix)-axes"), ("font-size", "11"), ("fill", "#222222")])
    var grid = SVGElement("g", [("stroke", "#dddddd"), ("stroke-width", "0.8")])
    for tick in yTicks {
      let y = Self.format(py(tick))
      grid.append(SVGElement("line", [("x1", left), ("y1", y), ("x2", right), ("y2", y)]))
    }
    for tick in xTicks {
      let x = Self.format(px(tick.value))
      grid.append(SVGElement("line", [("x1", x), ("y1", top), ("x2", x), ("y2", bottom)]))
    }
    group.append(grid)
    group.append(
      SVGElement(
        "path",
        [
          ("d", "M\(left) \(top)L\(left) \(bottom)L\(right) \(bottom)"), ("fill", "none"), ("stroke", "#333333"),
          ("stroke-width", "1"),
        ]))
    var yLabels = SVGElement("g", [("text-anchor", "end")])
    for tick in yTicks {
      let y = py(tick)
      yLabels.append(
        SVGElement(
          "line",
          [
            ("x1", Self.format(plot.x - 5)), ("y1", Self.format(y)), ("x2", left), ("y2", Self.format(y)),
            ("stroke", "#333333"),
          ]))
      yLabels.append(
        SVGElement(
          "text", [("x", Self.format(plot.x - 8)), ("y", Self.format(y + 4))], text: Self.tickLabel(tick, ticks: yTicks)
        ))
    }
    group.append(yLabels)
    var xLabels = SVGElement("g", [("text-anchor", "middle")])
    for tick in xTicks {
      let x = px(tick.value)
      xLabels.append(
        SVGElement(
          "line",
          [
            ("x1", Self.format(x)), ("y1", bottom), ("x2", Self.format(x)),
            ("y2", Self.format(plot.y + plot.height + 5)), ("stroke", "#333333"),
          ]))
      xLabels.append(
        SVGElement("text", [("x", Self.format(x)), ("y", Self.format(plot.y + plot.height + 19))], text: tick.label))
    }
    group.append(xLabels)
    group.append(
      SVGElement(
        "text",
        [
          ("x", Self.format(plot.x + plot.width / 2)), ("y", Self.format(plot.y + plot.height + 42)),
          ("font-size", "12"),
          ("text-anchor", "middle"),
        ], text: xTitle))
    let middle = Self.format(plot.y + plot.height / 2)
    group.append(
      SVGElement(
        "text",
        [
          ("x", "24"), ("y", middle), ("font-size", "12"), ("text-anchor", "middle"),
          ("transform", "rotate(-90 24 \(middle))"),
        ],
        text: yTitle))
    return group
  }

  private func draw(_ line: Series, index: Int, px: (Double) -> Double, py: (Double) -> Double) -> SVGElement {
    let colour = Self.colour(index)
    var group = SVGElement(
      "g", [("id", "\(idPrefix)-series-\(index)"), ("class", "series"), ("data-series", line.name)])
    for point in line.points {
      guard let low = point.low, let high = point.high else { continue }
      let x = Self.format(px(point.x))
      group.append(
        SVGElement(
          "line",
          [
            ("x1", x), ("y1", Self.format(py(low))), ("x2", x), ("y2", Self.format(py(high))), ("stroke", colour),
            ("stroke-width", "1.2"), ("stroke-opacity", "0.7"),
          ]))
    }
    // Lines run through consecutive defined points; a missing value breaks them.
    var data = ""
    var pen = false
    for point in line.points {
      guard let y = point.y else {
        pen = false
        continue
      }
      data += (pen ? "L" : "M") + Self.format(px(point.x)) + " " + Self.format(py(y))
      pen = true
    }
    if !data.isEmpty {
      var attributes = [
        ("d", data), ("fill", "none"), ("stroke", colour), ("stroke-width", "2"), ("stroke-linejoin", "round"),
      ]
      let dash = Self.dashes[index % Self.dashes.count]
      if !dash.isEmpty { attributes.append(("stroke-dasharray", dash)) }
      group.append(SVGElement("path", attributes))
    }
    for point in line.points {
      guard let y = point.y else { continue }
      var marker = Self.marker(index, at: (px(point.x), py(y)), colour: colour)
      marker.attributes += [.init("data-x", NumberText.shortest(point.x)), .init("data-y", NumberText.shortest(y))]
      var tip = "\(line.name) at \(xLabel(point.x)): \(NumberText.significant(y, digits: 3))"
      if let low = point.low, let high = point.high {
        tip += " (\(NumberText.significant(low, digits: 3))–\(NumberText.significant(high, digits: 3)))"
      }
      marker.append(SVGElement("title", text: tip))
      group.append(marker)
    }
    return group
  }

  private func legend(hasRanges: Bool) -> SVGElement {
    let x = Self.plot.x + Self.plot.width + 24
    var group = SVGElement(
      "g", [("id", "\(idPrefix)-legend"), ("class", "legend"), ("font-size", "12"), ("fill", "#222222")])
    var y = Self.plot.y + 6
    for (index, line) in series.enumerated() {
      let colour = Self.colour(index)
      var attributes = [
        ("x1", Self.format(x)), ("y1", Self.format(y)), ("x2", Self.format(x + 32)), ("y2", Self.format(y)),
        ("stroke", colour),
        ("stroke-width", "2"),
      ]
      let dash = Self.dashes[index % Self.dashes.count]
      if !dash.isEmpty { attributes.append(("stroke-dasharray", dash)) }
      group.append(SVGElement("line", attributes))
      group.append(Self.marker(index, at: (x + 16, y), colour: colour))
      group.append(SVGElement("text", [("x", Self.format(x + 40)), ("y", Self.format(y + 4))], text: line.name))
      y += 22
    }
    if hasRanges {
      y += 4
      group.append(
        SVGElement(
          "line",
          [
            ("x1", Self.format(x + 16)), ("y1", Self.format(y - 8)), ("x2", Self.format(x + 16)),
            ("y2", Self.format(y + 8)),
            ("stroke", "#555555"), ("stroke-width", "1.2"),
          ]))
      group.append(
        SVGElement(
          "text", [("x", Self.format(x + 40)), ("y", Self.format(y + 4)), ("font-size", "11")],
          text: "range over origins"))
    }
    return group
  }

  /// A marker of the series' shape centred on `at`: circle, square, triangle up, diamond,
  /// triangle down, cross, then again.
  static func marker(_ index: Int, at centre: (x: Double, y: Double), colour: String) -> SVGElement {
    let (x, y) = centre
    let r = 4.0
    let fill: [(String, String)] = [("fill", colour), ("stroke", "#ffffff"), ("stroke-width", "0.8")]
    func polygon(_ points: [(Double, Double)]) -> SVGElement {
      let data = points.enumerated().map {
        ($0.offset == 0 ? "M" : "L") + format(x + $0.element.0) + " " + format(y + $0.element.1)
      }
      return SVGElement("path", [("d", data.joined() + "Z")] + fill)
    }
    switch index % 6 {
    case 0: return SVGElement("circle", [("cx", format(x)), ("cy", format(y)), ("r", format(r))] + fill)
    case 1: return polygon([(-r, -r), (r, -r), (r, r), (-r, r)])
    case 2: return polygon([(0, -r * 1.25), (r * 1.15, r * 0.85), (-r * 1.15, r * 0.85)])
    case 3: return polygon([(0, -r * 1.35), (r * 1.1, 0), (0, r * 1.35), (-r * 1.1, 0)])
    case 4: return polygon([(0, r * 1.25), (r * 1.15, -r * 0.85), (-r * 1.15, -r * 0.85)])
    default:
      let a = r * 0.9
      return SVGElement(
        "path",
        [
          (
            "d",
            "M\(format(x - a)) \(format(y - a))L\(format(x + a)) \(format(y + a))M\(format(x - a)) \(format(y + a))L\(format(x + a)) \(format(y - a))"
          ),
          ("stroke", colour), ("stroke-width", "2.2"), ("fill", "none"),
        ])
    }
  }
}
