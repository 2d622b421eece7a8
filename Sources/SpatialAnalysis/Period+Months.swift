import GeoCore

extension Period {
  /// The length of the period in calendar months: each whole month counts 1, a part month the
  /// share of its days inside the period (`2024-04..2024-12` is 9; `2024-02-01..2024-02-15` is
  /// 15/29). The exposure for rates per month, so periods of different lengths compare.
  /// - Complexity: O(months spanned).
  public var months: Double {
    var total = 0.0
    var monthIndex = start.monthIndex
    while monthIndex <= end.monthIndex {
      let year = monthIndex / 12
      let month = monthIndex % 12 + 1
      let days = IncidentDate.daysIn(year: year, month: month)
      let first = monthIndex == start.monthIndex ? (start.day ?? 1) : 1
      let last = monthIndex == end.monthIndex ? (end.day ?? days) : days
      total += Double(last - first + 1) / Double(days)
      monthIndex += 1
    }
    return total
  }

  /// True when the two periods share at least one day.
  public func overlaps(_ other: Period) -> Bool { start <= other.end && other.start <= end }
}
