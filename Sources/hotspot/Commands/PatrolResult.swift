import Analyses
import GeoCore
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

/// The outputs of a `patrol` run, all from the same numbers: the ranked table of chosen cells,
/// the zones, the concentration statement, the JSON and GeoJSON documents and the provenance.
struct PatrolResult {
  /// What the score column holds.
  enum Scoring {
    case count
    case harm(file: String, weights: [(String, Double)])
    case density(bandwidth: Double, given: Bool)
  }

  let layout: CellLayout
  let working: CRS
  /// Incidents per analysed cell.
  let counts: [Double]
  /// What cells are ranked by, per analysed cell.
  let scores: [Double]
  let scoring: Scoring
  let rule: PatrolSelection.Rule
  let ruleGiven: Bool
  let selection: PatrolSelection.Selection
  let concentration: Concentration
  let zones: Bool
  /// Per chosen cell, its location labels, most common first; nil without a location column.
  let labels: [[(label: String, count: Int)]]?
  /// Incidents read with a location, after --period and --category.
  let incidentsRead: Int
  let outside: Int
  let filtered: IncidentFilter.Outcome
  let report: IncidentReadReport
  let areas: AreaLayer?
  let period: Period?
  let categories: [String]

  /// The chosen cells, best first.
  var chosen: [Int] { Array(selection.chosen) }
  /// The zone of each chosen cell (nil without --zones).
  var zoneOfChosen: [Int]? { zones ? PatrolZones.zones(of: chosen, layout: layout) : nil }
  var toWGS84: CoordinateTransform? { CoordinateTransform(from: working, to: .wgs84) }
  /// Incidents in the ranked cells, N of the shares.
  var total: Double { concentration.incidents }
  var chosenIncidents: Double { chosen.reduce(0) { $0 + counts[$1] } }
  var incidentShare: Double { total > 0 ? chosenIncidents / total : 0 }
  var areaShare: Double { Double(chosen.count) / Double(layout.count) }
  var isGrid: Bool { working == .britishNationalGrid }

  // MARK: - Tables

  /// The score column, when the ranking is not by count.
  private var scoreColumn: Table.Column? {
    switch scoring {
    case .count: nil
    case .harm: Table.Column("harm", alignment: .right)
    case .density: Table.Column("density_per_km2", alignment: .right)
    }
  }

  private func scoreCell(_ cell: Int) -> Table.Cell? {
    switch scoring {
    case .count: nil
    case .harm: .number(scores[cell], digits: 2)
    case .density: .number(scores[cell], digits: 4)
    }
  }

  /// One row per chosen cell, best first: `rank,x,y,count,share,cumulative_share`, then
  /// `cumulative_area_share,lon,lat,grid_ref,location`, the score (`harm` or `density_per_km2`)
  /// and `zone` when used.
  var cellTable: Table {
    var columns: [Table.Column] = ["rank", "x", "y", "count", "share", "cumulative_share", "cumulative_area_share", "lon", "lat"]
      .map { Table.Column($0, alignment: .right) }
    columns += [Table.Column("grid_ref"), Table.Column("location")]
    if let scoreColumn { columns.append(scoreColumn) }
    let zoneOfChosen = self.zoneOfChosen
    if zoneOfChosen != nil { columns.append(Table.Column("zone", alignment: .right)) }
    var table = Table(columns: columns)
    let transform = toWGS84
    var cumulative = 0.0
    for (k, cell) in chosen.enumerated() {
      cumulative += counts[cell]
      let centre = layout.centre(of: cell)
      let lonLat = transform?.apply(centre)
      var row: [Table.Cell] = [
        .integer(k + 1), .number(centre.x, digits: 3), .number(centre.y, digits: 3), .value(counts[cell]),
        .number(counts[cell] / total, digits: 6), .number(cumulative / total, digits: 6),
        .number(Double(k + 1) / Double(layout.count), digits: 6),
        lonLat.map { .number($0.x, digits: 6) } ?? .empty, lonLat.map { .number($0.y, digits: 6) } ?? .empty,
        gridReference(centre).map(Table.Cell.text) ?? .empty,
        labels.flatMap { $0[k].first?.label }.map(Table.Cell.text) ?? .empty,
      ]
      if let score = scoreCell(cell) { row.append(score) }
      if let zoneOfChosen { row.append(.integer(zoneOfChosen[k])) }
      table.rows.append(row)
    }
    return table
  }

  /// The cell table for the terminal: rank, where (grid reference, else x and y), count, shares,
  /// score, zone and location.
  var textTable: Table { Self.textColumns(cellTable) }

  /// `table` with the columns a patrol team reads, in reading order; grid references replace x
  /// and y when there are any, and a location column with no label is left out.
  static func textColumns(_ table: Table) -> Table {
    let names = table.columns.map(\.name)
    func filled(_ name: String) -> Bool {
      names.firstIndex(of: name).map { c in table.rows.contains { $0[c] != .empty } } ?? false
    }
    var wanted = ["rank", "zone", "cells", "top_rank"]
    wanted += filled("grid_ref") ? ["grid_ref"] : ["x", "y"]
    wanted += ["count", "share", "cumulative_share", "area_km2", "harm", "density_per_km2"]
    if filled("location") { wanted.append("location") }
    let keep = wanted.compactMap { names.firstIndex(of: $0) }
    var result = Table(columns: keep.map { table.columns[$0] })
    result.rows = table.rows.map { row in keep.map { row[$0] } }
    return result
  }

  /// One row per zone (with --zones): its cells, incidents, share, area, best rank, where to
  /// start (the centre of its best-ranked cell) and its most common location label.
  var zoneTable: Table? {
    guard let zoneOfChosen else { return nil }
    var columns: [Table.Column] = ["zone", "cells", "count", "share", "area_km2", "top_rank", "x", "y", "lon", "lat"]
      .map { Table.Column($0, alignment: .right) }
    columns += [Table.Column("grid_ref"), Table.Column("location")]
    var table = Table(columns: columns)
    let transform = toWGS84
    var membersOf = [[Int]](repeating: [], count: (zoneOfChosen.max() ?? 0) + 1)
    for (k, zone) in zoneOfChosen.enumerated() { membersOf[zone].append(k) }
    for (zone, members) in membersOf.enumerated() {
      guard let first = members.first else { continue }
      let incidents = members.reduce(0.0) { $0 + counts[chosen[$1]] }
      let centre = layout.centre(of: chosen[first])
      let lonLat = transform?.apply(centre)
      var merged: [String: Int] = [:]
      for k in members { for entry in labels?[k] ?? [] { merged[entry.label, default: 0] += entry.count } }
      let label = merged.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key
      table.rows.append([
        .integer(zone), .integer(members.count), .value(incidents), .number(incidents / total, digits: 6),
        .number(Double(members.count) * layout.cellArea / 1_000_000, digits: 4), .integer(first + 1),
        .number(centre.x, digits: 3), .number(centre.y, digits: 3),
        lonLat.map { .number($0.x, digits: 6) } ?? .empty, lonLat.map { .number($0.y, digits: 6) } ?? .empty,
        gridReference(centre).map(Table.Cell.text) ?? .empty, label.map(Table.Cell.text) ?? .empty,
      ])
    }
    return table
  }

  /// The 10-figure OS grid reference (1 m) of a British National Grid position; nil in another CRS.
  func gridReference(_ point: Point) -> String? {
    isGrid ? OSGridReference.format(point, digits: 10) : nil
  }

  // MARK: - Words

  /// A share as a percentage for people: one decimal from 1 %, two significant digits below.
  static func percent(_ share: Double) -> String {
    let value = share * 100
    if value == 0 { return "0 %" }
    return (value >= 1 ? NumberText.fixed(value, digits: 1) : NumberText.significant(value, digits: 2)) + " %"
  }

  var cellShape: String {
    switch layout.shape {
    case .square: "squares of \(NumberText.shortest(layout.cellSize)) m"
    case .hexagon: "hexagons \(NumberText.shortest(layout.cellSize)) m apart"
    }
  }

  var rankingDescription: String {
    switch scoring {
    case .count: "incident count"
    case .harm(let file, _): "harm-weighted count (weights from \(file), 1 for categories not listed)"
    case .density(let h, let given):
      "quartic kernel density at the cell centre, bandwidth \(NumberText.fixed(h, digits: 1)) m (\(given ? "given" : "2 × the cell size"))"
    }
  }

  /// The score in a few words, for the map legend.
  var rankingName: String {
    switch scoring {
    case .count: "incident count"
    case .harm: "harm-weighted count"
    case .density: "kernel density"
    }
  }

  /// How equal scores are ordered (`PatrolSelection.rank`).
  var tieRule: String {
    let grid = "grid order (rows from the south, west to east)"
    if case .count = scoring { return "equal counts by \(grid)" }
    return "equal scores by the higher incident count, then by \(grid)"
  }

  var ruleDescription: String {
    switch rule {
    case .coverage(let share): "the fewest leading cells holding \(Self.percent(share)) of incidents"
    case .top(let k): "the \(k) leading cells" + (ruleGiven ? "" : " (the default, --top \(k))")
    case .topShare(let share): "the leading \(Self.percent(share)) of the \(Format.count(layout.count)) cells"
    case .areaBudget(let area):
      "the leading cells fitting in \(NumberText.shortest(area / 1_000_000)) km² (\(Format.count(selection.wanted ?? 0)) cells)"
    }
  }

  /// "25.0 % of incidents in 0.18 % of the area".
  var statement: String {
    "\(Self.percent(incidentShare)) of incidents in \(Self.percent(areaShare)) of the area"
  }

  /// Warnings about the choice: a shortfall, a cut inside a tie, a coverage not reached.
  var warnings: [String] {
    var warnings: [String] = []
    if selection.shortfall > 0 {
      warnings.append(
        "only \(Format.plural(chosen.count, "cell")) \(chosen.count == 1 ? "has" : "have") a score above 0; \(selection.wanted.map(String.init) ?? "more") were asked for")
    }
    if case .coverage(let share) = rule, selection.wanted == nil {
      warnings.append("the cells with a score above 0 hold \(Self.percent(incidentShare)), short of \(Self.percent(share))")
    }
    if selection.tiedBeyondCut > 0 {
      warnings.append(
        "\(Format.plural(selection.tiedBeyondCut, "more cell")) \(selection.tiedBeyondCut == 1 ? "ties" : "tie") with the last one chosen (count \(NumberText.shortest(counts[chosen[chosen.count - 1]]))); grid order broke the tie")
    }
    return warnings
  }

  /// The summary for the terminal and stderr.
  var summary: String {
    let m = layout.count
    let study = Double(m) * layout.cellArea / 1_000_000
    var lines = [
      "cells            \(Format.count(m)) \(cellShape) (\(layout.rule.rawValue))",
      "incidents        \(Format.count(Int(total))) in the cells"
        + (outside > 0 ? "; \(Format.count(outside)) outside them, left out" : "")
        + (filtered.removed > 0 ? "; \(Format.count(filtered.removed)) filtered out" : ""),
      "ranked by        \(rankingDescription); \(tieRule)",
      "chosen           \(Format.plural(chosen.count, "cell")): \(ruleDescription)",
      "concentration    \(statement) (\(Format.squareKilometres(Double(chosen.count) * layout.cellArea / 1_000_000)) of \(Format.squareKilometres(study)) km²)",
      "gini             \(NumberText.fixed(concentration.gini, digits: 3)) over \(Format.count(m)) cells"
        + (total < Double(m)
          ? "; generalised \(NumberText.fixed(concentration.generalisedGini, digits: 3)) (fewer incidents than cells; Bernasco & Steenbeek 2017)"
          : ""),
      "                 half of the incidents lie in \(Self.percent(Double(concentration.placesHolding(share: 0.5)) / Double(m))) of the cells; \(Self.percent(Double(concentration.placesWithIncidents) / Double(m))) of cells have any",
    ]
    if let zoneOfChosen {
      lines.append("zones            \(Format.plural(zoneOfChosen.max() ?? 0, "patrol zone")) (chosen cells sharing an edge)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - Documents

  /// Every value chosen, for the provenance file and the JSON summary.
  var choices: [(String, JSONValue)] {
    var choices: [(String, JSONValue)] = [("working_crs", .string(working.identifier))]
    if let areas { choices.append(("areas_crs", .string(areas.source.crsDecision.crs.identifier))) }
    choices += [
      ("incidents_crs", .string(report.crsDecision.crs.identifier)),
      ("incidents_crs_rule", .string(report.crsDecision.rule.description)),
      ("cell_m", .number(layout.cellSize)),
      ("cell_shape", .string(layout.shape.isHexagon ? CellGrid.hexagonShape : "squares, columns from the west edge, rows from the south edge")),
      ("cells_rule", .string(layout.rule.rawValue)),
      ("grid", Format.boxJSON(layout.extent)),
      ("cells", .number(Double(layout.count))),
      ("cell_area_m2", .number(layout.cellArea)),
      ("incidents", .number(Double(incidentsRead))),
      ("incidents_in_cells", .number(total)),
      ("incidents_outside_cells", .number(Double(outside))),
      ("incidents_filtered_out", .number(Double(filtered.removed))),
      ("rank_by", .string(rankingDescription)),
      ("tie_rule", .string(tieRule)),
    ]
    switch scoring {
    case .count: break
    case .harm(_, let weights): choices.append(("harm_weights", .object(weights.map { ($0.0, .number($0.1)) })))
    case .density(let h, let given):
      choices += [
        ("kernel", "quartic"), ("bandwidth_m", .number(h)),
        ("bandwidth_rule", .string(given ? "given" : "2 × the cell size: patrol cells are micro-places, and a wider kernel ranks by the town rather than the street")),
        ("density_units", "incidents per km² at cell centres, from every incident read (inside the cells or not)"),
      ]
    }
    choices += [
      ("rule", .string(ruleDescription)),
      ("cells_wanted", selection.wanted.map { .number(Double($0)) } ?? .null),
      ("cells_chosen", .number(Double(chosen.count))),
      ("tied_beyond_cut", .number(Double(selection.tiedBeyondCut))),
      ("shares", "fractions (0–1) of the incidents in the ranked cells; cumulative_area_share of the ranked cells"),
      ("location_rule", .string(labels == nil
        ? "none: the incidents have no location column"
        : "the most common location label among the cell's incidents; ties in alphabetical order")),
      ("grid_ref_rule", .string(isGrid
        ? "OS grid reference of the cell centre, 10 figures (1 m), truncated as the OS convention is"
        : "none: the working CRS is not British National Grid")),
    ]
    if zones { choices.append(("zones_rule", "chosen cells sharing an edge (corners do not count), numbered by their best-ranked cell")) }
    choices += [
      ("statement", .string(statement)),
      ("incident_share", .number(incidentShare)),
      ("area_share", .number(areaShare)),
      ("gini", .number(concentration.gini)),
      ("generalised_gini", .number(concentration.generalisedGini)),
      ("gini_rule", "G = 2Σ i·x(i)/(mΣx) − (m + 1)/m over every ranked cell, empty ones included; G′ = max(1, m/N)(G − 1) + 1 (Bernasco & Steenbeek 2017)"),
      ("cells_with_incidents", .number(Double(concentration.placesWithIncidents))),
      ("half_of_incidents_cell_share", .number(Double(concentration.placesHolding(share: 0.5)) / Double(layout.count))),
    ]
    return choices
  }

  /// `{"summary": …, "lorenz": [[places, incidents]…], "cells": […], "zones": […]}`.
  var json: JSONValue {
    var members: [(String, JSONValue)] = [
      ("summary", .object(choices)),
      ("lorenz", .array(concentration.lorenz.map { .array([.number($0.places), .number($0.incidents)]) })),
      ("cells", JSONTable.value(cellTable)),
    ]
    if let zoneTable { members.append(("zones", JSONTable.value(zoneTable))) }
    return .object(members)
  }

  /// The chosen cells as polygons in WGS84, their rows as properties.
  func geoJSON() throws -> String {
    try TableGeoJSON.write(
      cellTable, geometries: chosen.map { .polygon(Polygon(exterior: layout.ring(of: $0))) }, from: working,
      file: report.files.first ?? "")
  }
}

extension CellLayout.Shape {
  var isHexagon: Bool {
    if case .hexagon = self { return true }
    return false
  }
}
