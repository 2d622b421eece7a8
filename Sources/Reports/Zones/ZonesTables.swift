import Analyses
import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// The table of a zones run in every output format.
extension ZonesResult {
  /// One row per zone, then `all-zones`, `outside-zones` and `total`: incidents, population and the
  /// rate per `per` people; with a baseline period its incidents and rate, `change_pct` and
  /// `p_change` (the exact test of two Poisson counts, exposures in months, the same population;
  /// see `PeriodChange`). When the period and baseline differ in length, `change_pct` compares
  /// incidents per month and `incidents_per_month`, `baseline_incidents_per_month` follow.
  public var table: Table {
    var columns: [Table.Column] = [
      .init("zone_id"), .init("zone_name"), .init("incidents", alignment: .right),
      .init("population", alignment: .right),
      .init(rateColumn, alignment: .right),
    ]
    var perMonth = false
    if let period, let baselinePeriod {
      columns += ["baseline_incidents", "baseline_" + rateColumn, "change_pct", "p_change"].map {
        Table.Column($0, alignment: .right)
      }
      perMonth = !period.hasSameLength(as: baselinePeriod)
      if perMonth {
        columns += ["incidents_per_month", "baseline_incidents_per_month"].map { Table.Column($0, alignment: .right) }
      }
    }
    var rows: [[Table.Cell]] = []
    for (r, key) in rowKeys.enumerated() {
      let count = incidents[r]
      let people = population[r]
      var cells: [Table.Cell] = [.text(key.id), .text(key.name), .integer(count)]
      cells.append(people.map { .number($0, digits: $0.rounded() == $0 ? 0 : 2) } ?? .empty)
      cells.append(Rates.perPopulation(count, population: people, per: per).map { .number($0, digits: 2) } ?? .empty)
      if let period, let baselinePeriod, let baselineIncidents {
        let earlier = baselineIncidents[r]
        cells.append(.integer(earlier))
        cells.append(
          Rates.perPopulation(earlier, population: people, per: per).map { .number($0, digits: 2) } ?? .empty)
        let change = PeriodChange(current: count, in: period, baseline: earlier, in: baselinePeriod)
        cells.append(change.percent.map { .number($0, digits: 2) } ?? .empty)
        cells.append(.significant(change.p, digits: 4))
        if perMonth {
          cells += [.number(change.currentPerMonth, digits: 2), .number(change.baselinePerMonth, digits: 2)]
        }
      }
      rows.append(cells)
    }
    return Table(columns: columns, rows: rows)
  }

  /// `{"summary": summaryChoices, "zones": […]}`.
  public var json: JSONValue {
    .object([("summary", .object(summaryChoices)), ("zones", JSONTable.value(table))])
  }
}

/// The table and summary of a zones screen in every output format.
extension ZoneScreenResult {
  /// The qualifying candidates, then the near misses (`DesignationScreen.listed`): id, name,
  /// status, `criteria_met`, and per criterion `yes:`/`no:` with the values and the test.
  public var table: Table {
    let statuses = self.statuses
    var columns: [Table.Column] = [
      .init("area_id"), .init("area_name"), .init("status"), .init("criteria_met", alignment: .right),
    ]
    columns += criteria.map { Table.Column(Table.columnName($0.name, fallback: "criterion")) }
    var tableRows: [[Table.Cell]] = []
    for area in DesignationScreen.listed(statuses) {
      var cells: [Table.Cell] = [
        .text(layer.ids[area]), .text(layer.names[area]), .text(statuses[area].rawValue),
        .text("\(passes[area].filter { $0 }.count) of \(criteria.count)"),
      ]
      for c in criteria.indices {
        let shown = values[c][area].map { $0.map { NumberText.fixed($0, digits: 2) } ?? "missing" }.joined(
          separator: ", ")
        let unit: String
        if case .rate(_, let ratio, _, _) = criteria[c].measure, ratio { unit = "× all candidates" } else { unit = "" }
        cells.append(
          .text(
            (passes[area][c] ? "yes: " : "no: ") + shown + (unit.isEmpty ? "" : " " + unit) + " ("
              + criteria[c].test.description + ")"))
      }
      tableRows.append(cells)
    }
    return Table(columns: columns, rows: tableRows)
  }

  /// How many candidates qualify and nearly do, and each criterion with what its values cover.
  public var summary: String {
    var summary =
      "candidates       \(layer.count): \(qualifying) qualify, \(nearMisses) near misses (one criterion failed)\n"
    for (c, criterion) in criteria.enumerated() {
      summary += "criterion \(c + 1)      \(criterion.name) \(criterion.test.description) over \(evidenceHeads[c])\n"
    }
    return summary
  }

  /// The table as aligned text fitted to `width` characters when given, then the summary.
  public func text(width: Int?) -> String { TextTable.render(table, maxWidth: width) + "\n" + summary }

  /// The table in Markdown, then the summary as a list.
  public var markdown: String {
    MarkdownTable.render(table) + "\n" + summary.split(separator: "\n").map { "- " + $0 }.joined(separator: "\n") + "\n"
  }

  /// `{"summary": {"qualifying", "near_misses"}, "candidates": […]}`.
  public var json: JSONValue {
    .object([
      (
        "summary", .object([("qualifying", .number(Double(qualifying))), ("near_misses", .number(Double(nearMisses)))])
      ),
      ("candidates", JSONTable.value(table)),
    ])
  }
}
