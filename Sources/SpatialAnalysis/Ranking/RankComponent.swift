import GeoCore

/// One component of the risk ranking, declared once: its key, the column of its raw value, its
/// unit, the sentence that defines it and the phrase `why` uses for it. The score (`RiskModel`),
/// the table's columns, the JSON summary's definitions and `why` are all made from these values,
/// so they cannot disagree.
///
/// ## Properties
/// - `counted` lists the five count components in score order: rate, harm, trend, persistence, hotspot.
/// - Every phrase ends with the area's percentile of risk among the areas with a value
///   (`RiskScore.percentiles`, 0–100, rounded to a whole ordinal), whatever the normalisation.
///
/// ## Example
///     RankComponent.hotspot.phrase(.init(raw: 0.12, percentile: 88))
///     // "12 % of its area in the county's densest 5 % (88th percentile)"
public struct RankComponent: Sendable {
  /// How the raw value is written in a table.
  public enum RawFormat: Sendable, Equatable {
    /// A fixed number of decimal places.
    case fixed(Int)
    /// A number of significant digits.
    case significant(Int)
  }

  /// What a phrase is made from: one area's raw value and percentile of risk, and for persistence
  /// the months it was in the top fifth of the months counted.
  public struct Reading: Sendable {
    /// The component's raw value for the area (the table's raw column).
    public var raw: Double
    /// The area's percentile of risk among the areas with a value, 0–100.
    public var percentile: Double
    /// Months the area was among the top fifth by count (persistence only).
    public var monthsInTop: Int
    /// Months counted (persistence only).
    public var months: Int

    /// A reading from its parts; the month counts default to 0.
    public init(raw: Double, percentile: Double, monthsInTop: Int = 0, months: Int = 0) {
      self.raw = raw
      self.percentile = percentile
      self.monthsInTop = monthsInTop
      self.months = months
    }
  }

  /// The component's name in outputs and the key of its weight (`rate`, `hotspot`, an indicator's name).
  public let key: String
  /// The column of the raw value (`rate_per_1000`, `trend_ratio`, else the key).
  public let column: String
  /// The unit of the raw value, in words.
  public let unit: String
  /// The sentence defining the raw value, as the JSON summary gives it.
  public let definition: String
  /// How the raw value is written in tables.
  public let rawFormat: RawFormat
  /// Whether higher or lower raw values mean more risk.
  public let direction: RiskScore.Direction
  private let words: @Sendable (Reading) -> String

  /// A component from its parts; `words` makes the phrase (without the percentile) from a reading.
  public init(
    key: String, column: String? = nil, unit: String, definition: String, rawFormat: RawFormat,
    direction: RiskScore.Direction = .higher, words: @escaping @Sendable (Reading) -> String
  ) {
    self.key = key
    self.column = column ?? key
    self.unit = unit
    self.definition = definition
    self.rawFormat = rawFormat
    self.direction = direction
    self.words = words
  }

  /// The phrase `why` gives for an area: the raw value in words, then `(…, 83rd percentile)`.
  public func phrase(_ reading: Reading) -> String { words(reading) }

  /// "high" at or above the median of risk, else "low".
  static func level(_ reading: Reading) -> String { reading.percentile >= 50 ? "high" : "low" }

  /// The rounded percentile as an ordinal, "83rd percentile".
  static func nth(_ reading: Reading) -> String { "\(ordinal(Int(reading.percentile.rounded()))) percentile" }

  /// 1st, 2nd, 3rd, 4th, 11th, 21st…
  public static func ordinal(_ n: Int) -> String {
    let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
    return "\(n)\(suffix)"
  }

  /// Incidents per 1,000 residents.
  public static let rate = RankComponent(
    key: "rate", column: "rate_per_1000", unit: "incidents per 1,000 residents",
    definition: "incidents per 1,000 residents (the population field or file)", rawFormat: .fixed(3)
  ) { r in "\(level(r)) rate (\(NumberText.fixed(r.raw, digits: 1)) per 1,000, \(nth(r)))" }

  /// Σ over categories of harm weight · count.
  public static let harm = RankComponent(
    key: "harm", unit: "harm-weighted incidents",
    definition: "Σ over categories of harm weight × count (weight 1 for a category the harm weights do not list)",
    rawFormat: .significant(6)
  ) { r in "\(level(r)) harm-weighted count (\(NumberText.significant(r.raw, digits: 6)), \(nth(r)))" }

  /// The rate ratio of the last 3 months against the 9 before.
  public static let trend = RankComponent(
    key: "trend", column: "trend_ratio", unit: "rate ratio",
    definition: "rate ratio (c + ½)/3 ÷ (c + ½)/9 of the last 3 months against the 9 before; exact binomial p",
    rawFormat: .fixed(3)
  ) { r in
    (r.raw > 1 ? "rising" : "not rising") + " (×\(NumberText.fixed(r.raw, digits: 2)) in the last 3 months, \(nth(r)))"
  }

  /// The share of months among the top fifth of areas by count.
  public static let persistence = RankComponent(
    key: "persistence", unit: "share of months (0–1)",
    definition: "share of months among the top fifth (⌈n/5⌉, ties included) of areas by count", rawFormat: .fixed(3)
  ) { r in
    (r.percentile >= 50 ? "persistent" : "seldom in the top fifth")
      + " (in the top fifth \(r.monthsInTop) of \(r.months) months, \(nth(r)))"
  }

  /// The share of the area in the top 5 % of incident density.
  public static let hotspot = RankComponent(
    key: "hotspot", unit: "share of the area (0–1)",
    definition: "share (0–1) of the area's density cells in the top 5 % of the quartic kernel density of all the "
      + "incidents (as density --top 5%), held fixed across resamples",
    rawFormat: .fixed(3)
  ) { r in "\(percentText(r.raw)) of its area in the county's densest 5 % (\(nth(r)))" }

  /// A share 0–1 as a whole percentage, "12 %" ("<1 %" above 0 but under ½ %).
  static func percentText(_ share: Double) -> String {
    let percent = Int((share * 100).rounded())
    return percent == 0 && share > 0 ? "<1 %" : "\(percent) %"
  }

  /// The five count components, in score order.
  public static let counted: [RankComponent] = [rate, harm, trend, persistence, hotspot]

  /// An external indicator named `name`, where `direction` says which way means more risk.
  public static func indicator(name: String, direction: RiskScore.Direction) -> RankComponent {
    RankComponent(
      key: name, unit: "as given",
      definition: "the indicator column '\(name)', \(direction == .higher ? "higher" : "lower") meaning more risk",
      rawFormat: .significant(6), direction: direction
    ) { r in
      // The word says the raw value's side: a high percentile of risk is a low value when lower means more risk.
      let word = direction == .higher ? level(r) : (r.percentile >= 50 ? "low" : "high")
      return "\(word) \(name) (\(NumberText.significant(r.raw, digits: 6)), \(nth(r)) of risk)"
    }
  }
}
