/// A table for programs: a JSON array with one object per row, keys in column order, numbers as
/// numbers written in full (`NumberText.shortest`, whatever the cell's display precision), empty
/// cells and non-finite numbers as null.
public enum JSONTable {
  /// The table as an array of row objects: keys are the column names in order, integers and numbers as
  /// JSON numbers (unrounded), text as strings, empty or missing cells and non-finite numbers as null.
  public static func value(_ table: Table) -> JSONValue {
    .array(
      table.rows.map { row in
        .object(
          table.columns.enumerated().map { index, column in
            let cell = index < row.count ? row[index] : .empty
            let value: JSONValue =
              switch cell {
              case .text(let text): .string(text)
              case .integer(let integer): .number(Double(integer))
              case .number(let number, _), .significant(let number, _): number.isFinite ? .number(number) : .null
              case .empty: .null
              }
            return (column.name, value)
          })
      })
  }

  /// `value(table)` as text: two-space indentation, `\n` at the end.
  public static func render(_ table: Table) -> String { value(table).rendered() }
}
