import Analyses
import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// The tables and summary of a count, in every output format, from the same numbers.
extension CountResult {
  // MARK: - Tables

  /// One row per area, in file order: `area_id`, `area_name`, `count`, then (with a population)
  /// `population` and the rate per `per` people, `area_km2`, `per_km2` (incidents per km²), the
  /// baseline columns (`baseline_count`, `change`, `change_pct`, `p_change`: the exact test of two
  /// Poisson counts, exposures in months; see `PeriodChange`), `group`, and one `count_<label>` per
  /// breakdown column. When the period and baseline differ in length, `change` becomes
  /// `change_per_month`, `change_pct` compares incidents per month, and `count_per_month` and
  /// `baseline_per_month` follow `p_change`.
  /// Under `suppressBelow`, `disclosure` decides: small counts read `<n`, counts hidden so that
  /// they cannot be worked out from a total read `[c]`, and the figures derived from either
  /// (rates, densities, changes) are left empty.
  public var areaTable: Table {
    let columns = tally.columns
    return table(
      keyColumns: [.init("area_id"), .init("area_name")],
      keys: layer.ids.indices.map { [.text(layer.ids[$0]), .text(layer.names[$0])] },
      members: layer.ids.indices.map { [$0] },
      breakdownColumns: columns,
      extraColumn: groups.map { groups in ("group", layer.ids.indices.map { Table.Cell.text(groups[$0] ?? "") }) },
      status: disclosure.map { ($0.areas, $0.baseline, $0.breakdown) })
  }

  /// One row per group (sorted by group id) summing its areas, with `n_areas`, then an
  /// `ungrouped` row for the areas with no group (so the rows add up to the areas); nil when no
  /// roll-up was asked for.
  public var groupTable: Table? {
    guard let groups else { return nil }
    var members: [String: [Int]] = [:]
    var ungrouped: [Int] = []
    for (area, group) in groups.enumerated() {
      guard let group else {
        ungrouped.append(area)
        continue
      }
      members[group, default: []].append(area)
    }
    let order = members.keys.sorted()
    var keys: [[Table.Cell]] = order.map { [.text($0)] }
    var rows = order.map { members[$0] ?? [] }
    // Areas with no group make a last row of their own, so the groups add up to the areas.
    if !ungrouped.isEmpty {
      keys.append([.text(Self.ungroupedLabel)])
      rows.append(ungrouped)
    }
    return table(
      keyColumns: [.init("group_id")], keys: keys, members: rows, breakdownColumns: tally.columns,
      extraColumn: ("n_areas", rows.map { .integer($0.count) }),
      status: disclosure.map { ($0.groups, $0.groupBaseline, $0.groupBreakdown) })
  }

  /// The shared shape of the area and group tables: each row sums the areas in `members`.
  private func table(
    keyColumns: [Table.Column], keys: [[Table.Cell]], members: [[Int]],
    breakdownColumns: [(label: String, counts: [Int])], extraColumn: (String, [Table.Cell])?,
    status: (counts: [DisclosureRule.Status], baseline: [DisclosureRule.Status], breakdown: [[DisclosureRule.Status]])?
  ) -> Table {
    var columns = keyColumns + [Table.Column("count", alignment: .right)]
    if population != nil {
      columns += [.init("population", alignment: .right), .init(rateColumn, alignment: .right)]
    }
    columns += [.init("area_km2", alignment: .right), .init("per_km2", alignment: .right)]
    let perMonth = comparesPerMonth
    if baseline != nil {
      columns += ["baseline_count", perMonth ? "change_per_month" : "change", "change_pct", "p_change"].map {
        Table.Column($0, alignment: .right)
      }
      if perMonth {
        columns += ["count_per_month", "baseline_per_month"].map { Table.Column($0, alignment: .right) }
      }
    }
    if let extraColumn { columns.append(.init(extraColumn.0)) }
    columns += breakdownColumns.map {
      Table.Column("count_" + Table.columnName($0.label, fallback: "none"), alignment: .right)
    }

    var rows: [[Table.Cell]] = []
    for (row, areas) in members.enumerated() {
      let count = areas.reduce(0) { $0 + tally.counts[$1] }
      // Figures derived from a suppressed count would reveal it: they are left empty.
      let countStatus = status?.counts[row] ?? .shown
      let hidden = countStatus.isHidden
      var cells = keys[row] + [published(count, countStatus)]
      if let population {
        let values = areas.map { population[$0] }
        let total: Double? = values.contains { $0 == nil } ? nil : values.reduce(0) { $0 + ($1 ?? 0) }
        // A population of 1e400 reads as infinity: shown empty, like a missing one.
        cells.append(total.flatMap { $0.isFinite ? .number($0, digits: $0.rounded() == $0 ? 0 : 2) : nil } ?? .empty)
        cells.append(
          hidden
            ? .empty : Rates.perPopulation(count, population: total, per: per).map { .number($0, digits: 4) } ?? .empty)
      }
      let area = areas.reduce(0) { $0 + layer.areas[$1] }
      cells.append(.number(area / 1_000_000, digits: 4))
      cells.append(
        hidden
          ? .empty : Rates.perSquareKilometre(count, areaSquareMetres: area).map { .number($0, digits: 3) } ?? .empty)
      if let baseline, let period, let baselinePeriod {
        let before = areas.reduce(0) { $0 + baseline.counts[$1] }
        let beforeStatus = status.flatMap { $0.baseline.indices.contains(row) ? $0.baseline[row] : nil } ?? .shown
        cells.append(published(before, beforeStatus))
        let change = PeriodChange(current: count, in: period, baseline: before, in: baselinePeriod)
        if hidden || beforeStatus.isHidden {
          cells += Array(repeating: .empty, count: perMonth ? 5 : 3)
        } else {
          cells.append(perMonth ? .number(change.change, digits: 2) : .integer(count - before))
          cells.append(change.percent.map { .number($0, digits: 2) } ?? .empty)
          cells.append(.significant(change.p, digits: 4))
          if perMonth {
            cells += [.number(change.currentPerMonth, digits: 2), .number(change.baselinePerMonth, digits: 2)]
          }
        }
      }
      if let extraColumn { cells.append(extraColumn.1[row]) }
      for (c, column) in breakdownColumns.enumerated() {
        cells.append(published(areas.reduce(0) { $0 + column.counts[$1] }, status?.breakdown[c][row] ?? .shown))
      }
      rows.append(cells)
    }
    return Table(columns: columns, rows: rows)
  }

  /// A count as published: the number, or `<n` / `[c]` when `disclosure` hides it.
  private func published(_ count: Int, _ status: DisclosureRule.Status) -> Table.Cell {
    guard status.isHidden, let disclosure else { return .integer(count) }
    return .text(disclosure.rule.text(count, status))
  }

  // MARK: - Formats

  /// The accounting as aligned lines (`summaryFacts`), each ending in a newline.
  public var summaryText: String {
    let facts = summaryFacts
    let width = (facts.map(\.label.count).max() ?? 0) + 2
    return facts.map { fact in
      fact.label.padded(to: width) + Format.count(fact.value) + (fact.note.isEmpty ? "" : " (\(fact.note))")
    }.joined(separator: "\n") + "\n"
  }

  /// The order text and Markdown show by default: the most incidents first.
  public static let readingOrder = RowOrder(sortBy: "count")

  /// The area table's rows in `order` (a column `order` names that the table lacks: file order),
  /// with the geometry of each row's area; and the group table sorted by the same column when
  /// it has one.
  public func tables(_ order: RowOrder) -> (areas: Table, geometries: [Geometry], groups: Table?) {
    let full = areaTable
    let rows = full.rowIndices(order) ?? full.rowIndices(RowOrder(limit: order.limit)) ?? []
    var groups = groupTable
    if let table = groups, let sortBy = order.sortBy { groups = table.sorted(by: sortBy) ?? table }
    return (Table(columns: full.columns, rows: rows.map { full.rows[$0] }), rows.map { layer.geometries[$0] }, groups)
  }

  /// The column names `RowOrder.sortBy` may name: the area table's, and `id` for file order.
  public var sortableColumns: [String] { ["id"] + areaTable.columns.map(\.name) }

  /// Aligned text, the tables fitted to `width` characters when given (a terminal), then the summary.
  public func text(width: Int?, order: RowOrder = CountResult.readingOrder) -> String {
    let (areas, _, groups) = tables(order)
    var result = TextTable.render(areas, maxWidth: width)
    if let groups { result += "\n" + TextTable.render(groups, maxWidth: width) }
    return result + "\n" + summaryText
  }

  /// Markdown tables, then the summary as a list.
  public func markdown(order: RowOrder = CountResult.readingOrder) -> String {
    let (areas, _, groups) = tables(order)
    var result = MarkdownTable.render(areas)
    if let groups { result += "\n" + MarkdownTable.render(groups) }
    return result + "\n" + summaryText.split(separator: "\n").map { "- " + $0 }.joined(separator: "\n") + "\n"
  }

  /// `{"summary": …, "areas": […], "groups": […]}`, the areas in file order unless `order` says.
  public func json(order: RowOrder = .tableOrder) -> JSONValue {
    let (areas, _, groups) = tables(order)
    var members: [(String, JSONValue)] = [
      ("summary", summaryJSON),
      ("areas", JSONTable.value(areas)),
    ]
    if let groups { members.append(("groups", JSONTable.value(groups))) }
    return .object(members)
  }

  /// The areas in WGS84 with the area table's columns as properties (RFC 7946), in file order
  /// unless `order` says.
  public func geoJSON(order: RowOrder = .tableOrder) throws -> String {
    let (areas, geometries, _) = tables(order)
    return try TableGeoJSON.write(areas, geometries: geometries, from: layer.working, file: layer.file)
  }
}
