import GeoCore
import Rendering
import TestSupport
import Testing

@Suite("Map documents")
struct MapDocumentTests {
  /// Three squares in a row (metres), the middle one sharing both its vertical edges.
  static func squares() throws -> [Geometry] {
    try (0..<3).map { i in
      let x = 420_000.0 + Double(i) * 1000
      return .polygon(
        Polygon(
          exterior: try Ring(closed: [
            Point(x: x, y: 540_000), Point(x: x + 1000, y: 540_000), Point(x: x + 1000, y: 541_000),
            Point(x: x, y: 541_000), Point(x: x, y: 540_000),
          ])))
    }
  }

  static let names = ["Crook & Willington", "St. Helen's", "<script>alert(1)</script> & \"x\""]

  static func document(values: [Double?], suppressBelow: Double? = nil) throws -> MapDocument {
    let geometries = try squares()
    // As `hotspot map` does: the breaks of the values shown, the suppressed ones left out.
    let shown = values.compactMap { $0 }.filter { $0 >= (suppressBelow ?? -.infinity) }
    let breaks = ClassBreaks.breaks(shown, method: .naturalBreaks(2))
    let choropleth = MapLayer.Choropleth.classed(
      ids: ["A0", "A1", "A2"], names: names, geometries: geometries, values: values, breaks: breaks,
      colours: Palette.colours("YlOrRd", classes: breaks.count) ?? [], heading: "Incidents",
      note: "natural breaks (Fisher-Jenks)", digits: 0, suppressBelow: suppressBelow)
    return MapDocument(
      title: "Incidents by area", subtitle: "2024", layers: [.choropleth(choropleth)],
      labels: [("Crook & Willington", Point(x: 420_500, y: 540_500))],
      attribution: ["Synthetic test data"], dataNote: "Locations are approximate.", generator: "hotspot test")
  }

  @Test("the SVG is valid XML, byte-stable, titled, described, escaped, with data attributes and a legend group")
  func document() throws {
    let svg = try Self.document(values: [3, 10, nil]).svg()
    #expect(svg == (try Self.document(values: [3, 10, nil]).svg()))
    #expect(try xmlProblems(svg) == nil)
    #expect(svg.contains("<title id=\"map-title\">Incidents by area — 2024</title>"))
    #expect(
      svg.contains(
        "<desc id=\"map-desc\">Incidents for 3 areas in 2 classes, natural breaks (Fisher-Jenks) (≤ 3: 1; 4 – 10: 1). Made by hotspot test.</desc>"
      ))
    #expect(svg.contains("data-name=\"Crook &amp; Willington\""))
    #expect(svg.contains("data-name=\"St. Helen&apos;s\""))
    #expect(svg.contains("data-name=\"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;\""))
    #expect(!svg.contains("<script"))
    #expect(svg.contains(">no data  (1)</text>"))
    #expect(
      svg.contains("class=\"legend\"") && svg.contains("id=\"map-scale-bar\"") && svg.contains("id=\"map-north-arrow\"")
    )
    #expect(svg.contains(">Synthetic test data</text>") && svg.contains(">Locations are approximate.</text>"))
    #expect(svg.contains(">Crook &amp; Willington</text>"), "the label")
    if let problem = snapshotMismatch(svg, named: "three-squares.svg") { Issue.record("\(problem)") }
  }

  @Test("counts under the suppression limit are shown as <n and left unshaded")
  func suppression() throws {
    let svg = try Self.document(values: [3, 10, 12], suppressBelow: 5).svg()
    #expect(svg.contains("data-value=\"&lt;5\" ") || svg.contains("data-value=\"&lt;5\">"))
    #expect(svg.contains(">fewer than 5 (suppressed)  (1)</text>"))
    #expect(svg.contains(": &lt;5</title>"))
  }

  @Test("neighbours share their rounded vertices, so boundaries leave no gaps")
  func sharedEdges() throws {
    let frame = MapFrame(
      fitting: BoundingBox(minX: 420_000, minY: 540_000, maxX: 423_000, maxY: 541_000), into: (0, 0, 300, 100))
    let squares = try Self.squares()
    #expect(frame.pathData(squares[0]) == "M0 100L100 100L100 0L0 0Z")
    #expect(frame.pathData(squares[1]) == "M100 100L200 100L200 0L100 0Z")
    #expect(frame.page(Point(x: 421_000, y: 540_500)) == Point(x: 100, y: 50))
  }

  @Test("palettes: ColorBrewer schemes from 3 to 9 classes, fewer taken from the 3-class scheme")
  func palettes() {
    #expect(Palette.colours("YlOrRd", classes: 5) == ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"])
    #expect(Palette.colours("rdbu", classes: 3)?.count == 3)
    #expect(Palette.colours("YlOrRd", classes: 2)?.count == 2)
    #expect(Palette.colours("Nope", classes: 5) == nil)
    #expect(Palette.kind(of: "RdBu") == .diverging && Palette.kind(of: "Blues") == .sequential)
  }

  @Test("text is escaped for XML; control characters become spaces")
  func escaping() {
    #expect(SVGWriter.escape("a<b & \"c\" 'd'>\u{1}") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt; ")
  }
}
