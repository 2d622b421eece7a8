import GeoCore

extension Period {
  /// True when the two periods have the same length in months (`months`, part months by their
  /// share of days): `2024` and `2023` are both 12 months though 2024 has a day more.
  public func hasSameLength(as other: Period) -> Bool { abs(months - other.months) < 1e-9 }

  /// The whole calendar months inside the period (`2024-01-15..2024-04-14` → `2024-02..2024-03`),
  /// as month-only dates count it; nil when no whole month lies inside.
  public var wholeMonthsInside: Period? {
    let first = start.day == 1 ? start.monthIndex : start.monthIndex + 1
    let last =
      end.day == IncidentDate.daysIn(year: end.year, month: end.month) ? end.monthIndex : end.monthIndex - 1
    return first <= last ? Period(monthIndices: first...last) : nil
  }

  /// The whole months `range` (month indices, `IncidentDate.monthIndex`); nil when empty or out of range.
  public init?(monthIndices range: ClosedRange<Int>) {
    guard range.lowerBound >= 0 else { return nil }
    guard let first = IncidentDate(year: range.lowerBound / 12, month: range.lowerBound % 12 + 1),
      let last = IncidentDate(year: range.upperBound / 12, month: range.upperBound % 12 + 1)
    else { return nil }
    self.init(firstMonth: first, lastMonth: last)
  }

  /// The part of the period inside the whole months `range` (month indices), or nil when they
  /// share no day.
  public func clipped(toMonths range: ClosedRange<Int>) -> Period? {
    guard let months = Period(monthIndices: range) else { return nil }
    let from = Swift.max(start, months.start)
    let to = Swift.min(end, months.end)
    return from <= to ? Period(start: from, end: to) : nil
  }

  /// Why `baseline` cannot be compared with this period, in words, or nil when it can: the
  /// same period, or periods that share days (an incident would count on both sides).
  public func comparisonProblem(baseline: Period) -> String? {
    if self == baseline { return "the baseline is the period itself" }
    if overlaps(baseline) { return "the baseline and the period share days (an incident would count in both)" }
    return nil
  }
}

/// A count in a period against a count in a baseline period, fair when the periods differ in
/// length: rates are incidents per month (`Period.months`, a part month its share of days).
///
/// ## Properties
/// - `percent` is the change of the monthly rate: for periods of equal length it is the change of
///   the totals; for a 3-month period against a 12-month baseline it is `(c/3)/(b/12) − 1`.
/// - `change` is `current − baseline` (incidents) when the lengths are equal, else the change in
///   incidents per month (`currentPerMonth − baselinePerMonth`).
/// - `p` is the exact test of two Poisson counts (`CountComparison`) with the months as
///   exposures, so it tests the same rates `percent` compares.
public struct PeriodChange: Hashable, Sendable {
  /// Incidents in the period.
  public let current: Int
  /// Incidents in the baseline period.
  public let baseline: Int
  /// Length of the period in months.
  public let currentMonths: Double
  /// Length of the baseline period in months.
  public let baselineMonths: Double

  /// `current` incidents in `period` against `baseline` in `baselinePeriod`.
  public init(current: Int, in period: Period, baseline: Int, in baselinePeriod: Period) {
    self.current = current
    self.baseline = baseline
    currentMonths = period.months
    baselineMonths = baselinePeriod.months
  }

  /// True when both periods are as long (in months): then the totals compare directly.
  public var sameLength: Bool { abs(currentMonths - baselineMonths) < 1e-9 }

  /// Incidents per month in the period.
  public var currentPerMonth: Double { Double(current) / currentMonths }
  /// Incidents per month in the baseline.
  public var baselinePerMonth: Double { Double(baseline) / baselineMonths }

  /// `current − baseline` when the lengths are equal, else the change in incidents per month.
  public var change: Double { sameLength ? Double(current - baseline) : currentPerMonth - baselinePerMonth }

  /// Change of the monthly rate in percent; nil when the baseline is 0.
  public var percent: Double? {
    guard baseline > 0 else { return nil }
    return sameLength
      ? 100 * Double(current - baseline) / Double(baseline) : 100 * (currentPerMonth / baselinePerMonth - 1)
  }

  /// Two-sided p-value of the exact test of the two counts, exposures in months.
  public var p: Double {
    CountComparison.pValue(
      current: current, currentExposure: currentMonths, baseline: baseline, baselineExposure: baselineMonths)
  }
}
