/// Which rows of a table are shown, and in what order: sorted by a column (`--sort`), cut to the
/// first rows (`--top`).
public struct RowOrder: Hashable, Sendable {
  /// The column to sort by; nil or `id` keeps the table's own (file) order.
  public var sortBy: String?
  /// The most rows shown; nil shows all.
  public var limit: Int?

  /// Rows sorted by `sortBy` (nil: the table's order), at most `limit` of them.
  public init(sortBy: String? = nil, limit: Int? = nil) {
    self.sortBy = sortBy
    self.limit = limit
  }

  /// Every row, in the table's order.
  public static let tableOrder = RowOrder()
}

extension Table {
  /// The rows ordered by the column called `name`, cut to the first `limit` rows (all when nil);
  /// nil when there is no such column.
  public func sorted(by name: String, limit: Int? = nil) -> Table? {
    guard let order = rowIndices(RowOrder(sortBy: name, limit: limit)) else { return nil }
    return Table(columns: columns, rows: order.map { rows[$0] })
  }

  /// The positions of the rows `order` shows, in its order; nil when it sorts by a column the
  /// table does not have (`id` and nil keep the table's order).
  ///
  /// Numbers sort descending (the largest first) and before text, text ascending; empty cells
  /// come last. A suppressed count (`<5`) sorts as just under its bound, so the suppressed areas
  /// stand together, tied, below every published count of 5 or more and above the published
  /// zeros: the order tells nothing the `<5` does not. A count withheld to protect them (`[c]`)
  /// sorts tied with them. Ties keep the table's order.
  /// - Complexity: O(n log n).
  public func rowIndices(_ order: RowOrder) -> [Int]? {
    var indices = Array(rows.indices)
    if let name = order.sortBy, name != "id" {
      guard let column = columns.firstIndex(where: { $0.name == name }) else { return nil }
      var keys = rows.map { Self.sortKey($0.indices.contains(column) ? $0[column] : .empty) }
      let cells = rows.map { $0.indices.contains(column) ? $0[column] : .empty }
      let bound = cells.lazy.compactMap { cell -> Double? in
        guard case .text(let text) = cell, text.hasPrefix("<") else { return nil }
        return Double(text.dropFirst())
      }.first
      if let bound {
        for (row, cell) in cells.enumerated() where cell == .text("[c]") { keys[row] = .number(bound - 0.5) }
      }
      indices.sort { a, b in
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
    }
    return Array(indices.prefix(order.limit ?? indices.count))
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
