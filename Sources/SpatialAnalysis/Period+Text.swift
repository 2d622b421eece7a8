import GeoCore

extension Period {
  /// Why a text is not a period.
  public enum TextError: Error, Hashable, Sendable {
    /// Not a year, month or day, or not one or two of them joined by `..`.
    case notAPeriod
    /// One end is a year and the other a month (or day): write both ends alike.
    case mixedUnits
    /// The end comes before the start.
    case endsBeforeStart
  }

  /// The period a person writes, inclusive at both ends: a year (`2024`: 2024-01-01 to
  /// 2024-12-31), months (`2024-01..2024-03`, or `2024-04` alone), days
  /// (`2024-01-15..2024-02-14`), or years (`2023..2024`).
  /// - Throws: `TextError` saying what is wrong.
  public init(text: String) throws(TextError) {
    let parts = text.components(separatedBy: "..")
    guard parts.count == 1 || parts.count == 2 else { throw .notAPeriod }
    guard let first = Self.dateText(parts[0]), let last = Self.dateText(parts[parts.count - 1]) else {
      throw .notAPeriod
    }
    let start: IncidentDate?
    let end: IncidentDate?
    switch (first, last) {
    case (.year(let a), .year(let b)):
      start = IncidentDate(year: a, month: 1, day: 1)
      end = IncidentDate(year: b, month: 12, day: 31)
    case (.month(let a), .month(let b)):
      start = IncidentDate(year: a.year, month: a.month, day: 1)
      end = IncidentDate(year: b.year, month: b.month, day: IncidentDate.daysIn(year: b.year, month: b.month))
    case (.day(let a), .day(let b)):
      start = a
      end = b
    default:
      throw .mixedUnits
    }
    guard let start, let end else { throw .notAPeriod }
    guard start <= end else { throw .endsBeforeStart }
    self.init(start: start, end: end)
  }

  private enum DateText {
    case year(Int)
    case month(IncidentDate)
    case day(IncidentDate)
  }

  private static func dateText(_ text: String) -> DateText? {
    let fields = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      fields[0].count == 4, let year = Int(fields[0])
    else { return nil }
    switch fields.count {
    case 1: return (1000...9999).contains(year) ? .year(year) : nil
    case 2:
      guard fields[1].count == 2, let month = Int(fields[1]) else { return nil }
      return IncidentDate(year: year, month: month).map(DateText.month)
    case 3:
      guard fields[1].count == 2, fields[2].count == 2, let month = Int(fields[1]),
        let day = Int(fields[2])
      else { return nil }
      return IncidentDate(year: year, month: month, day: day).map(DateText.day)
    default: return nil
    }
  }
}
