import Analyses
import GeoCore
import Rendering
import SpatialAnalysis

/// The SVG map of `patrol --map`: the chosen cells shaded by their incidents over the area
/// boundaries, a circle sized by incidents on each, the best places labelled with their rank (or
/// zone), and the concentration statement in the subtitle.
public enum PatrolMap {
  /// How many cells (or zones) get a label.
  public static let labelled = 10

  /// The map; `title` and `attribution` replace the default title and the `recognised`
  /// attribution lines of the inputs (`dataNote` under them, e.g. police.uk's approximate locations).
  public static func svg(
    _ result: PatrolResult, title: String? = nil, attribution: [String] = [],
    recognised: (lines: [String], note: String?) = ([], nil)
  ) -> String {
    let layout = result.layout
    let chosen = result.chosen
    var layers: [MapLayer] = []
    if let areas = result.areas { layers.append(.boundaries(areas.geometries)) }
    let cells = chosen.enumerated().map { k, cell in
      MapLayer.Choropleth.Area(
        id: "rank-\(k + 1)", name: result.gridReference(layout.centre(of: cell)) ?? "",
        geometry: .polygon(Polygon(exterior: layout.ring(of: cell))), classIndex: 0,
        valueText: NumberText.shortest(result.counts[cell]))
    }
    layers.append(
      .choropleth(
        MapLayer.Choropleth(
          areas: cells, heading: "Chosen cells", note: "\(result.cellShape); ranked by \(result.rankingName)",
          classes: [("chosen cell (true size)", "#fd8d3c")])))
    // At county scale a 150 m cell is a pixel or two: a circle (area ∝ incidents) at each centre
    // shows where the cells are; the cells themselves lie beneath at their true size.
    layers.append(
      .points(
        name: "incidents in the chosen cells",
        positions: chosen.map { (layout.centre(of: $0), Int(result.counts[$0].rounded())) },
        colour: "#b10026", unit: "in one cell", largestRadius: 9))

    var labels: [(text: String, at: Point)] = []
    if let zoneOfChosen = result.zoneOfChosen {
      var first: [Int: Int] = [:]
      for (k, zone) in zoneOfChosen.enumerated() where first[zone] == nil { first[zone] = k }
      labels = (1...Swift.max(1, labelled)).compactMap { zone in
        first[zone].map { ("Zone \(zone)", layout.centre(of: chosen[$0])) }
      }
    } else {
      labels = chosen.prefix(labelled).enumerated().map { k, cell in (String(k + 1), layout.centre(of: cell)) }
    }

    var subtitle = [result.statement]
    if let period = result.period { subtitle.append(period.description) }
    if !result.categories.isEmpty { subtitle.append(result.categories.joined(separator: ", ")) }
    let document = MapDocument(
      title: title ?? "Patrol cells: \(result.ruleDescription)", subtitle: subtitle.joined(separator: " · "),
      layers: layers,
      labels: labels, attribution: attribution.isEmpty ? recognised.lines : attribution, dataNote: recognised.note,
      generator: "hotspot \(Software.version)")
    return document.svg()
  }
}
