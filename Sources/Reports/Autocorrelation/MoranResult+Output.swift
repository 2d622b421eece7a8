import Analyses
import GeoCore
import Rendering
import SpatialAnalysis

extension MoranResult {
  /// Local Moran: one row per feature with its keys, value, Iᵢ, p_sim and quadrant. Nil for a global result.
  public var localTable: Table? {
    guard let local else { return nil }
    var columns = features.keyColumns
    columns += ["value", "Ii", "p_sim"].map { Table.Column($0, alignment: .right) } + [Table.Column("quadrant")]
    let rows = features.values.indices.map { k -> [Table.Cell] in
      features.keys(k) + [
        Table.Cell.value(features.values[k]), .number(local.i[k], digits: 6),
        .number(local.pSim?[k] ?? 1, digits: 6), .text(local.quadrants[k].rawValue),
      ]
    }
    return Table(columns: columns, rows: rows)
  }

  /// The text output: the local table, or the global numbers one per line (p values to 4
  /// significant digits, the others to 6 decimals).
  public var text: String {
    if let table = localTable { return TextTable.render(table) }
    let width = 9
    return numbers.map { name, value in
      name.padded(to: width)
        + (name.hasPrefix("p") ? NumberText.significant(value, digits: 4) : NumberText.fixed(value, digits: 6))
    }.joined(separator: "\n") + "\n"
  }

  /// Local: `{"summary", "features"}`; global: the numbers, then `summary`.
  public var json: JSONValue {
    if let table = localTable {
      return .object([("summary", .object(summary)), ("features", JSONTable.value(table))])
    }
    return .object(numbers.map { ($0.0, JSONValue.number($0.1)) } + [("summary", .object(summary))])
  }

  /// Local Moran's features in WGS84 with their rows as properties; nil for a global result.
  public func geoJSON() throws -> String? {
    guard let table = localTable else { return nil }
    return try features.geoJSON(table)
  }
}
