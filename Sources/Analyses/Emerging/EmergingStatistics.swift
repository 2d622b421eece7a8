import SpatialAnalysis

/// The space-time Gi*, the Mann–Kendall trend and the category of every location of a cube: the
/// analysis `hotspot emerging` and `hotspot map --layer emerging` share.
public struct EmergingStatistics: Sendable {
  /// z, the analytic p and (with permutations) the within-step pseudo p of every bin.
  public let statistic: SpaceTimeGetisOrdGiStar.Result
  /// Per location: its category and the Mann–Kendall trend of its z series.
  public let locations: [EmergingHotSpot]
  /// The significance level α a step must reach (p ≤ α).
  public let threshold: Double
  /// True when the steps and categories use the permutation pseudo p, false for the analytic p.
  public let permutation: Bool

  /// Space-time Gi* of `cube` with `weights` (neighbours without self; binary) and `timeLags`
  /// steps before each, then `EmergingHotSpot.classify` at `threshold`, on the pseudo p when
  /// `permutations` > 0 (seeded by `seed`), else on the analytic p.
  public init(
    cube: SpaceTimeCube, weights: SpatialWeights, timeLags: Int = 1, threshold: Double = 0.01, permutations: Int = 0,
    seed: UInt64 = 1
  ) {
    statistic = SpaceTimeGetisOrdGiStar.compute(
      cube: cube, weights: weights, timeLags: timeLags, permutations: permutations, seed: seed)
    permutation = permutations > 0
    locations = EmergingHotSpot.classify(statistic, threshold: threshold, permutation: permutation)
    self.threshold = threshold
  }

  /// The p the steps are judged on (pseudo p with permutations) of location `i` at step `t`.
  public func p(_ i: Int, _ t: Int) -> Double {
    let k = i * statistic.stepCount + t
    return permutation ? (statistic.pSim?[k] ?? statistic.p[k]) : statistic.p[k]
  }

  /// z of location `i` at step `t`.
  public func z(_ i: Int, _ t: Int) -> Double { statistic.z[i * statistic.stepCount + t] }

  /// Steps where location `i` is a hot spot (p ≤ threshold, z > 0).
  public func hotSteps(_ i: Int) -> Int {
    (0..<statistic.stepCount).count { p(i, $0) <= threshold && z(i, $0) > 0 }
  }

  /// Steps where location `i` is a cold spot (p ≤ threshold, z < 0).
  public func coldSteps(_ i: Int) -> Int {
    (0..<statistic.stepCount).count { p(i, $0) <= threshold && z(i, $0) < 0 }
  }

  /// How many locations fall in each category, in `EmergingHotSpotClass.allCases` order (zeros kept).
  public var categoryCounts: [(category: EmergingHotSpotClass, count: Int)] {
    EmergingHotSpotClass.allCases.map { category in (category, locations.count { $0.category == category }) }
  }
}
