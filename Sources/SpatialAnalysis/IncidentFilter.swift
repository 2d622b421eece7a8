import GeoCore

/// Which incidents an analysis uses: a period and a set of categories (both optional).
public struct IncidentFilter: Hashable, Sendable {
  /// The period kept (inclusive days); nil keeps every date, undated rows included.
  public var period: Period?
  /// Categories kept, matched exactly (as written in the file); empty keeps all.
  public var categories: [String]

  /// A filter keeping `period` (nil: any date) and `categories` (empty: any).
  public init(period: Period? = nil, categories: [String] = []) {
    self.period = period
    self.categories = categories
  }

  /// How many rows a filter removed, by reason, so commands can report it.
  public struct Outcome: Hashable, Sendable {
    /// Rows that passed.
    public var kept = 0
    /// Dated rows outside the period (month-only rows straddling an end included).
    public var outsidePeriod = 0
    /// Month-only rows whose month overlaps an end of the period (counted in `outsidePeriod` too).
    public var straddlingMonths = 0
    /// Rows removed for having no date while a period is set.
    public var noDate = 0
    /// Rows removed for a category not in the list (all rows, when the table has no category column).
    public var otherCategory = 0
    /// Rows the filter kept but the analysis set aside as locational outliers (`LocationalOutliers`),
    /// not counted in `kept` nor in `removed`.
    public var outliers = 0

    /// All counts 0.
    public init() {}

    /// Rows removed for any reason.
    public var removed: Int { outsidePeriod + noDate + otherCategory }

    /// Adds another chunk's outcome.
    public mutating func add(_ other: Outcome) {
      kept += other.kept
      outsidePeriod += other.outsidePeriod
      straddlingMonths += other.straddlingMonths
      noDate += other.noDate
      otherCategory += other.otherCategory
      outliers += other.outliers
    }
  }

  /// The outcome for `count` rows of this date (packed 0: none) and category (nil: the file has
  /// no category column), by the rules of `apply(to:)`: no date fails a period, no category
  /// column fails a category list. Used for rows the table does not hold (without a location).
  public func outcome(date: IncidentDate, category: String?, count: Int) -> Outcome {
    var outcome = Outcome()
    if let period {
      if date.packed == 0 {
        outcome.noDate = count
        return outcome
      }
      if !period.contains(date) {
        outcome.outsidePeriod = count
        if period.straddles(date) { outcome.straddlingMonths = count }
        return outcome
      }
    }
    if !categories.isEmpty {
      guard let category, categories.contains(category) else {
        outcome.otherCategory = count
        return outcome
      }
    }
    outcome.kept = count
    return outcome
  }

  /// The rows of `table` that pass, with every column kept, in their original order.
  ///
  /// Rows without a date are removed when a period is set (and counted as `noDate`).
  /// - Complexity: O(n).
  public func apply(to table: IncidentTable) -> (table: IncidentTable, outcome: Outcome) {
    var outcome = Outcome()
    if period == nil && categories.isEmpty {
      outcome.kept = table.count
      return (table, outcome)
    }
    let categoryCodes: Set<Int32>? =
      categories.isEmpty
      ? nil
      : Set(
        (table.category?.values ?? []).indices.filter { categories.contains(table.category?.values[$0] ?? "") }
          .map { Int32($0) })
    var keep = [Int]()
    keep.reserveCapacity(table.count)
    for row in 0..<table.count {
      if let period {
        guard let date = table.date?[row], date.packed != 0 else {
          outcome.noDate += 1
          continue
        }
        if !period.contains(date) {
          outcome.outsidePeriod += 1
          if period.straddles(date) { outcome.straddlingMonths += 1 }
          continue
        }
      }
      if let categoryCodes {
        guard let code = table.category?.codes[row], categoryCodes.contains(code) else {
          outcome.otherCategory += 1
          continue
        }
      }
      keep.append(row)
    }
    outcome.kept = keep.count
    return (table.selecting(rows: keep), outcome)
  }
}
