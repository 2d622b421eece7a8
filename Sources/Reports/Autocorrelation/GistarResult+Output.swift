import Analyses
import GeoCore
import Rendering
import SpatialAnalysis

extension GistarResult {
  /// One row per feature: its keys, value, z, p, class, neighbours (and p_sim with permutations);
  /// with a baseline period `baseline_count`, `change`, `change_pct`, `p_change` (as `count
  /// --compare-to`) and `change_per_month`, the value being the period's count.
  public var table: Table {
    var columns = features.keyColumns
    columns += ["value", "z", "p", "class", "neighbours"].map { Table.Column($0, alignment: .right) }
    if statistic.pSim != nil { columns.append(.init("p_sim", alignment: .right)) }
    if change != nil {
      columns += ["baseline_count", "change", "change_pct", "p_change", "change_per_month"].map {
        Table.Column($0, alignment: .right)
      }
    }
    var rows: [[Table.Cell]] = []
    for k in features.values.indices {
      var row =
        features.keys(k) + [
          Table.Cell.value(features.values[k]), .number(statistic.z[k], digits: 6),
          .significant(statistic.p[k], digits: 4),
          .integer(classes[k]), .integer(features.weights.cardinality(of: k)),
        ]
      if let pSim = statistic.pSim { row.append(.number(pSim[k], digits: 6)) }
      if let change { row += change.cells(k) }
      rows.append(row)
    }
    return Table(columns: columns, rows: rows)
  }

  /// The hot and cold spots at each confidence, then the weights, transform, FDR, islands and mean neighbours.
  public var summaryText: String {
    var lines = [
      "hot spots        \(hot[2]) at 99 %, \(hot[1]) at 95 %, \(hot[0]) at 90 %",
      "cold spots       \(cold[2]) at 99 %, \(cold[1]) at 95 %, \(cold[0]) at 90 %",
    ]
    for (key, value) in choices where ["weights", "transform", "fdr", "islands", "mean_neighbours"].contains(key) {
      let shown: String
      switch value {
      case .string(let s): shown = s
      case .number(let x): shown = NumberText.fixed(x, digits: 2)
      default: shown = value.rendered()
      }
      lines.append(String(key.map { $0 == "_" ? " " : $0 }).padded(to: 17) + shown)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The table as text, a blank line, and the summary.
  public var text: String { TextTable.render(table) + "\n" + summaryText }

  /// `{"summary": choices, "features": [...]}`.
  public var json: JSONValue { .object([("summary", .object(choices)), ("features", JSONTable.value(table))]) }

  /// The features in WGS84 with their rows as properties.
  public func geoJSON() throws -> String { try features.geoJSON(table) }
}
