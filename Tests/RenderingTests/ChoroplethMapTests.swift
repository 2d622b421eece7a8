import GeoCore
import Rendering
import TestSupport
import Testing

@Suite("Choropleth maps")
struct ChoroplethMapTests {
  /// Three squares in a row (metres), the middle one sharing both its vertical edges.
  static func areas(values: [Double?]) throws -> [ChoroplethMap.Area] {
    let names = ["Crook & Willington", "St. Helen's", "Ynys Môn <Central>"]
    return try (0..<3).map { i in
      let x = 420_000.0 + Double(i) * 1000
      let ring = try Ring(closed: [
        Point(x: x, y: 540_000), Point(x: x + 1000, y: 540_000), Point(x: x + 1000, y: 541_000),
        Point(x: x, y: 541_000), Point(x: x, y: 540_000),
      ])
      return ChoroplethMap.Area(id: "A\(i)", name: names[i], geometry: .polygon(Polygon(exterior: ring)), value: values[i])
    }
  }

  static func map(values: [Double?]) throws -> ChoroplethMap {
    ChoroplethMap(
      areas: try areas(values: values), title: "Incidents by area", subtitle: "2024", valueLabel: "incidents",
      method: .naturalBreaks(2), methodName: "natural breaks (Fisher-Jenks)", attribution: "Synthetic test data",
      digits: 0)
  }

  @Test("the SVG is valid XML, byte-stable, titled, described, escaped, with data attributes")
  func document() throws {
    let svg = try Self.map(values: [3, 10, nil]).svg(generator: "hotspot test")
    #expect(svg == (try Self.map(values: [3, 10, nil]).svg(generator: "hotspot test")))
    #expect(try xmlProblems(svg) == nil)
    #expect(svg.contains("<title id=\"map-title\">Incidents by area — 2024</title>"))
    #expect(svg.contains("<desc id=\"map-desc\">Choropleth of 3 areas by incidents, 2 classes by natural breaks (Fisher-Jenks) (≤ 3: 1; 4 – 10: 1). Made by hotspot test.</desc>"))
    #expect(svg.contains("data-name=\"Crook &amp; Willington\""))
    #expect(svg.contains("data-name=\"St. Helen&apos;s\""))
    #expect(svg.contains("data-name=\"Ynys Môn &lt;Central&gt;\""))
    #expect(svg.contains("data-value=\"\""), "the area without data has an empty value")
    #expect(svg.contains(">no data  (1)</text>"))
    #expect(svg.contains("id=\"scale-bar\"") && svg.contains("id=\"north-arrow\""))
    #expect(svg.contains(">Synthetic test data</text>"))
    if let problem = snapshotMismatch(svg, named: "three-squares.svg") { Issue.record("\(problem)") }
  }

  @Test("neighbours share their rounded vertices, so boundaries leave no gaps")
  func sharedEdges() throws {
    let frame = MapFrame(fitting: BoundingBox(minX: 420_000, minY: 540_000, maxX: 423_000, maxY: 541_000), into: (0, 0, 300, 100))
    let areas = try Self.areas(values: [1, 2, 3])
    let west = frame.pathData(areas[0].geometry), middle = frame.pathData(areas[1].geometry)
    #expect(west == "M0 100L100 100L100 0L0 0Z")
    #expect(middle == "M100 100L200 100L200 0L100 0Z")
    #expect(frame.page(Point(x: 421_000, y: 540_500)) == Point(x: 100, y: 50))
  }

  @Test("text is escaped for XML; control characters become spaces")
  func escaping() {
    #expect(SVGWriter.escape("a<b & \"c\" 'd'>\u{1}") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt; ")
  }
}
