import GeoCore

/// How `hotspot emerging` groups calendar months into the time steps of its space-time cube.
public enum EmergingStep: Equatable, Sendable, CustomStringConvertible {
  /// One step per calendar month (`2024-01`).
  case month
  /// Calendar quarters, January–March first (`2024-Q1`).
  case quarter
  /// Calendar years (`2024`).
  case year
  /// Runs of this many months counted from the first month of the cube (`2024-01..2024-03`).
  case months(Int)

  /// `month`, `quarter`, `year`, or `<N>months` (`3months`; `1months` is `month`); nil otherwise.
  public init?(_ text: String) {
    let lower = text.lowercased()
    switch lower {
    case "month", "monthly", "1month", "1months": self = .month
    case "quarter", "quarterly": self = .quarter
    case "year", "yearly", "annual": self = .year
    default:
      let digits = lower.hasSuffix("months") ? lower.dropLast(6) : lower.hasSuffix("month") ? lower.dropLast(5) : ""
      guard let n = Int(digits), n >= 1 else { return nil }
      self = n == 1 ? .month : .months(n)
    }
  }

  /// The option's spelling: `month`, `quarter`, `year`, `3months`.
  public var description: String {
    switch self {
    case .month: "month"
    case .quarter: "quarter"
    case .year: "year"
    case .months(let n): "\(n)months"
    }
  }

  /// The key of the step holding `monthIndex` (`IncidentDate.monthIndex`), counted so that
  /// consecutive steps have consecutive keys; `firstMonth` starts the runs of `.months`.
  public func key(monthIndex: Int, firstMonth: Int) -> Int {
    switch self {
    case .month: monthIndex
    case .quarter: monthIndex / 3
    case .year: monthIndex / 12
    case .months(let n): (monthIndex - firstMonth) / n
    }
  }

  /// The first and last month (`monthIndex`) of the step `key`, before clipping to the cube's months.
  public func months(ofKey key: Int, firstMonth: Int) -> ClosedRange<Int> {
    switch self {
    case .month: key...key
    case .quarter: (key * 3)...(key * 3 + 2)
    case .year: (key * 12)...(key * 12 + 11)
    case .months(let n): (firstMonth + key * n)...(firstMonth + key * n + n - 1)
    }
  }

  /// The label of the step `key`: `2024-01`, `2024-Q1`, `2024`, or its months `2024-01..2024-03`.
  public func label(ofKey key: Int, firstMonth: Int) -> String {
    switch self {
    case .month: return IncidentDate.monthText(monthIndex: key)
    case .quarter: return "\(key / 4)-Q\(key % 4 + 1)"
    case .year: return String(key)
    case .months:
      let range = months(ofKey: key, firstMonth: firstMonth)
      return IncidentDate.monthText(monthIndex: range.lowerBound) + ".."
        + IncidentDate.monthText(monthIndex: range.upperBound)
    }
  }
}
