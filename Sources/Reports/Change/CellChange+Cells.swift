import Analyses
import Rendering

extension CellChange {
  /// The change columns of cell `k`, in the order `baseline_count` (or the baseline's value),
  /// `change`, `change_pct`, `p_change`, `change_per_month`; empty cells where a figure has no value
  /// (no data, a baseline of 0, values that are not counts).
  public func cells(_ k: Int) -> [Table.Cell] {
    [
      baseline[k].map(Table.Cell.value) ?? .empty, change(k).map(Table.Cell.value) ?? .empty,
      changePercent(k).map { .number($0, digits: 2) } ?? .empty,
      pValue(k).map { .significant($0, digits: 4) } ?? .empty,
      changePerMonth(k).map { .number($0, digits: 4) } ?? .empty,
    ]
  }
}
