/// The date of an incident, to the day or (as police.uk publishes) to the month.
///
/// Stored as one integer `yyyymmdd` with day 0 meaning "some day in that month", so a column of
/// dates is a flat `[Int32]`, sorts chronologically and compares without calendars.
public struct IncidentDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// `year·10000 + month·100 + day`; `day` is 0 when only the month is known.
  public let packed: Int32

  /// A date known to the day. Returns nil unless it is a real calendar date in years 1000–9999.
  public init?(year: Int, month: Int, day: Int) {
    guard (1000...9999).contains(year), (1...12).contains(month),
      (1...IncidentDate.daysIn(year: year, month: month)).contains(day)
    else { return nil }
    packed = Int32(year * 10000 + month * 100 + day)
  }

  /// A date known to the month only. Nil unless years 1000–9999 and months 1–12.
  public init?(year: Int, month: Int) {
    guard (1000...9999).contains(year), (1...12).contains(month) else { return nil }
    packed = Int32(year * 10000 + month * 100)
  }

  /// The date whose `packed` value is `yyyymmdd` (day 0 for month-only), taken without validation.
  public init(packed: Int32) { self.packed = packed }

  /// The year (1000–9999 for dates made by the validating initializers).
  public var year: Int { Int(packed) / 10000 }
  /// The month, 1–12 for dates made by the validating initializers.
  public var month: Int { Int(packed) / 100 % 100 }
  /// The day of the month, nil when only the month is known.
  public var day: Int? { Int(packed) % 100 == 0 ? nil : Int(packed) % 100 }

  /// Months since year 0 (`year·12 + month − 1`): consecutive months differ by one.
  public var monthIndex: Int { year * 12 + month - 1 }

  /// The month as `YYYY-MM`.
  public var monthText: String { IncidentDate.monthText(monthIndex: monthIndex) }

  /// `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.
  public var description: String {
    guard let day else { return monthText }
    return monthText + "-" + (day < 10 ? "0" : "") + String(day)
  }

  /// Chronological order by `packed`: a month-only date sorts before every day of its month.
  public static func < (a: IncidentDate, b: IncidentDate) -> Bool { a.packed < b.packed }

  /// `YYYY-MM` for a month index (`year·12 + month − 1`).
  public static func monthText(monthIndex: Int) -> String {
    let year = monthIndex / 12
    let month = monthIndex % 12 + 1
    return String(year) + (month < 10 ? "-0" : "-") + String(month)
  }

  /// Days in a month of the proleptic Gregorian calendar.
  public static func daysIn(year: Int, month: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
