import Analyses
import GeoCore
import Rendering
import SpatialAnalysis

/// Map layers' numbers (`MapLayerContent`) drawn: colours from the palette, legends, notes.
public enum MapDrawing {
  /// The Gi* class labels, cold 99 % first (class −3) to hot 99 % (class 3).
  public static let gistarLabels = [
    "Cold spot, 99 % confidence", "Cold spot, 95 %", "Cold spot, 90 %", "Not significant", "Hot spot, 90 %",
    "Hot spot, 95 %", "Hot spot, 99 % confidence",
  ]

  /// The drawable layers of `contents` over `areas`: choropleths and density in `palette`
  /// (a ColorBrewer scheme), their legends noting `classesDescription`.
  public static func layers(
    _ contents: [MapLayerContent], areas: AreaLayer, palette: String, classesDescription: String
  ) -> [MapLayer] {
    contents.map { layer(for: $0, areas: areas, palette: palette, classesDescription: classesDescription) }
  }

  /// One drawn layer.
  public static func layer(
    for content: MapLayerContent, areas: AreaLayer, palette: String, classesDescription: String
  ) -> MapLayer {
    switch content {
    case .choropleth(let values, let breaks, let heading, let digits, let withheld):
      return .choropleth(
        .classed(
          ids: areas.ids, names: areas.names, geometries: areas.geometries, values: values, breaks: breaks,
          colours: colours(palette, count: breaks.count), heading: heading, note: classesDescription, digits: digits,
          withheld: withheld?.texts, withheldLabel: withheld?.legend))
    case .density(let bands, let breaks, let bandwidth, let cellSize):
      let colours = colours(palette, count: breaks.count)
      let mapAreas = bands.map { band in
        MapLayer.Choropleth.Area(
          id: "class-\(band.classIndex + 1)", name: "", geometry: band.geometry, classIndex: band.classIndex,
          valueText: ClassBreaks.label(class: band.classIndex, breaks: breaks, digits: 1))
      }
      let note =
        "quartic kernel; bandwidth \(NumberText.fixed(bandwidth, digits: 0)) m; \(NumberText.shortest(cellSize)) m cells; \(classesDescription)"
      return .choropleth(
        MapLayer.Choropleth(
          areas: mapAreas, heading: "Incidents per km²", note: note,
          classes: breaks.indices.map { (ClassBreaks.label(class: $0, breaks: breaks, digits: 1), colours[$0]) },
          missingLabel: "none", stroked: false))
    case .change(let bands, let bounds, let heading, let note):
      let labels = changeLabels(bounds)
      let colours = changeColours(labels.count)
      let mapAreas = bands.map { band in
        MapLayer.Choropleth.Area(
          id: "change-class-\(band.classIndex + 1)", name: "", geometry: band.geometry, classIndex: band.classIndex,
          valueText: labels[band.classIndex])
      }
      return .choropleth(
        MapLayer.Choropleth(
          areas: mapAreas, heading: heading, note: note, classes: zip(labels, colours).map { ($0, $1) },
          missingLabel: "none", stroked: false))
    case .gistar(let z, let classes):
      let mapAreas = areas.ids.indices.map { i in
        MapLayer.Choropleth.Area(
          id: areas.ids[i], name: areas.names[i], geometry: areas.geometries[i], classIndex: classes[i] + 3,
          valueText: z[i].map { "z = " + NumberText.fixed($0, digits: 2) } ?? gistarLabels[classes[i] + 3])
      }
      return .choropleth(
        MapLayer.Choropleth(
          areas: mapAreas, heading: "Getis-Ord Gi*", note: "incidents per area, queen neighbours",
          classes: zip(gistarLabels, Palette.hotCold).map { ($0, $1) }))
    case .emerging(let categories, _):
      // The legend lists the categories present (no pattern always), the strongest hot on top.
      let shown = EmergingPalette.order.reversed().filter { $0 == .noPattern || categories.contains($0) }
      let mapAreas = areas.ids.indices.map { i in
        MapLayer.Choropleth.Area(
          id: areas.ids[i], name: areas.names[i], geometry: areas.geometries[i],
          classIndex: shown.firstIndex(of: categories[i]), valueText: categories[i].rawValue)
      }
      return .choropleth(
        MapLayer.Choropleth(
          areas: mapAreas, heading: "Emerging hot spots",
          note: "monthly, queen, p ≤ 0.01",
          classes: shown.map { (category: EmergingHotSpotClass) in
            (category.rawValue.prefix(1).uppercased() + category.rawValue.dropFirst(), EmergingPalette.colour(category))
          }))
    case .points(let positions):
      return .points(name: "incidents", positions: positions.map { (point: $0.0, count: $0.1) }, colour: "#08306b")
    case .outlines(let name, let geometries):
      return .outlines(name: name, geometries: geometries, colour: "#1b1b1b")
    case .boundaries:
      return .boundaries(areas.geometries)
    }
  }

  /// The legend labels of a change layer's `2k − 1` classes from its k `bounds`: the largest
  /// decrease first, "−b₁ to b₁ (no change)" in the middle, the largest increase last.
  public static func changeLabels(_ bounds: [Double]) -> [String] {
    let digits = (bounds.last ?? 0) >= 10 ? 1 : (bounds.last ?? 0) >= 1 ? 2 : 3
    let text = { (value: Double) in NumberText.fixed(value, digits: digits) }
    let k = bounds.count
    let increases = (1..<max(k, 1)).map { "+" + text(bounds[$0 - 1]) + " to +" + text(bounds[$0]) }
    // Each decrease reads from its lower to its upper value, as the increases do: "−85.8 to −51.4".
    let decreases = (1..<max(k, 1)).reversed().map { "−" + text(bounds[$0]) + " to −" + text(bounds[$0 - 1]) }
    let middle = bounds.first.map { $0 > 0 ? "−" + text($0) + " to +" + text($0) + " (little change)" : "no change" }
    return decreases + [middle ?? "no change"] + increases
  }

  /// Blues for decreases, reds for increases, a light grey for the middle class (ColorBrewer RdBu).
  static func changeColours(_ count: Int) -> [String] {
    if count == 1 { return ["#f7f7f7"] }
    return (Palette.colours("RdBu", classes: count) ?? Palette.hotCold).reversed()
  }

  /// `count` colours of `palette`, or a generated sequential ramp when the scheme has no such size.
  static func colours(_ palette: String, count: Int) -> [String] {
    count == 0 ? [] : Palette.colours(palette, classes: count) ?? Palette.sequential(count)
  }
}
