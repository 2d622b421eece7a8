import GeoCore

/// One forecast origin of a backtest: the training period hot spots are chosen on, the test
/// period they are scored on, and the recent stretch the naive `previous` method counts.
///
/// ## Rules
/// - The recent stretch is the end of the training period as long as the test period (the
///   "last month's hot spots" of practice): the last L whole months when both periods are whole
///   months (L = the test's months), else the last L days (L = the test's days); the whole
///   training period when that is shorter.
/// - Rolling origins (`rolling(span:trainMonths:testMonths:)`) train on T whole months and test on
///   the next S; the next origin starts S months later; the last origin is the last whose test
///   period ends inside the span. So the test periods tile the span after its first T months
///   without overlapping.
///
/// ## Example
/// ```swift
/// // 2023-01..2023-12, train 6 months, test 1: origins test 2023-07, 2023-08, …, 2023-12.
/// let origins = BacktestOrigin.rolling(firstMonth: 2023 * 12, lastMonth: 2023 * 12 + 11, trainMonths: 6, testMonths: 1)
/// origins.count        // 6
/// origins[0].train     // 2023-01..2023-06
/// origins[0].recent    // 2023-06
/// origins[5].test      // 2023-12
/// ```
public struct BacktestOrigin: Hashable, Sendable {
  /// The period hot spots are chosen on (inclusive days).
  public let train: Period
  /// The period they are scored on; starts after `train` ends.
  public let test: Period
  /// The last stretch of `train` as long as `test`.
  public let recent: Period

  /// An origin with its recent stretch.
  /// - Precondition: `train` ends before `test` starts.
  public init(train: Period, test: Period) {
    precondition(train.end < test.start)
    self.train = train
    self.test = test
    recent = BacktestOrigin.recentStretch(of: train, lengthOf: test)
  }

  /// The last stretch of `train` as long as `test` (see the type's rules).
  public static func recentStretch(of train: Period, lengthOf test: Period) -> Period {
    if let trainMonths = train.wholeMonths, let testMonths = test.wholeMonths {
      let months = Swift.min(trainMonths.count, testMonths.count)
      let first = trainMonths.upperBound - months
      return Period(monthIndices: first..<trainMonths.upperBound)
    }
    let days = Swift.min(train.dayCount, test.dayCount)
    let start = Period.date(dayNumber: Period.dayNumber(train.end) - days + 1)
    return Period(start: start, end: train.end)
  }

  /// Rolling origins over whole months `firstMonth...lastMonth` (month indices, as
  /// `IncidentDate.monthIndex`): train `trainMonths`, test the next `testMonths`, slide by
  /// `testMonths`. Empty when the span is shorter than `trainMonths + testMonths`.
  /// - Precondition: `trainMonths` and `testMonths` > 0.
  /// - Complexity: O(number of origins).
  public static func rolling(firstMonth: Int, lastMonth: Int, trainMonths: Int, testMonths: Int) -> [BacktestOrigin] {
    precondition(trainMonths > 0 && testMonths > 0)
    var origins: [BacktestOrigin] = []
    var start = firstMonth
    while start + trainMonths + testMonths - 1 <= lastMonth {
      let testStart = start + trainMonths
      origins.append(
        BacktestOrigin(
          train: Period(monthIndices: start..<testStart),
          test: Period(monthIndices: testStart..<(testStart + testMonths))))
      start += testMonths
    }
    return origins
  }
}

extension Period {
  /// The whole months `months` (month indices, `year·12 + month − 1`).
  /// - Precondition: not empty, years 1000–9999.
  public init(monthIndices months: Range<Int>) {
    precondition(!months.isEmpty)
    let first = months.lowerBound
    let last = months.upperBound - 1
    guard
      let start = IncidentDate(year: first / 12, month: first % 12 + 1, day: 1),
      let end = IncidentDate(
        year: last / 12, month: last % 12 + 1, day: IncidentDate.daysIn(year: last / 12, month: last % 12 + 1))
    else { preconditionFailure("month index out of range") }
    self.init(start: start, end: end)
  }

  /// The month indices of the period when it is whole months (starts on a 1st, ends on a last
  /// day), else nil.
  public var wholeMonths: Range<Int>? {
    guard start.day == 1, end.day == IncidentDate.daysIn(year: end.year, month: end.month) else { return nil }
    return start.monthIndex..<(end.monthIndex + 1)
  }

  /// The date of a day number (days since 1970-01-01; Howard Hinnant's civil_from_days), the
  /// inverse of `dayNumber`.
  static func date(dayNumber: Int) -> IncidentDate {
    let z = dayNumber + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    guard let date = IncidentDate(year: year, month: month, day: day) else {
      preconditionFailure("day number out of range")
    }
    return date
  }
}
