import Analyses
import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

extension DensityResult {
  /// The summary `hotspot density` prints: kernel, bandwidth, cell, grid, incidents, peak, total.
  public var summaryText: String {
    var lines = [
      "kernel            \(kernel.rawValue)\(kernel == .gaussian ? " (cut at 1e-9 of its peak, 6.44 bandwidths)" : "")",
      "bandwidth         \(NumberText.fixed(setup.bandwidth, digits: 1)) m (\(setup.bandwidthRule))",
      "cell              \(NumberText.shortest(grid.cellSize)) m (\(setup.cellRule))",
      "grid              \(grid.columns) × \(grid.rows) cells, \(Format.box(grid.extent, crs: working)) in \(working) (\(setup.extentRule))",
      "incidents         \(Format.count(incidents))"
        + (filtered.removed > 0 ? " (\(Format.count(filtered.removed)) filtered out)" : "")
        + (filtered.outliers > 0 ? " (\(Format.count(filtered.outliers)) locational outliers set aside)" : ""),
      "peak density      \(NumberText.fixed(peak, digits: 2)) per km²",
      "surface total     \(NumberText.fixed(mass, digits: 2)) incidents (density × cell area)"
        + (edgeCorrected ? ", edge-corrected" : ""),
    ]
    if let rule {
      lines.append("hot-spot regions  \(regions.count) (\(Self.describe(rule)))")
    }
    if let change {
      let totals = change.totals
      lines.append(
        "baseline          \(Format.count(baselineIncidents)) incidents in \(change.baselinePeriod), on the same grid and bandwidth"
      )
      lines.append(
        "change            surface total \(NumberText.fixed(totals.baseline * grid.cellArea / 1_000_000, digits: 2)) → \(NumberText.fixed(totals.current * grid.cellArea / 1_000_000, digits: 2)) incidents"
          + (change.comparesPerMonth ? " (periods of unequal length: compare change_per_month)" : ""))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One row per hot-spot region: rank, area in km², peak per km², incidents, share, cells, centre.
  public var regionTable: Table {
    var table = Table(columns: [
      .init("rank", alignment: .right), .init("area_km2", alignment: .right), .init("peak_per_km2", alignment: .right),
      .init("incidents", alignment: .right), .init("share", alignment: .right), .init("cells", alignment: .right),
      .init("centre_x", alignment: .right), .init("centre_y", alignment: .right),
    ])
    for (rank, region) in regions.enumerated() {
      let centre = region.geometry.centroid
      table.rows.append([
        .integer(rank + 1), .number(region.area / 1_000_000, digits: 4), .number(region.peak, digits: 2),
        weighted ? .number(region.incidents, digits: 2) : .integer(Int(region.incidents)),
        .number(totalWeight > 0 ? region.incidents / totalWeight : 0, digits: 4),
        .integer(region.cells.count), .number(centre.x, digits: 1), .number(centre.y, digits: 1),
      ])
    }
    return table
  }

  /// The summary, then the region table when regions were drawn.
  public var text: String {
    var text = summaryText
    if rule != nil { text += "\n" + TextTable.render(regionTable) }
    return text
  }

  /// `{"settings": choices, "regions": [...]}`.
  public var json: JSONValue {
    .object([("settings", .object(choices)), ("regions", JSONTable.value(regionTable))])
  }

  /// One row per cell with data: centre in the working CRS and in lon/lat, and the density per km²;
  /// with a baseline period also `baseline_density`, `change` (density − baseline_density) and
  /// `change_per_month` (each divided by its period's months first), all per km².
  public func cellTable() throws -> Table {
    let toWGS84 = CoordinateTransform(from: working, to: .wgs84)
    var table = Table(columns: [
      .init("x", alignment: .right), .init("y", alignment: .right), .init("lon", alignment: .right),
      .init("lat", alignment: .right), .init("density", alignment: .right),
    ])
    if change != nil {
      table.columns += ["baseline_density", "change", "change_per_month"].map { .init($0, alignment: .right) }
    }
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
      if let change {
        table.rows[table.rows.count - 1] += [
          change.baseline[cell].map { .number($0, digits: 6) } ?? .empty,
          change.change(cell).map { .number($0, digits: 6) } ?? .empty,
          change.changePerMonth(cell).map { .number($0, digits: 6) } ?? .empty,
        ]
      }
    }
    return table
  }

  /// The hot-spot regions in WGS84 with their figures as properties (RFC 7946).
  public func regionsGeoJSON() throws -> String {
    try TableGeoJSON.write(
      regionTable, geometries: regions.map(\.geometry), from: working, file: report.files.first ?? "")
  }

  /// The surface as an ESRI ASCII grid (no-data outside the study area).
  public var asciiGrid: String {
    ASCIIGridWriter.write(
      values: density, columns: grid.columns, rows: grid.rows, minX: grid.minX, minY: grid.minY, cellSize: grid.cellSize
    )
  }

  /// The `.prj` text beside an ASCII grid, when the working CRS has one.
  public var projectionText: String? { ASCIIGridWriter.projectionText(working) }
}
