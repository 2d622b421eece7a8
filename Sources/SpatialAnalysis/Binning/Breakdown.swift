import GeoCore

/// How `count --by` splits each area's count into columns: by category or by a calendar or
/// financial period of the incident's date.
///
/// The UK public-sector financial year runs 1 April – 31 March; its quarter 1 is April–June
/// (HM Treasury; the years councils and police report in). Labels: `2024-01` (month),
/// `2024-Q1` (quarter), `2024` (year), `2024-25` (financial year), `2024-25 Q1` (financial quarter).
public enum Breakdown: String, CaseIterable, Sendable {
  case category
  case month
  case quarter
  case year
  case financialQuarter = "financial-quarter"
  case financialYear = "financial-year"

  /// A sortable key for a date: chronological order is numeric order.
  /// Month-only dates are placed by their month (a month never straddles a quarter or a year).
  public func timeKey(_ date: IncidentDate) -> Int {
    let year = date.year
    let month = date.month
    let financialYear = month >= 4 ? year : year - 1
    switch self {
    case .month: return date.monthIndex
    case .quarter: return year * 4 + (month - 1) / 3
    case .year: return year
    case .financialYear: return financialYear
    case .financialQuarter: return financialYear * 4 + ((month + 8) % 12) / 3
    case .category: return 0
    }
  }

  /// The label of a time key, as users see it in column headers.
  public func label(timeKey key: Int) -> String {
    func twoDigits(_ n: Int) -> String { (n % 100 < 10 ? "0" : "") + String(n % 100) }
    switch self {
    case .month: return IncidentDate.monthText(monthIndex: key)
    case .quarter: return "\(key / 4)-Q\(key % 4 + 1)"
    case .year: return String(key)
    case .financialYear: return "\(key)-\(twoDigits(key + 1))"
    case .financialQuarter: return "\(key / 4)-\(twoDigits(key / 4 + 1)) Q\(key % 4 + 1)"
    case .category: return ""
    }
  }
}
