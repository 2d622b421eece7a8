import Analyses
import GeoCore
import GeoIO
import Rendering
import Reports
import SpatialAnalysis

/// The tables and summary of a `count` run, in every output format, from the same numbers.
struct CountResult {
  let layer: AreaLayer
  let tally: AreaTally
  let baseline: AreaTally?
  let period: Period?
  let baselinePeriod: Period?
  let population: [Double?]?
  let per: Double
  let groups: [String?]?
  let report: IncidentReadReport
  /// Counts below this are published as `<n` (areas and groups, breakdown columns too).
  var suppressBelow: Double? = nil
  let filtered: IncidentFilter.Outcome

  /// `rate_per_1000` or `rate_per_10000`.
  var rateColumn: String { "rate_per_" + NumberText.shortest(per) }

  /// Warnings about the result itself (missing populations).
  var warnings: [String] {
    guard let population else { return [] }
    let missing = layer.ids.indices.filter { Rates.perPopulation(0, population: population[$0]) == nil }
    guard !missing.isEmpty else { return [] }
    return [
      "\(missing.count) areas have no usable population (missing or zero), so their rate is left empty: "
        + missing.prefix(5).map { layer.ids[$0] }.joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
    ]
  }

  // MARK: - Tables

  /// One row per area, in file order, with the columns of the README's `count` section.
  var areaTable: Table {
    let columns = tally.columns
    return table(
      keyColumns: [.init("area_id"), .init("area_name")],
      keys: layer.ids.indices.map { [.text(layer.ids[$0]), .text(layer.names[$0])] },
      members: layer.ids.indices.map { [$0] },
      breakdownColumns: columns,
      extraColumn: groups.map { groups in ("group", layer.ids.indices.map { Table.Cell.text(groups[$0] ?? "") }) })
  }

  /// One row per group (sorted by group id), or nil when no roll-up was asked for.
  var groupTable: Table? {
    guard let groups else { return nil }
    var members: [String: [Int]] = [:]
    for (area, group) in groups.enumerated() {
      guard let group else { continue }
      members[group, default: []].append(area)
    }
    let order = members.keys.sorted()
    return table(
      keyColumns: [.init("group_id")], keys: order.map { [.text($0)] },
      members: order.map { members[$0] ?? [] }, breakdownColumns: tally.columns,
      extraColumn: ("n_areas", order.map { .integer(members[$0]?.count ?? 0) }))
  }

  /// The shared shape of the area and group tables: each row sums the areas in `members`.
  private func table(
    keyColumns: [Table.Column], keys: [[Table.Cell]], members: [[Int]],
    breakdownColumns: [(label: String, counts: [Int])], extraColumn: (String, [Table.Cell])?
  ) -> Table {
    var columns = keyColumns + [Table.Column("count", alignment: .right)]
    if population != nil {
      columns += [.init("population", alignment: .right), .init(rateColumn, alignment: .right)]
    }
    columns += [.init("area_km2", alignment: .right), .init("per_km2", alignment: .right)]
    if baseline != nil {
      columns += ["baseline_count", "change", "change_pct", "p_change"].map { Table.Column($0, alignment: .right) }
    }
    if let extraColumn { columns.append(.init(extraColumn.0)) }
    columns += breakdownColumns.map { Table.Column("count_" + Table.columnName($0.label, fallback: "none"), alignment: .right) }

    var rows: [[Table.Cell]] = []
    for (row, areas) in members.enumerated() {
      let count = areas.reduce(0) { $0 + tally.counts[$1] }
      // Figures derived from a suppressed count would reveal it: they are left empty.
      let hidden = isSuppressed(count)
      var cells = keys[row] + [published(count)]
      if let population {
        let values = areas.map { population[$0] }
        let total: Double? = values.contains { $0 == nil } ? nil : values.reduce(0) { $0 + ($1 ?? 0) }
        // A population of 1e400 reads as infinity: shown empty, like a missing one.
        cells.append(total.flatMap { $0.isFinite ? .number($0, digits: $0.rounded() == $0 ? 0 : 2) : nil } ?? .empty)
        cells.append(hidden ? .empty : Rates.perPopulation(count, population: total, per: per).map { .number($0, digits: 4) } ?? .empty)
      }
      let area = areas.reduce(0) { $0 + layer.areas[$1] }
      cells.append(.number(area / 1_000_000, digits: 4))
      cells.append(hidden ? .empty : Rates.perSquareKilometre(count, areaSquareMetres: area).map { .number($0, digits: 3) } ?? .empty)
      if let baseline, let period, let baselinePeriod {
        let before = areas.reduce(0) { $0 + baseline.counts[$1] }
        cells.append(published(before))
        if hidden || isSuppressed(before) {
          cells += [.empty, .empty, .empty]
        } else {
          cells.append(.integer(count - before))
          cells.append(Rates.percentChange(from: before, to: count).map { .number($0, digits: 2) } ?? .empty)
          let p = CountComparison.pValue(
            current: count, currentExposure: Double(period.dayCount), baseline: before,
            baselineExposure: Double(baselinePeriod.dayCount))
          cells.append(.significant(p, digits: 4))
        }
      }
      if let extraColumn { cells.append(extraColumn.1[row]) }
      for column in breakdownColumns { cells.append(published(areas.reduce(0) { $0 + column.counts[$1] })) }
      rows.append(cells)
    }
    return Table(columns: columns, rows: rows)
  }

  /// Whether `--suppress-below` hides this count (zero is shown: it identifies no one).
  private func isSuppressed(_ count: Int) -> Bool {
    suppressBelow.map { count > 0 && Double(count) < $0 } ?? false
  }

  /// A count as published: `<n` when suppressed, else the number.
  private func published(_ count: Int) -> Table.Cell {
    isSuppressed(count) ? .text("<" + NumberText.shortest(suppressBelow ?? 0)) : .integer(count)
  }

  // MARK: - Summary

  private var summaryFacts: [(label: String, key: String, value: Int, note: String)] {
    let skipped = report.skippedByReason.map { "\($0.count) \($0.reason)" }.joined(separator: "; ")
    var facts: [(String, String, Int, String)] = [
      ("rows", "rows", report.dataRows, "in \(Format.plural(report.files.count, "file"))"),
      ("counted", "counted", tally.counted, tally.overlapping ? "memberships in \(layer.count) overlapping areas" : "in \(layer.count) areas"),
      ("outside all areas", "outside", tally.outside,
       tally.nearBoundary > 0
        ? "\(tally.nearBoundary) within 25 m of a boundary" + (tally.snapDistance == nil ? "; --snap 25m gives them to the nearest area" : "")
        : ""),
      ("without location", "without_location", report.rowsWithoutLocation, ""),
      ("skipped rows", "skipped", report.skippedRows, skipped),
    ]
    if tally.snapped > 0 { facts.append(("snapped", "snapped", tally.snapped, "given to the nearest area within \(NumberText.shortest(tally.snapDistance ?? 0)) m")) }
    if !tally.overlapping { facts.append(("in two areas", "overlaps", tally.overlaps, tally.overlaps > 0 ? "counted once, in the first in file order" : "")) }
    if filtered.removed > 0 {
      var parts: [String] = []
      if let period { parts.append("\(Format.count(filtered.outsidePeriod)) outside \(period)") }
      if filtered.straddlingMonths > 0 {
        parts.append("\(Format.count(filtered.straddlingMonths)) in months straddling its ends")
      }
      if filtered.noDate > 0 { parts.append("\(Format.count(filtered.noDate)) without a date") }
      if filtered.otherCategory > 0 { parts.append("\(Format.count(filtered.otherCategory)) of other categories") }
      facts.append(("filtered out", "filtered_out", filtered.removed, parts.joined(separator: "; ")))
    }
    if let baseline, let baselinePeriod {
      facts.append(("baseline", "baseline_counted", baseline.counted, "counted in \(baselinePeriod)"))
    }
    return facts
  }

  var summaryText: String {
    let facts = summaryFacts
    let width = (facts.map(\.label.count).max() ?? 0) + 2
    return facts.map { fact in
      fact.label.padding(to: width) + Format.count(fact.value) + (fact.note.isEmpty ? "" : " (\(fact.note))")
    }.joined(separator: "\n") + "\n"
  }

  var summaryJSON: JSONValue {
    .object(summaryFacts.map { ($0.key, .number(Double($0.value))) })
  }

  // MARK: - Formats

  /// Aligned text, the tables fitted to `width` characters when given (a terminal).
  func text(width: Int?) -> String {
    var result = TextTable.render(areaTable, maxWidth: width)
    if let groupTable { result += "\n" + TextTable.render(groupTable, maxWidth: width) }
    return result + "\n" + summaryText
  }

  var markdown: String {
    var result = MarkdownTable.render(areaTable)
    if let groupTable { result += "\n" + MarkdownTable.render(groupTable) }
    return result + "\n" + summaryText.split(separator: "\n").map { "- " + $0 }.joined(separator: "\n") + "\n"
  }

  var json: JSONValue {
    var members: [(String, JSONValue)] = [
      ("summary", summaryJSON),
      ("areas", JSONTable.value(areaTable)),
    ]
    if let groupTable { members.append(("groups", JSONTable.value(groupTable))) }
    return .object(members)
  }

  /// The areas in WGS84 with the results as properties (RFC 7946).
  func geoJSON() throws -> String {
    try TableGeoJSON.write(areaTable, geometries: layer.geometries, from: layer.working, file: layer.file)
  }
}
