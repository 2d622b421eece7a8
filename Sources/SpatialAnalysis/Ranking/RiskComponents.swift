import GeoCore

/// The count-based components of a risk ranking, from incidents per area, month and category.
///
/// - rate: incidents per `per` population (nil where the population is missing or zero);
/// - harm: Σ over categories of harm weight · count (weight 1 for categories not listed);
/// - trend: (recent + ½)/3 ÷ (earlier + ½)/9 — the rate ratio of the last 3 months of the data
///   against the 9 before, with ½ added to each count so that a zero baseline stays finite;
///   its two-sided p by `CountComparison.pValue` (exposures in months);
/// - persistence: the share of months in which the area was among the top fifth of areas by
///   count (the ⌈n/5⌉ highest, areas tied with the last of them included, never a month's zeros);
/// - hotspot: the share of the area in the top 5 % of density (`densityHotspotShare`, from the
///   incidents' positions, so not a function of the counts: held fixed across resamples).
///
/// `RankComponent` declares each of them once (column, unit, definition, `why` phrase).
///
/// - Complexity: O(n · M · K) for n areas, M months and K categories.
///
/// ## Properties
/// - trend needs 12 months of data and is nil otherwise (the component is then dropped);
///   persistence needs 2 months; hotspot needs two distinct incident positions.
/// - Every value but hotspot is a function of `counts` alone, so resampled counts give resampled components.
///
/// ## Parity
/// Rates as `count`; the hot-spot share as `density --top 5%`.
///
/// ## Example
///     var counts = RiskCounts(areas: 2, months: 12, categories: 1)
///     counts[0, 11, 0] = 5
public struct RiskCounts: Sendable {
  /// The number of areas.
  public let areaCount: Int
  /// The number of months, in chronological order (the trend takes the last 3 as recent).
  public let monthCount: Int
  /// The number of categories.
  public let categoryCount: Int
  /// Flat [area][month][category].
  public var cells: [Int]

  /// Zero counts for `areas` × `months` × `categories` cells.
  public init(areas: Int, months: Int, categories: Int) {
    areaCount = areas
    monthCount = months
    categoryCount = categories
    cells = Array(repeating: 0, count: areas * months * categories)
  }

  /// The count of (`area`, `month`, `category`), all 0-based.
  public subscript(area: Int, month: Int, category: Int) -> Int {
    get { cells[(area * monthCount + month) * categoryCount + category] }
    set { cells[(area * monthCount + month) * categoryCount + category] = newValue }
  }

  /// The same shape with other cell values (resampled counts).
  public func with(cells: [Int]) -> RiskCounts {
    var copy = self
    copy.cells = cells
    return copy
  }

  /// Per area, the count over every month and category.
  public var totals: [Int] {
    let block = monthCount * categoryCount
    return (0..<areaCount).map { area in cells[(area * block)..<((area + 1) * block)].reduce(0, +) }
  }

  /// The count of `area` in `month`, over every category.
  public func monthTotal(area: Int, month: Int) -> Int {
    let start = (area * monthCount + month) * categoryCount
    return cells[start..<(start + categoryCount)].reduce(0, +)
  }
}

/// The components described on `RiskCounts`, each one value per area (nil where undefined).
public enum RiskComponents {
  /// Rate per `per` population.
  public static func rate(_ counts: RiskCounts, population: [Double?], per: Double = 1000) -> [Double?] {
    zip(counts.totals, population).map { Rates.perPopulation($0, population: $1, per: per) }
  }

  /// Harm-weighted count; `weights[k]` for category k.
  public static func harm(_ counts: RiskCounts, weights: [Double]) -> [Double?] {
    (0..<counts.areaCount).map { area in
      var sum = 0.0
      for month in 0..<counts.monthCount {
        for k in 0..<counts.categoryCount { sum += weights[k] * Double(counts[area, month, k]) }
      }
      return sum
    }
  }

  /// The rate ratio of the last 3 months against the 9 before, and its p; nil under 12 months.
  public static func trend(_ counts: RiskCounts) -> (ratio: [Double?], p: [Double?]) {
    let m = counts.monthCount
    guard m >= 12 else {
      return (Array(repeating: nil, count: counts.areaCount), Array(repeating: nil, count: counts.areaCount))
    }
    var ratios: [Double?] = []
    var ps: [Double?] = []
    for area in 0..<counts.areaCount {
      let recent = ((m - 3)..<m).reduce(0) { $0 + counts.monthTotal(area: area, month: $1) }
      let before = ((m - 12)..<(m - 3)).reduce(0) { $0 + counts.monthTotal(area: area, month: $1) }
      ratios.append(((Double(recent) + 0.5) / 3) / ((Double(before) + 0.5) / 9))
      ps.append(CountComparison.pValue(current: recent, currentExposure: 3, baseline: before, baselineExposure: 9))
    }
    return (ratios, ps)
  }

  /// Months in the top fifth by count, and the share of months; nil under 2 months.
  public static func persistence(_ counts: RiskCounts) -> (months: [Int], share: [Double?]) {
    let n = counts.areaCount
    let m = counts.monthCount
    var inTop = [Int](repeating: 0, count: n)
    guard m >= 2, n > 0 else { return (inTop, Array(repeating: nil, count: n)) }
    let cut = (n + 4) / 5
    for month in 0..<m {
      let totals = (0..<n).map { counts.monthTotal(area: $0, month: month) }
      let threshold = totals.sorted(by: >)[cut - 1]
      for area in 0..<n where totals[area] >= threshold && totals[area] > 0 { inTop[area] += 1 }
    }
    return (inTop, inTop.map { Double($0) / Double(m) })
  }

  /// The share of each area's density cells that lie in the top 5 % of the county's density
  /// (quartic kernel, ArcGIS bandwidth, automatic cell, as `hotspot density --top 5%` computes them):
  /// how much of the area a hot-spot map would colour. nil for an area holding no cell centre, and
  /// for every area when the incidents give no density (fewer than two distinct places).
  /// - Complexity: that of `KernelDensity.evaluate` over the plan's grid.
  public static func densityHotspotShare(x: [Double], y: [Double], areas: [Geometry]) -> [Double?] {
    let none = [Double?](repeating: nil, count: areas.count)
    guard
      let plan = try? DensityPlan(
        x: x, y: y, weights: nil, areas: areas, kernel: .quartic, bandwidth: nil, cell: nil, extent: nil,
        maximumCells: 50_000_000),
      let inside = plan.inside
    else { return none }
    let surface = KernelDensity.evaluate(x: x, y: y, grid: plan.grid, kernel: .quartic, bandwidth: plan.bandwidth)
    let masked: [Double?] = surface.indices.map { inside[$0] ? surface[$0] : nil }
    let selected = HotSpotRegions.select(.top(share: 0.05), density: masked)
    let index = PolygonIndex(areas: areas)
    var cells = [Int](repeating: 0, count: areas.count)
    var hot = [Int](repeating: 0, count: areas.count)
    for cell in surface.indices where inside[cell] {
      guard let area = index.firstContaining(plan.grid.centre(of: cell)) else { continue }
      cells[area] += 1
      if selected[cell] { hot[area] += 1 }
    }
    var shares = [Double?](repeating: nil, count: areas.count)
    for area in areas.indices where cells[area] > 0 { shares[area] = Double(hot[area]) / Double(cells[area]) }
    return shares
  }
}
