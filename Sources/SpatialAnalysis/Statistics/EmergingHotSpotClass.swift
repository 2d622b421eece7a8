/// The 17 categories of Emerging Hot Spot Analysis: how a location's space-time Gi* bins have been
/// hot or cold over the steps, and the trend of its Gi* z. Rules and order: sfdep 0.2
/// `classify_hotspot` (R/emerging-hostpot-classifications.R), followed where explicit; wording:
/// ArcGIS Pro 2.8 "How Emerging Hot Spot Analysis works" (learnmoreemerging.htm), which sfdep links
/// and quotes.
///
/// With n steps, the final step n, a significance level α (default 0.01, sfdep's `threshold`):
/// - a step is *hot* when p ≤ α and z > 0, *cold* when p ≤ α and z < 0 (sfdep: `p_sim <= threshold`);
/// - "at least 90 %" means 10 · (hot steps) ≥ 9 · n, counted in integers (sfdep: `sum / n >= .9`);
/// - the trend is `MannKendall` of the location's z series; it is *significant* when its p ≤ α,
///   rising when tau > 0, falling when tau < 0.
///
/// The rules are tried in this order and the first that holds is the category (sfdep's order):
/// 1. **new hot spot**: the final step is hot and no earlier step is significant, hot or cold.
/// 2. **new cold spot**: the same, cold.
/// 3. **consecutive hot spot**: the final step is hot; the uninterrupted run of hot steps ending
///    at the final step is at least 2 long; no step before the run is significant, hot or cold;
///    fewer than 90 % of the steps are hot.
/// 4. **consecutive cold spot**: the same, cold.
/// 5. **intensifying hot spot**: at least 90 % of the steps are hot, the final step included, and
///    a significant rising trend.
/// 6. **intensifying cold spot**: at least 90 % cold, the final included, a significant falling
///    trend (z ever more negative).
/// 7. **persistent hot spot**: at least 90 % of the steps hot, and no significant trend (p > α);
///    the final step need not be hot.
/// 8. **persistent cold spot**: the same, cold.
/// 9. **diminishing hot spot**: at least 90 % hot, the final step included, and a significant
///    falling trend.
/// 10. **diminishing cold spot**: at least 90 % cold, the final included, a significant rising trend.
/// 11. **oscillating hot spot**: the final step is hot, some earlier step is cold, and fewer than
///     90 % of the steps are hot.
/// 12. **oscillating cold spot**: the same with hot and cold swapped.
/// 13. **historical hot spot**: the final step is not hot, and at least 90 % of the steps are hot
///     (reached only with a significant trend: without one it is persistent).
/// 14. **historical cold spot**: the same, cold.
/// 15. **sporadic hot spot**: some step is hot, none is cold, fewer than 90 % are hot; the final
///     step may be anything (on again, off again).
/// 16. **sporadic cold spot**: the same, cold.
/// 17. **no pattern detected**: none of these (no significant step; or both hot and cold steps with
///     the final step not significant and fewer than 90 % of either).
///
/// ## Where sfdep and ArcGIS differ, and what is done here
/// - ArcGIS corrects the bins' p for multiple testing (FDR); sfdep and this type take the p given
///   (pass FDR-adjusted p to get ArcGIS's behaviour).
/// - sfdep classifies on its permutation p (`p_sim`, folded one-sided, from draws over the whole
///   cube); the caller chooses here: `SpaceTimeGetisOrdGiStar` gives the analytic p and, on
///   request, a pseudo p drawn within each step.
/// - Consecutive: sfdep measures the final run over significant steps of *either* sign (a cold
///   step next to the final hot run is counted into it); here the run is of hot steps, as ArcGIS
///   words it ("a single uninterrupted run of statistically significant hot spot bins"). sfdep's
///   "nothing significant before the run" is kept; ArcGIS only forbids earlier *hot* steps.
/// - Intensifying and diminishing: sfdep counts significant steps of either sign toward the 90 %
///   and asks only that the final step be significant; here (as ArcGIS) hot steps and a hot final
///   step. sfdep tests intensifying's trend with p < α and the others with ≤; here always ≤.
/// - Oscillating hot: sfdep accepts at most 90 % hot (≤) but its cold rule fewer than 90 % (<);
///   here both < (ArcGIS "less than ninety percent"). No series tells them apart: a final hot
///   step with at least 90 % hot is caught by rules 5, 7 or 9 first.
/// - Historical: sfdep asks that the final z be negative; here that the final step be not hot
///   (ArcGIS "the most recent time period is not hot"), so a final step with z > 0 but p > α is
///   historical rather than no pattern.
/// - Sporadic: sfdep's rule (no final-step condition, at least one hot step, none cold), which is
///   ArcGIS Pro's wording; older ArcMap text asked for a hot final step.
/// - sfdep's Mann–Kendall is `Kendall::MannKendall`, whose p may be exact for short series
///   without ties; `MannKendall` here always uses the continuity-corrected normal approximation.
public enum EmergingHotSpotClass: String, CaseIterable, Hashable, Sendable {
  case newHotSpot = "new hot spot"
  case consecutiveHotSpot = "consecutive hot spot"
  case intensifyingHotSpot = "intensifying hot spot"
  case persistentHotSpot = "persistent hot spot"
  case diminishingHotSpot = "diminishing hot spot"
  case sporadicHotSpot = "sporadic hot spot"
  case oscillatingHotSpot = "oscillating hot spot"
  case historicalHotSpot = "historical hot spot"
  case newColdSpot = "new cold spot"
  case consecutiveColdSpot = "consecutive cold spot"
  case intensifyingColdSpot = "intensifying cold spot"
  case persistentColdSpot = "persistent cold spot"
  case diminishingColdSpot = "diminishing cold spot"
  case sporadicColdSpot = "sporadic cold spot"
  case oscillatingColdSpot = "oscillating cold spot"
  case historicalColdSpot = "historical cold spot"
  case noPattern = "no pattern detected"

  /// +1 for the hot spot categories, −1 for the cold, 0 for no pattern.
  public var sign: Int {
    switch self {
    case .noPattern: 0
    case .newHotSpot, .consecutiveHotSpot, .intensifyingHotSpot, .persistentHotSpot, .diminishingHotSpot,
      .sporadicHotSpot, .oscillatingHotSpot, .historicalHotSpot:
      1
    default: -1
    }
  }

  /// The category of one location from its Gi* z and p per step (oldest first), with the
  /// Mann–Kendall trend of z computed here.
  /// - Precondition: z and p the same length, at least one step.
  public static func classify<Z: Collection<Double>, P: Collection<Double>>(
    z: Z, p: P, threshold: Double = 0.01
  ) -> EmergingHotSpotClass {
    classify(z: z, p: p, trend: MannKendall(Array(z)), threshold: threshold)
  }

  /// The category with the trend given (the `MannKendall` of the same z series).
  public static func classify<Z: Collection<Double>, P: Collection<Double>>(
    z: Z, p: P, trend: MannKendall, threshold: Double = 0.01
  ) -> EmergingHotSpotClass {
    precondition(z.count == p.count && !z.isEmpty, "one z and one p per step")
    // +1 hot, −1 cold, 0 not significant, per step.
    let states = zip(z, p).map { z, p in p <= threshold ? (z > 0 ? 1 : z < 0 ? -1 : 0) : 0 }
    let n = states.count
    let trendSignificant = trend.p <= threshold
    for sign in [1, -1] {
      // Rules 1–4 (new, consecutive), tried hot then cold.
      if let category = recent(states: states, sign: sign) { return category }
    }
    func mostly(_ sign: Int) -> Bool { 10 * states.count(where: { $0 == sign }) >= 9 * n }
    let final = states[n - 1]
    // Rules 5–10.
    if mostly(1) && final == 1 && trendSignificant && trend.tau > 0 { return .intensifyingHotSpot }
    if mostly(-1) && final == -1 && trendSignificant && trend.tau < 0 { return .intensifyingColdSpot }
    if mostly(1) && !trendSignificant { return .persistentHotSpot }
    if mostly(-1) && !trendSignificant { return .persistentColdSpot }
    if mostly(1) && final == 1 && trendSignificant && trend.tau < 0 { return .diminishingHotSpot }
    if mostly(-1) && final == -1 && trendSignificant && trend.tau > 0 { return .diminishingColdSpot }
    // Rules 11–16.
    let hot = states.contains(1)
    let cold = states.contains(-1)
    if final == 1 && cold && !mostly(1) { return .oscillatingHotSpot }
    if final == -1 && hot && !mostly(-1) { return .oscillatingColdSpot }
    if final != 1 && mostly(1) { return .historicalHotSpot }
    if final != -1 && mostly(-1) { return .historicalColdSpot }
    if hot && !cold && !mostly(1) { return .sporadicHotSpot }
    if cold && !hot && !mostly(-1) { return .sporadicColdSpot }
    return .noPattern
  }

  /// New or consecutive hot (`sign` 1) or cold (−1) spot, or nil.
  private static func recent(states: [Int], sign: Int) -> EmergingHotSpotClass? {
    let n = states.count
    guard states[n - 1] == sign else { return nil }
    var runStart = n - 1
    while runStart > 0 && states[runStart - 1] == sign { runStart -= 1 }
    guard !states[..<runStart].contains(where: { $0 != 0 }) else { return nil }
    let run = n - runStart
    if run == 1 { return sign > 0 ? .newHotSpot : .newColdSpot }
    guard 10 * run < 9 * n else { return nil }
    return sign > 0 ? .consecutiveHotSpot : .consecutiveColdSpot
  }
}

/// One location's result of Emerging Hot Spot Analysis.
public struct EmergingHotSpot: Hashable, Sendable {
  /// The location's category, one of the 17.
  public var category: EmergingHotSpotClass
  /// The Mann–Kendall trend of the location's Gi* z series.
  public var trend: MannKendall

  /// Every location of a space-time Gi* result, classified at `threshold` on the analytic p, or on
  /// the within-step pseudo p when `permutation` (and it was computed).
  public static func classify(
    _ result: SpaceTimeGetisOrdGiStar.Result, threshold: Double = 0.01, permutation: Bool = false
  ) -> [EmergingHotSpot] {
    (0..<result.locationCount).map { i in
      let z = result.zSeries(of: i)
      let trend = MannKendall(Array(z))
      let category = EmergingHotSpotClass.classify(
        z: z, p: result.pSeries(of: i, permutation: permutation), trend: trend, threshold: threshold)
      return EmergingHotSpot(category: category, trend: trend)
    }
  }
}
