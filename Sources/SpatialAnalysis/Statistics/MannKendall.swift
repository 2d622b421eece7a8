import Foundation

/// The Mann–Kendall test for a monotonic trend in a series taken at equally spaced, distinct
/// times (Mann 1945; Kendall 1975, *Rank Correlation Methods*, ch. 4), in double precision.
///
/// - S = Σ_{k<j} sgn(x_j − x_k), over all pairs of the series in time order.
/// - Var(S) = (n(n − 1)(2n + 5) − Σ_g t_g(t_g − 1)(2t_g + 5)) / 18, the sum over groups g of
///   t_g ≥ 2 exactly equal values (the tie correction; time has no ties).
/// - tau is Kendall's tau-b with ties in the series only: S / √(n₀ (n₀ − n₁)),
///   n₀ = n(n − 1)/2, n₁ = Σ_g t_g(t_g − 1)/2; without ties it is S / n₀ (tau-a). This is the
///   `tau` of R's `Kendall::MannKendall` (Kendall(1:n, x)); pymannkendall's `Tau` is S / n₀.
/// - z is continuity-corrected: (S − 1)/√Var(S) for S > 0, (S + 1)/√Var(S) for S < 0, 0 for S = 0.
/// - p is two-sided from the normal approximation: 2(1 − Φ(|z|)) = erfc(|z|/√2).
///
/// ## Properties
/// - S, Var(S), z and p equal pymannkendall 1.4.3 `original_test` (S, var_s, z, p) and R
///   `trend::mk.test`. `Kendall::MannKendall` reports the same S, Var(S) and tau; for a short
///   series without ties its `sl` may come from the exact distribution instead (Best & Gipps 1974).
/// - Fewer than 2 values, or every value equal: S = 0, Var(S) = 0 (for n < 2), tau = 0, z = 0, p = 1.
/// - Ties are exact equality of doubles; NaN is not allowed.
/// - Complexity: O(n²) for S (every pair), O(n log n) for the ties.
///
/// ## Example
/// ```swift
/// let mk = MannKendall([1, 2, 3, 5, 4])
/// mk.s         // 8: 9 rising pairs, 1 falling
/// mk.varianceS // 5·4·15/18 = 50/3
/// mk.tau       // 0.8
/// ```
public struct MannKendall: Hashable, Sendable {
  /// The number of values.
  public var count: Int
  /// The Kendall score S.
  public var s: Int
  /// Var(S) under no trend, with the tie correction.
  public var varianceS: Double
  /// Kendall's tau-b (ties in the series only).
  public var tau: Double
  /// The continuity-corrected standard normal score.
  public var z: Double
  /// The two-sided p of z.
  public var p: Double

  /// The test on `series`, in time order.
  /// - Precondition: no NaN.
  public init(_ series: [Double]) {
    precondition(!series.contains { $0.isNaN }, "Mann–Kendall on a series with NaN")
    let n = series.count
    count = n
    var score = 0
    for k in 0..<n {
      let x = series[k]
      for j in (k + 1)..<n {
        let y = series[j]
        score += y > x ? 1 : y < x ? -1 : 0
      }
    }
    s = score
    // Tie groups: runs of equal values in the sorted series.
    let sorted = series.sorted()
    var tieTerm = 0.0
    var tiedPairs = 0.0
    var start = 0
    while start < n {
      var end = start + 1
      while end < n && sorted[end] == sorted[start] { end += 1 }
      let t = Double(end - start)
      if t > 1 {
        tieTerm += t * (t - 1) * (2 * t + 5)
        tiedPairs += t * (t - 1) / 2
      }
      start = end
    }
    let nd = Double(n)
    varianceS = n < 2 ? 0 : (nd * (nd - 1) * (2 * nd + 5) - tieTerm) / 18
    let pairs = nd * (nd - 1) / 2
    let denominator = (pairs * (pairs - tiedPairs)).squareRoot()
    tau = denominator > 0 ? Double(score) / denominator : 0
    if score == 0 || !(varianceS > 0) {
      z = 0
    } else {
      let sd = varianceS.squareRoot()
      z = score > 0 ? Double(score - 1) / sd : Double(score + 1) / sd
    }
    p = score == 0 || !(varianceS > 0) ? 1 : NormalDistribution.twoSidedP(z)
  }
}
