import Analyses
import GeoCore
import Rendering
import SpatialAnalysis

/// The outputs of a `cover` run: the table of added sites, the summary, JSON and GeoJSON.
extension CoverResult {
  /// The added sites: `rank,x,y,new_covered,cumulative_covered,cumulative_share,lon,lat,grid_ref,location`
  /// (x and y in metres of the working CRS, lon/lat in WGS84, grid references in British National Grid only).
  public var siteTable: Table {
    let columns: [Table.Column] = [
      .init("rank", alignment: .right), .init("x", alignment: .right), .init("y", alignment: .right),
      .init("new_covered", alignment: .right), .init("cumulative_covered", alignment: .right),
      .init("cumulative_share", alignment: .right), .init("lon", alignment: .right), .init("lat", alignment: .right),
      .init("grid_ref"), .init("location"),
    ]
    let toWGS84 = CoordinateTransform(from: working, to: .wgs84)
    var rows: [[Table.Cell]] = []
    for (k, selection) in covering.selections.enumerated() {
      let site = candidates[selection.candidate]
      var row: [Table.Cell] = [
        .integer(k + 1), .number(site.x, digits: 2), .number(site.y, digits: 2), .integer(selection.gain),
        .integer(selection.cumulative), .number(Self.share(selection.cumulative, incidents), digits: 4),
      ]
      if let toWGS84 {
        let lonLat = toWGS84.apply(site)
        row += [.number(lonLat.x, digits: 6), .number(lonLat.y, digits: 6)]
      } else {
        row += [.empty, .empty]
      }
      row.append(working == .britishNationalGrid ? OSGridReference.format(site).map(Table.Cell.text) ?? .empty : .empty)
      row.append(labels[k].map(Table.Cell.text) ?? .empty)
      rows.append(row)
    }
    return Table(columns: columns, rows: rows)
  }

  /// The summary lines of text output (and of stderr after writing a file): incidents, radius,
  /// existing coverage, the sites added, the bound on the best possible and the guarantee.
  public var summary: String {
    func percent(_ n: Int) -> String {
      NumberText.fixed(100 * Self.share(n, incidents), digits: 1, keepingZeros: true) + " %"
    }
    var lines = [
      "incidents        \(incidents)", "radius           \(NumberText.shortest(radius)) m (covered: distance ≤ radius)",
    ]
    if let existingSites {
      lines.append(
        "existing sites   \(existingSites.count): cover \(covering.initiallyCovered) incidents (\(percent(covering.initiallyCovered)))"
      )
    }
    if add > 0 {
      let covered = totalCovered
      lines.append(
        "added sites      \(covering.selections.count) (of \(candidates.count) candidates within reach): cover \(covering.gained) more; \(covered) in all (\(percent(covered)))"
      )
      let share = NumberText.fixed(100 * Self.guarantee(covering), digits: 1, keepingZeros: true)
      let exact = covering.upperBound == covering.gained
      lines.append(
        "best possible    \(exact ? "" : "at most ")\(covering.upperBound) more with \(add) sites: these cover \(exact ? "all of it" : "≥ \(share) % of that")"
      )
      lines.append(
        "guarantee        greedy always covers ≥ 1 − 1/e ≈ 63.2 % of the best possible (Nemhauser, Wolsey & Fisher 1978)"
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The summary, then the table of added sites (if any) fitted to `width` characters.
  public func text(width: Int?) -> String {
    let table = siteTable
    return summary + (table.rows.isEmpty ? "" : "\n" + TextTable.render(table, maxWidth: width))
  }

  /// `{"summary": {choices…}, "sites": […]}`.
  public var json: JSONValue {
    .object([("summary", .object(choices)), ("sites", JSONTable.value(siteTable))])
  }

  /// The added sites as points in WGS84, their rows as properties.
  /// - Throws: `InputError` when the working CRS cannot be converted to WGS84.
  public func geoJSON() throws -> String {
    try TableGeoJSON.write(
      siteTable, geometries: covering.selections.map { .point(candidates[$0.candidate]) }, from: working,
      file: geoJSONFile)
  }
}
