import Foundation

/// The change in a target area relative to a comparison area over the same two periods: the ratio
/// of ratios (Ta/Tb)/(Ca/Cb), with a confidence interval on the log scale.
///
/// This is the reciprocal of the "relative effect size" RES = (a·d)/(b·c) of the Campbell
/// reviews of place-based crime prevention (a, b the target before and after, c, d the control;
/// Welsh & Farrington 2002; Farrington, Gill, Waples & Argomaniz 2007, J. Exp. Criminol. 3: 21–38,
/// appendix), with the same variance: if counts are Poisson,
/// Var(ln ratio) = 1/Ta + 1/Tb + 1/Ca + 1/Cb. A ratio below 1 means the target fell relative to the
/// comparison; 1 − ratio is the reduction net of the comparison's trend.
///
/// The periods' lengths cancel (both areas share them), so counts of unequal periods can be used
/// as they are.
///
/// ## Properties
/// - Interval: exp(ln r ± z·SE), z = 1.959964 for 95 %. p is two-sided from the same normal
///   approximation (z = ln r / SE), so p < 0.05 exactly when the 95 % interval excludes 1.
/// - Zero counts: when any of the four is 0 (but each area has incidents in some period), 0.5 is
///   added to all four (the Haldane–Anscombe correction), and `continuityCorrection` says so.
///   When an area has no incident in either period the ratio is undefined: nil.
/// - The interval assumes Poisson counts; repeat incidents make counts overdispersed and the
///   true interval wider (Farrington et al. 2007 inflate the variance for this).
public struct RelativeChange: Hashable, Sendable {
  /// (Ta/Tb)/(Ca/Cb), after any continuity correction.
  public let ratio: Double
  /// The interval's bounds for `ratio`.
  public let lower: Double
  /// The interval's upper bound for `ratio` (exp(ln r + 1.96·SE)).
  public let upper: Double
  /// Standard error of ln(ratio).
  public let standardError: Double
  /// Two-sided p-value of ratio = 1 (normal approximation on the log scale).
  public let p: Double
  /// 0, or 0.5 when that was added to every count because one was zero.
  public let continuityCorrection: Double
  /// The confidence level of the interval (0.95).
  public let confidence: Double

  /// Φ⁻¹(0.975).
  public static let z95 = 1.959963984540054

  /// The relative change of the target (`targetBefore`, `targetAfter`) against the comparison
  /// (`comparisonBefore`, `comparisonAfter`), or nil when either area has no incident in both
  /// periods. Counts must be ≥ 0.
  public init?(targetBefore: Int, targetAfter: Int, comparisonBefore: Int, comparisonAfter: Int) {
    precondition(targetBefore >= 0 && targetAfter >= 0 && comparisonBefore >= 0 && comparisonAfter >= 0)
    guard targetBefore + targetAfter > 0, comparisonBefore + comparisonAfter > 0 else { return nil }
    let counts = [targetBefore, targetAfter, comparisonBefore, comparisonAfter]
    let correction = counts.contains(0) ? 0.5 : 0
    let tb = Double(targetBefore) + correction
    let ta = Double(targetAfter) + correction
    let cb = Double(comparisonBefore) + correction
    let ca = Double(comparisonAfter) + correction
    let logRatio = log(ta) - log(tb) - log(ca) + log(cb)
    let se = (1 / ta + 1 / tb + 1 / ca + 1 / cb).squareRoot()
    ratio = (ta / tb) / (ca / cb)
    lower = exp(logRatio - Self.z95 * se)
    upper = exp(logRatio + Self.z95 * se)
    standardError = se
    p = NormalDistribution.twoSidedP(logRatio / se)
    continuityCorrection = correction
    confidence = 0.95
  }

  /// Farrington's relative effect size, 1/ratio: above 1 is a desirable effect in the target.
  public var relativeEffectSize: Double { 1 / ratio }

  /// The change net of the comparison trend, in percent: 100·(ratio − 1); negative is a reduction.
  public var netChangePercent: Double { 100 * (ratio - 1) }
  /// The interval of `netChangePercent`.
  public var netChangeLowerPercent: Double { 100 * (lower - 1) }
  /// The interval's upper bound of `netChangePercent`, in percent: 100·(upper − 1).
  public var netChangeUpperPercent: Double { 100 * (upper - 1) }
}
