extension Table {
  /// The rows ordered by the column called `name`, cut to the first `limit` rows (all when nil);
  /// nil when there is no such column.
  ///
  /// Numbers sort descending (the largest first) and before text, text ascending; empty cells
  /// come last. A suppressed count (`<5`) sorts as just under its bound, so the
  /// suppressed areas stand together, tied, below every published count of 5 or more and above
  /// the published zeros: the order tells nothing the `<5` does not. Ties keep the table's order.
  /// - Complexity: O(n log n).
  public func sorted(by name: String, limit: Int? = nil) -> Table? {
    guard let column = columns.firstIndex(where: { $0.name == name }) else { return nil }
    let keys = rows.map { Self.sortKey($0.indices.contains(column) ? $0[column] : .empty) }
    let order = rows.indices.sorted { a, b in
      switch (keys[a], keys[b]) {
      case (.number(let x), .number(let y)) where x != y: return x > y
      case (.text(let x), .text(let y)) where x != y: return x < y
      case (.empty, .empty): return a < b
      case (.empty, _): return false
      case (_, .empty): return true
      case (.number, .text): return true
      case (.text, .number): return false
      default: return a < b
      }
    }
    var sorted = Table(columns: columns)
    sorted.rows = order.prefix(limit ?? order.count).map { rows[$0] }
    return sorted
  }

  private enum SortKey {
    case number(Double)
    case text(String)
    case empty
  }

  private static func sortKey(_ cell: Cell) -> SortKey {
    switch cell {
    case .integer(let n): return .number(Double(n))
    case .number(let x, _), .significant(let x, _): return x.isNaN ? .empty : .number(x)
    case .empty: return .empty
    case .text(let text):
      if text.hasPrefix("<"), let bound = Double(text.dropFirst()) { return .number(bound - 0.5) }
      return text.isEmpty ? .empty : .text(text)
    }
  }
}
