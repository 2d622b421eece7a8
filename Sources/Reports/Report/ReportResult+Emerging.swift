import Analyses
import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

extension ReportResult {
  /// The section on emerging hot spots: what was analysed, how many areas fall in each category
  /// with the strongest named, and the map of the categories (hot in reds, cold in blues). Empty
  /// when there is neither a result nor a reason for its absence.
  func emergingSection(attribution: [String], dataNote: String?) -> [HTMLReport.Section] {
    guard let emerging else {
      return emergingNote.map { [HTMLReport.Section("Emerging hot spots", [.paragraph($0)])] } ?? []
    }
    guard case .areas(let layer) = emerging.features.units else { return [] }
    let cube = emerging.cube
    let first = cube.stepLabels.first ?? ""
    let last = cube.stepLabels.last ?? ""
    let counts = emerging.categoryCounts.filter { $0.count > 0 }
    let hot = counts.filter { $0.category.sign > 0 }.reduce(0) { $0 + $1.count }
    let cold = counts.filter { $0.category.sign < 0 }.reduce(0) { $0 + $1.count }
    let none = counts.first { $0.category == .noPattern }?.count ?? 0
    var text =
      "How each area's hot and cold spots have changed month by month, \(first) to \(last) (\(cube.stepCount) months): "
      + "space-time Getis-Ord Gi* of the incidents per area and month (the area, its neighbours sharing a boundary or a "
      + "corner, this month and the month before), a month hot or cold at p ≤ \(NumberText.shortest(emerging.statistics.threshold)), "
      + "and the Mann–Kendall trend of each area's z, in the categories of ArcGIS Pro and sfdep (as 'hotspot emerging'). "
      + "Of the \(Format.count(emerging.locationCount)) areas, \(Format.count(hot)) are hot spots of some kind, "
      + "\(Format.count(cold)) cold spots, and \(Format.count(none)) show no pattern."
    if cube.stepCount < 10 {
      text += " With only \(cube.stepCount) months the trend is weak: read the categories with care."
    }
    var rows: [[Table.Cell]] = []
    for (category, count) in counts {
      let named =
        category == .noPattern
        ? ""
        : emerging.locations(in: category).prefix(3).map { i in
          (layer.names[i].isEmpty ? layer.ids[i] : layer.names[i])
            + " (z \(NumberText.fixed(emerging.lastZ(i), digits: 1)))"
        }.joined(separator: "; ") + (count > 3 ? "; …" : "")
      rows.append([.text(category.rawValue), .integer(count), .text(named), .text(Self.meaning(category))])
    }
    let table = Table(
      columns: [
        Table.Column("category"), Table.Column("areas", alignment: .right), Table.Column("strongest (final month's z)"),
        Table.Column("meaning"),
      ], rows: rows)
    var document = MapDocument(
      title: "Emerging hot spots", subtitle: "\(first) to \(last), monthly",
      layers: MapDrawing.layers(
        [.emerging(categories: (0..<emerging.locationCount).map(emerging.category), steps: "\(first)..\(last)")],
        areas: layer, palette: request.map.palette, classesDescription: request.map.classesDescription),
      attribution: attribution, dataNote: dataNote, generator: "hotspot \(Software.version)")
    document.idPrefix = "map-emerging"
    return [
      HTMLReport.Section(
        "Emerging hot spots",
        [
          .paragraph(text),
          .table(table, caption: "Areas in each category, the strongest named"),
          .figure(
            svg: document.svg(),
            caption:
              "Each area's category: hot spots in reds (darkest: intensifying and persistent), cold spots in blues, no pattern grey."
          ),
        ])
    ]
  }

  /// What a category says, in one line (ArcGIS Pro's definitions, shortened).
  static func meaning(_ category: EmergingHotSpotClass) -> String {
    switch category {
    case .newHotSpot: "hot in the final month only"
    case .consecutiveHotSpot: "hot in an unbroken run of final months, never before"
    case .intensifyingHotSpot: "hot in at least 90 % of months, and getting hotter"
    case .persistentHotSpot: "hot in at least 90 % of months, no significant trend"
    case .diminishingHotSpot: "hot in at least 90 % of months, but cooling"
    case .sporadicHotSpot: "on-and-off hot, never cold"
    case .oscillatingHotSpot: "hot in the final month, cold in some earlier month"
    case .historicalHotSpot: "hot in at least 90 % of months, but not the final one"
    case .newColdSpot: "cold in the final month only"
    case .consecutiveColdSpot: "cold in an unbroken run of final months, never before"
    case .intensifyingColdSpot: "cold in at least 90 % of months, and getting colder"
    case .persistentColdSpot: "cold in at least 90 % of months, no significant trend"
    case .diminishingColdSpot: "cold in at least 90 % of months, but warming"
    case .sporadicColdSpot: "on-and-off cold, never hot"
    case .oscillatingColdSpot: "cold in the final month, hot in some earlier month"
    case .historicalColdSpot: "cold in at least 90 % of months, but not the final one"
    case .noPattern: "no month significantly hot or cold, or no pattern among them"
    }
  }
}
