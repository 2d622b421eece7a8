import GeoCore

/// An inclusive span of calendar days: `2024-01..2024-12` (whole months) or
/// `2024-01-01..2024-03-31` (days).
///
/// ## Properties
/// - Both ends are included.
/// - A date known only to its month (police.uk `Month`) is inside when its whole month is; a
///   month that straddles an end of the period is outside, so a monthly file is never
///   half-counted. `straddles(_:)` tells callers which months those were, so they can say so.
public struct Period: Hashable, Sendable, CustomStringConvertible {
  /// First day included.
  public let start: IncidentDate
  /// Last day included.
  public let end: IncidentDate

  /// - Precondition: both dates are known to the day and `start <= end`.
  public init(start: IncidentDate, end: IncidentDate) {
    precondition(start.day != nil && end.day != nil && start <= end)
    self.start = start
    self.end = end
  }

  /// Whole months from `first` to `last` inclusive (month precision dates), or nil if last < first.
  public init?(firstMonth first: IncidentDate, lastMonth last: IncidentDate) {
    guard first.monthIndex <= last.monthIndex,
      let start = IncidentDate(year: first.year, month: first.month, day: 1),
      let end = IncidentDate(
        year: last.year, month: last.month,
        day: IncidentDate.daysIn(year: last.year, month: last.month))
    else { return nil }
    self.start = start
    self.end = end
  }

  /// True when the incident date lies in the period (see the type's rule for month-only dates).
  @inlinable
  public func contains(_ date: IncidentDate) -> Bool {
    if date.day != nil { return date >= start && date <= end }
    // A month-only date: its first day is packed with day 0; compare whole months.
    return monthIsInside(date.monthIndex)
  }

  /// True when the month overlaps the period without lying wholly inside it.
  public func straddles(_ date: IncidentDate) -> Bool {
    guard date.day == nil else { return false }
    let overlaps = date.monthIndex >= start.monthIndex && date.monthIndex <= end.monthIndex
    return overlaps && !monthIsInside(date.monthIndex)
  }

  @usableFromInline
  func monthIsInside(_ monthIndex: Int) -> Bool {
    let firstMonthInside = start.day == 1 ? start.monthIndex : start.monthIndex + 1
    let lastDayOfEndMonth = IncidentDate.daysIn(year: end.year, month: end.month)
    let lastMonthInside = end.day == lastDayOfEndMonth ? end.monthIndex : end.monthIndex - 1
    return monthIndex >= firstMonthInside && monthIndex <= lastMonthInside
  }

  /// Number of days in the period.
  public var dayCount: Int { Period.dayNumber(end) - Period.dayNumber(start) + 1 }

  /// `2024-01..2024-12` when the period is whole months (`2024-03` for one month), else
  /// `2024-01-01..2024-03-31`.
  public var description: String {
    let wholeMonths =
      start.day == 1 && end.day == IncidentDate.daysIn(year: end.year, month: end.month)
    if wholeMonths {
      return start.monthIndex == end.monthIndex ? start.monthText : start.monthText + ".." + end.monthText
    }
    return start.description + ".." + end.description
  }

  /// Days since 1970-01-01 of a date known to the day (Howard Hinnant's days_from_civil).
  static func dayNumber(_ date: IncidentDate) -> Int {
    let m = date.month
    let d = date.day ?? 1
    let y = date.year - (m <= 2 ? 1 : 0)
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }
}
