import Analyses
import GeoCore
import Rendering
import SpatialAnalysis

/// The outputs of a `cover` run: the table of added sites, the summary, JSON and GeoJSON.
extension CoverResult {
  /// The added sites: `rank,x,y,new_covered,cumulative_covered,cumulative_share,lon,lat,grid_ref,location`
  /// (x and y in metres of the working CRS, lon/lat in WGS84, grid references in British National Grid only),
  /// then `candidate_id,candidate_name` when `--candidates` names its points.
  public var siteTable: Table {
    var columns: [Table.Column] = [
      .init("rank", alignment: .right), .init("x", alignment: .right), .init("y", alignment: .right),
      .init("new_covered", alignment: .right), .init("cumulative_covered", alignment: .right),
      .init("cumulative_share", alignment: .right), .init("lon", alignment: .right), .init("lat", alignment: .right),
      .init("grid_ref"), .init("location"),
    ]
    if candidateIDs != nil { columns.append(.init("candidate_id")) }
    if candidateNames != nil { columns.append(.init("candidate_name")) }
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
      if let candidateIDs { row.append(.text(candidateIDs[selection.candidate])) }
      if let candidateNames { row.append(.text(candidateNames[selection.candidate])) }
      rows.append(row)
    }
    return Table(columns: columns, rows: rows)
  }

  /// Each existing site's own coverage, in file order: `site_id,site_name,x,y,covered,covered_share,
  /// covered_only_here` (the incidents within the radius of it, their share of the incidents, and
  /// those no other existing site covers). Sites overlap, so `covered` sums to more than the
  /// sites' joint coverage.
  public var existingSiteTable: Table {
    let columns: [Table.Column] = [
      .init("site_id"), .init("site_name"), .init("x", alignment: .right), .init("y", alignment: .right),
      .init("covered", alignment: .right), .init("covered_share", alignment: .right),
      .init("covered_only_here", alignment: .right),
    ]
    let rows: [[Table.Cell]] = existingCoverage.map { site in
      [
        .text(site.id), .text(site.name), .number(site.point.x, digits: 2), .number(site.point.y, digits: 2),
        .integer(site.covered), .number(Self.share(site.covered, incidents), digits: 4), .integer(site.coveredOnlyHere),
      ]
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

  /// The summary, the existing sites' own coverage and the table of added sites (each if any),
  /// fitted to `width` characters.
  public func text(width: Int?) -> String {
    let table = siteTable
    let existing = existingSiteTable
    return summary + (existing.rows.isEmpty ? "" : "\n" + TextTable.render(existing, maxWidth: width))
      + (table.rows.isEmpty ? "" : "\n" + TextTable.render(table, maxWidth: width))
  }

  /// `{"summary": {choices…}, "existing_sites": […], "sites": […]}`.
  public var json: JSONValue {
    .object([
      ("summary", .object(choices)), ("existing_sites", JSONTable.value(existingSiteTable)),
      ("sites", JSONTable.value(siteTable)),
    ])
  }

  /// The added sites as points in WGS84, their rows as properties.
  /// - Throws: `InputError` when the working CRS cannot be converted to WGS84.
  public func geoJSON() throws -> String {
    try TableGeoJSON.write(
      siteTable, geometries: covering.selections.map { .point(candidates[$0.candidate]) }, from: working,
      file: geoJSONFile)
  }
}
