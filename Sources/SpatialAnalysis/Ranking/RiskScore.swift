/// A transparent composite risk score: components normalised, weighted, summed and ranked.
///
/// Composite indicators after the OECD/JRC *Handbook on Constructing Composite Indicators* (2008):
/// each component is put on a common scale (percentile rank by default, z-scores as an option),
/// turned so that higher always means more risk, multiplied by its weight and summed; the weights
/// of the components that are kept are rescaled to sum to 1.
///
/// - Parameters:
///   - components: one value per area per component (nil where missing), its direction and weight.
///   - normalisation: `.percentile` (0–100) or `.z` (mean 0, population standard deviation 1).
///   - groups: a group index per area to rank within groups (nil: one group).
/// - Returns: the normalised values, scores, ranks (1 = highest risk), the components dropped
///   (no value for any area) and the values filled in (missing for some areas).
/// - Complexity: O(C · n log n) for C components and n areas.
///
/// ## Properties
/// - Percentile rank of x among n values = 100 · (below + (equal − 1)/2) / (n − 1): 0 for the
///   lowest, 100 for the highest, 50 for every area when all values are equal (and when n = 1).
/// - `.lower` components are negated before normalising, so the score always rises with risk.
/// - A component with no value for any area is dropped and its weight shared among the rest in
///   proportion to theirs; a value missing for some areas takes the median of the others'
///   normalised values, and is listed in `filled`.
/// - Ranks are 1…n within each group; equal scores are ranked by area order (the first area first).
///
/// ## Parity
/// Percentile rank equals pandas `Series.rank(pct=True, method="average")` rescaled to 0–100 by
/// (r − 1)/(n − 1); exact.
///
/// ## Example
///     let rate = RiskScore.Component(key: "rate", values: [1, 2, 3], weight: 1)
///     RiskScore.compute(components: [rate]).ranks   // [3, 2, 1]
public enum RiskScore {
  /// Which way a component points.
  public enum Direction: String, Sendable {
    /// Higher values mean more risk.
    case higher
    /// Lower values mean more risk.
    case lower
  }

  /// How components are put on one scale: `.percentile` rank (0–100), or `.z` scores (mean 0,
  /// population standard deviation 1; 0 for every area when the values are all equal).
  public enum Normalisation: String, CaseIterable, Sendable {
    case percentile
    case z
  }

  /// One input of the score: a value per area, its direction and its weight.
  public struct Component: Sendable {
    /// The component's name in outputs (`rate`, `harm`, an indicator's name…).
    public var key: String
    /// One value per area, nil where missing; every component has the same count.
    public var values: [Double?]
    /// Whether higher or lower values mean more risk.
    public var direction: Direction
    /// The weight before rescaling; a weight ≤ 0 drops the component.
    public var weight: Double

    /// A component from its parts; `direction` defaults to `.higher`.
    public init(key: String, values: [Double?], direction: Direction = .higher, weight: Double) {
      self.key = key
      self.values = values
      self.direction = direction
      self.weight = weight
    }
  }

  /// What `compute` gives: the components kept and dropped, normalised values, scores and ranks.
  public struct Result: Sendable {
    /// The components kept, in input order, with their rescaled weights (summing to 1).
    public var kept: [Component]
    /// The keys of the components dropped because no area has a value.
    public var dropped: [String]
    /// Normalised values per kept component, per area (missing ones filled with the median).
    public var normalised: [[Double]]
    /// Per kept component, the areas whose value was missing and filled.
    public var filled: [[Int]]
    /// Σ weight · normalised value, per area.
    public var scores: [Double]
    /// 1 = highest score, within the area's group.
    public var ranks: [Int]

    /// weight · normalised value of component `c` for `area`.
    public func contribution(_ c: Int, area: Int) -> Double { kept[c].weight * normalised[c][area] }
  }

  /// The score described above.
  /// - Precondition: every component has as many values as the first.
  public static func compute(
    components: [Component], normalisation: Normalisation = .percentile, groups: [Int]? = nil
  ) -> Result {
    let n = components.first?.values.count ?? 0
    var kept: [Component] = []
    var dropped: [String] = []
    for component in components {
      precondition(component.values.count == n)
      if component.values.allSatisfy({ $0 == nil }) || component.weight <= 0 {
        dropped.append(component.key)
      } else {
        kept.append(component)
      }
    }
    let totalWeight = kept.reduce(0) { $0 + $1.weight }
    for c in kept.indices { kept[c].weight /= totalWeight }
    var normalised: [[Double]] = []
    var filled: [[Int]] = []
    for component in kept {
      let signed = component.values.map { value in value.map { component.direction == .higher ? $0 : -$0 } }
      var scaled = normalise(signed, normalisation)
      let present = scaled.compactMap { $0 }
      let fill = median(present)
      filled.append(scaled.indices.filter { scaled[$0] == nil })
      for i in scaled.indices where scaled[i] == nil { scaled[i] = fill }
      normalised.append(scaled.map { $0 ?? fill })
    }
    var scores = [Double](repeating: 0, count: n)
    for c in kept.indices {
      for i in 0..<n { scores[i] += kept[c].weight * normalised[c][i] }
    }
    return Result(
      kept: kept, dropped: dropped, normalised: normalised, filled: filled, scores: scores,
      ranks: ranks(scores: scores, groups: groups))
  }

  /// Normalised values (nil stays nil), higher = higher.
  public static func normalise(_ values: [Double?], _ method: Normalisation) -> [Double?] {
    let present = values.compactMap { $0 }
    switch method {
    case .percentile:
      let sorted = present.sorted()
      let m = sorted.count
      return values.map { value in
        guard let value else { return nil }
        guard m > 1 else { return 50 }
        let below = lowerBound(sorted, value)
        let equal = upperBound(sorted, value) - below
        return 100 * (Double(below) + Double(equal - 1) / 2) / Double(m - 1)
      }
    case .z:
      let m = Double(present.count)
      let mean = present.reduce(0, +) / m
      let variance = present.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / m
      let sd = variance.squareRoot()
      return values.map { value in value.map { sd > 0 ? ($0 - mean) / sd : 0 } }
    }
  }

  /// Percentile rank (0–100) of each value among the present ones, whatever the normalisation.
  public static func percentiles(_ values: [Double?], direction: Direction = .higher) -> [Double?] {
    normalise(values.map { $0.map { direction == .higher ? $0 : -$0 } }, .percentile)
  }

  /// Ranks by descending score within groups; ties by area order.
  public static func ranks(scores: [Double], groups: [Int]?) -> [Int] {
    let order = scores.indices.sorted { a, b in scores[a] != scores[b] ? scores[a] > scores[b] : a < b }
    var next: [Int: Int] = [:]
    var ranks = [Int](repeating: 0, count: scores.count)
    for area in order {
      let group = groups?[area] ?? 0
      let rank = (next[group] ?? 0) + 1
      next[group] = rank
      ranks[area] = rank
    }
    return ranks
  }

  /// The median (mean of the middle two for an even count); 0 for none.
  static func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  }

  private static func lowerBound(_ sorted: [Double], _ value: Double) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let mid = (low + high) / 2
      if sorted[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low
  }

  private static func upperBound(_ sorted: [Double], _ value: Double) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let mid = (low + high) / 2
      if sorted[mid] <= value { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
