import Analyses
import GeoCore
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

/// The outputs of a `density` run, from the same numbers: summary, cell table, regions.
struct DensityResult {
  let setup: DensityPlan
  let kernel: Kernel
  /// Per km² at each cell centre; nil outside the study area.
  let density: [Double?]
  let regions: [HotSpotRegions.Region]
  let rule: HotSpotRegions.Rule?
  let incidents: Int
  let totalWeight: Double
  /// Whether incidents carry weights (else counts are whole numbers).
  let weighted: Bool
  let edgeCorrected: Bool
  let working: CRS
  let report: IncidentReadReport
  let filtered: IncidentFilter.Outcome

  var grid: SquareGrid { setup.grid }

  /// Every value chosen, for the summary and the provenance file.
  var choices: [(String, JSONValue)] {
    var choices: [(String, JSONValue)] = [
      ("working_crs", .string(working.identifier)),
      ("incidents_crs", .string(report.crsDecision.crs.identifier)),
      ("incidents_crs_rule", .string(report.crsDecision.rule.description)),
      ("kernel", .string(kernel.rawValue)),
      ("bandwidth_m", .number(setup.bandwidth)),
      ("bandwidth_rule", .string(setup.bandwidthRule)),
      ("cell_m", .number(grid.cellSize)),
      ("cell_rule", .string(setup.cellRule)),
      ("extent", .array([.number(grid.minX), .number(grid.minY), .number(grid.maxX), .number(grid.maxY)])),
      ("extent_rule", .string(setup.extentRule)),
      ("columns", .number(Double(grid.columns))),
      ("rows", .number(Double(grid.rows))),
      ("units", "incidents per km² at cell centres"),
      ("incidents", .number(Double(incidents))),
      ("edge_correction", .string(edgeCorrected
        ? "spatstat's: each cell divided by the share of its kernel inside the study area; the surface no longer integrates to the number of incidents"
        : "none")),
    ]
    if kernel == .gaussian { choices.append(("gaussian_cutoff", "exp(-d²/2h²) evaluated out to 1e-9 of its peak (d ≈ 6.44h), zero beyond")) }
    if let rule { choices.append(("regions_rule", .string(Self.describe(rule)))) }
    return choices
  }

  static func describe(_ rule: HotSpotRegions.Rule) -> String {
    switch rule {
    case .top(let share): "the top \(NumberText.fixed(share * 100, digits: 3))% of cells"
    case .threshold(let value): "cells at or above \(NumberText.shortest(value)) per km²"
    case .volume(let share): "the fewest cells holding \(NumberText.fixed(share * 100, digits: 3))% of the density mass"
    }
  }

  var summaryText: String {
    let values = density.compactMap { $0 }
    let peak = values.max() ?? 0
    let mass = values.reduce(0, +) * grid.cellArea / 1_000_000
    var lines = [
      "kernel            \(kernel.rawValue)\(kernel == .gaussian ? " (cut at 1e-9 of its peak, 6.44 bandwidths)" : "")",
      "bandwidth         \(NumberText.fixed(setup.bandwidth, digits: 1)) m (\(setup.bandwidthRule))",
      "cell              \(NumberText.shortest(grid.cellSize)) m (\(setup.cellRule))",
      "grid              \(grid.columns) × \(grid.rows) cells, \(Format.box(grid.extent, crs: working)) in \(working) (\(setup.extentRule))",
      "incidents         \(Format.count(incidents))" + (filtered.removed > 0 ? " (\(Format.count(filtered.removed)) filtered out)" : ""),
      "peak density      \(NumberText.fixed(peak, digits: 2)) per km²",
      "surface total     \(NumberText.fixed(mass, digits: 2)) incidents (density × cell area)"
        + (edgeCorrected ? ", edge-corrected" : ""),
    ]
    if let rule {
      lines.append("hot-spot regions  \(regions.count) (\(Self.describe(rule)))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  var regionTable: Table {
    var table = Table(columns: [
      .init("rank", alignment: .right), .init("area_km2", alignment: .right), .init("peak_per_km2", alignment: .right),
      .init("incidents", alignment: .right), .init("share", alignment: .right), .init("cells", alignment: .right),
      .init("centre_x", alignment: .right), .init("centre_y", alignment: .right),
    ])
    for (rank, region) in regions.enumerated() {
      let centre = region.geometry.centroid
      table.rows.append([
        .integer(rank + 1), .number(region.area / 1_000_000, digits: 4), .number(region.peak, digits: 2),
        weighted ? .number(region.incidents, digits: 2) : .integer(Int(region.incidents)), .number(totalWeight > 0 ? region.incidents / totalWeight : 0, digits: 4),
        .integer(region.cells.count), .number(centre.x, digits: 1), .number(centre.y, digits: 1),
      ])
    }
    return table
  }

  var text: String {
    var text = summaryText
    if rule != nil { text += "\n" + TextTable.render(regionTable) }
    return text
  }

  var json: JSONValue {
    .object([("settings", .object(choices)), ("regions", JSONTable.value(regionTable))])
  }

  /// One row per cell with data: centre in the working CRS and in lon/lat, and the density.
  func cellTable() throws -> Table {
    let toWGS84 = CoordinateTransform(from: working, to: .wgs84)
    var table = Table(columns: [
      .init("x", alignment: .right), .init("y", alignment: .right), .init("lon", alignment: .right),
      .init("lat", alignment: .right), .init("density", alignment: .right),
    ])
    table.rows.reserveCapacity(density.count)
    for cell in density.indices {
      guard let value = density[cell] else { continue }
      let centre = grid.centre(of: cell)
      let lonLat = toWGS84?.apply(centre)
      table.rows.append([
        .number(centre.x, digits: 3), .number(centre.y, digits: 3),
        lonLat.map { .number($0.x, digits: 7) } ?? .empty, lonLat.map { .number($0.y, digits: 7) } ?? .empty,
        .number(value, digits: 6),
      ])
    }
    return table
  }

  /// The hot-spot regions in WGS84 with their figures as properties.
  func regionsGeoJSON() throws -> String {
    try TableGeoJSON.write(regionTable, geometries: regions.map(\.geometry), from: working, file: report.files.first ?? "")
  }
}
