import Analyses
import GeoCore
import Rendering
import SpatialAnalysis

/// The outputs of a `patrol` run, all from the same numbers: the ranked table of chosen cells,
/// the zones, the summary, the JSON and GeoJSON documents.
extension PatrolResult {
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
  /// and `zone` when used; with a baseline period `baseline_count`, `change`, `change_pct`,
  /// `p_change` (as `count --compare-to`) and `change_per_month`.
  public var cellTable: Table {
    var columns: [Table.Column] = [
      "rank", "x", "y", "count", "share", "cumulative_share", "cumulative_area_share", "lon", "lat",
    ]
    .map { Table.Column($0, alignment: .right) }
    columns += [Table.Column("grid_ref"), Table.Column("location")]
    if let scoreColumn { columns.append(scoreColumn) }
    let zoneOfChosen = self.zoneOfChosen
    if zoneOfChosen != nil { columns.append(Table.Column("zone", alignment: .right)) }
    if change != nil {
      columns += ["baseline_count", "change", "change_pct", "p_change", "change_per_month"].map {
        Table.Column($0, alignment: .right)
      }
    }
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
      if let change { row += change.cells(cell) }
      table.rows.append(row)
    }
    return table
  }

  /// The cell table for the terminal: rank, where (grid reference, else x and y), count, shares,
  /// score, zone and location.
  public var textTable: Table { Self.textColumns(cellTable) }

  /// `table` with the columns a patrol team reads, in reading order; grid references replace x
  /// and y when there are any, and a location column with no label is left out.
  public static func textColumns(_ table: Table) -> Table {
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
  public var zoneTable: Table? {
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
  /// The summary for the terminal and stderr: cells, incidents, ranking, choice, concentration
  /// (Gini), zones; one fact a line.
  public var summary: String {
    let m = layout.count
    let study = Double(m) * layout.cellArea / 1_000_000
    var lines = [
      "cells            \(Format.count(m)) \(cellShape) (\(layout.rule.rawValue))",
      "incidents        \(Format.count(Int(total))) in the cells"
        + (outside > 0 ? "; \(Format.count(outside)) outside them, left out" : "")
        + (filtered.removed > 0 ? "; \(Format.count(filtered.removed)) filtered out" : "")
        + (filtered.outliers > 0 ? "; \(Format.count(filtered.outliers)) locational outliers set aside" : ""),
      "ranked by        \(rankingDescription); \(tieRule)",
      "chosen           \(Format.plural(chosen.count, "cell")): \(ruleDescription)",
      "concentration    \(statement) (\(Format.squareKilometres(Double(chosen.count) * layout.cellArea / 1_000_000)) of \(Format.squareKilometres(study)) km²)",
      "gini             \(NumberText.fixed(concentration.gini, digits: 3)) over \(Format.count(m)) cells"
        + (total < Double(m)
          ? "; generalised \(NumberText.fixed(concentration.generalisedGini, digits: 3)) (fewer incidents than cells; Bernasco & Steenbeek 2017)"
          : ""),
      "                 half of the incidents lie in \(Self.percent(Double(concentration.placesHolding(share: 0.5)) / Double(m))) of the cells; \(Self.percent(Double(concentration.placesWithIncidents) / Double(m))) of cells have any",
    ]
    // The cut inside a tie is stated here too (not only as a warning), as the README promises.
    lines.append(
      "tied at the cut  "
        + (selection.tiedBeyondCut == 0
          ? "none (the next cell ranks below the last chosen)"
          : "\(Format.plural(selection.tiedBeyondCut, "more cell")) \(selection.tiedBeyondCut == 1 ? "ties" : "tie") with the last chosen, left out by grid order")
    )
    if let zoneOfChosen {
      lines.append(
        "zones            \(Format.plural(zoneOfChosen.max() ?? 0, "patrol zone")) (chosen cells sharing an edge)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `{"summary": …, "lorenz": [[places, incidents]…], "cells": […], "zones": […]}`.
  public var json: JSONValue {
    var members: [(String, JSONValue)] = [
      ("summary", .object(choices)),
      ("lorenz", .array(concentration.lorenz.map { .array([.number($0.places), .number($0.incidents)]) })),
      ("cells", JSONTable.value(cellTable)),
    ]
    if let zoneTable { members.append(("zones", JSONTable.value(zoneTable))) }
    return .object(members)
  }

  /// The chosen cells as polygons in WGS84, their rows as properties.
  /// - Throws: `InputError` when the working CRS cannot be converted to WGS84.
  public func geoJSON() throws -> String {
    try TableGeoJSON.write(
      cellTable, geometries: chosen.map { .polygon(Polygon(exterior: layout.ring(of: $0))) }, from: working,
      file: report.files.first ?? "")
  }
}
