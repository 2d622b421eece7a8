import GeoCore
import SpatialAnalysis

/// The change of a value per cell between a baseline period and a period, on one grid (the same
/// cells, the same study area): both periods' values, the difference, the difference per month,
/// and for counts the exact two-Poisson p of the change (as `count --compare-to` per area, and
/// sfhotspot's `hotspot_change` per cell).
///
/// ## Properties
/// - `change` is `current − baseline`; `changePerMonth` divides each period's value by its length
///   in months first (`Period.months`), so periods of unequal length compare fairly, and
///   `changePercent` is then the change of the monthly rate (as `PeriodChange`, which `count
///   --compare-to` uses per area). `comparesPerMonth` says when the two differ.
/// - `pValue` is `CountComparison.pValue` with the periods' lengths in months as exposures (as
///   `count --compare-to`): nil for cells without data, and for values that are not counts.
/// - A cell with no data in either period (outside the study area) has no data in every figure.
public struct CellChange: Sendable {
  /// The period compared.
  public let period: Period
  /// The baseline period it is compared with.
  public let baselinePeriod: Period
  /// The value of each cell in `period` (nil: no data).
  public let current: [Double?]
  /// The value of each cell in `baselinePeriod` (nil: no data).
  public let baseline: [Double?]
  /// Whether the values are incident counts (whole numbers), which have a p-value of their change.
  public let areCounts: Bool

  /// The change from `baseline` to `current`, cell by cell.
  /// - Precondition: both arrays have one value per cell (the same grid).
  public init(period: Period, baselinePeriod: Period, current: [Double?], baseline: [Double?], areCounts: Bool) {
    precondition(current.count == baseline.count, "both periods need the same cells")
    self.period = period
    self.baselinePeriod = baselinePeriod
    self.current = current
    self.baseline = baseline
    self.areCounts = areCounts
  }

  /// The number of cells.
  public var count: Int { current.count }

  /// Whether the periods differ in length, so that only the change per month compares like with like.
  public var comparesPerMonth: Bool { abs(period.months - baselinePeriod.months) > 1e-9 }

  /// `current − baseline` of cell `k` (nil when either has no data).
  public func change(_ k: Int) -> Double? {
    guard let now = current[k], let before = baseline[k] else { return nil }
    return now - before
  }

  /// The change of cell `k` per month: `current / period.months − baseline / baselinePeriod.months`.
  public func changePerMonth(_ k: Int) -> Double? {
    guard let now = current[k], let before = baseline[k] else { return nil }
    return now / period.months - before / baselinePeriod.months
  }

  /// The change of cell `k` in percent of the baseline, of the monthly rates when the periods
  /// differ in length (nil when the baseline is 0 or missing).
  public func changePercent(_ k: Int) -> Double? {
    guard let now = current[k], let before = baseline[k], before != 0 else { return nil }
    guard comparesPerMonth else { return 100 * (now - before) / before }
    return 100 * ((now / period.months) / (before / baselinePeriod.months) - 1)
  }

  /// The two-sided exact p-value of the change of cell `k`: n₁ given n₁ + n₂ is
  /// Binomial(n₁ + n₂, t₁/(t₁ + t₂)) with t the periods' months (`CountComparison`). Nil when the
  /// values are not counts or the cell has no data.
  public func pValue(_ k: Int) -> Double? {
    guard areCounts, let now = current[k], let before = baseline[k], now >= 0, before >= 0 else { return nil }
    return CountComparison.pValue(
      current: Int(now.rounded()), currentExposure: period.months, baseline: Int(before.rounded()),
      baselineExposure: baselinePeriod.months)
  }

  /// What the map draws: the change per month when the periods differ in length, else the change.
  public func shownChange(_ k: Int) -> Double? { comparesPerMonth ? changePerMonth(k) : change(k) }

  /// Totals over the cells with data in both periods: (current, baseline).
  public var totals: (current: Double, baseline: Double) {
    var now = 0.0
    var before = 0.0
    for k in 0..<count {
      guard let a = current[k], let b = baseline[k] else { continue }
      now += a
      before += b
    }
    return (now, before)
  }

  /// The comparison in words, for provenance: what the change is and how its p is computed.
  public var description: String {
    "\(period) against \(baselinePeriod) on the same cells: change = \(period) − \(baselinePeriod)"
      + "; change_per_month divides each by its months (\(NumberText.shortest(period.months)) and \(NumberText.shortest(baselinePeriod.months)))"
      + (areCounts
        ? "; p_change: exact conditional test of two Poisson counts, the periods' months (\(NumberText.shortest(period.months)), \(NumberText.shortest(baselinePeriod.months))) as exposures"
        : "")
  }
}
