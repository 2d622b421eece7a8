import Foundation

/// Whether two counts differ by more than chance: the exact conditional test for two Poisson
/// rates (Przyborowski & Wilenski 1940; the test of R's `poisson.test` for two samples).
///
/// Under equal rates, c₁ given c₁ + c₂ is Binomial(c₁ + c₂, t₁/(t₁ + t₂)), with t the exposures
/// (days in each period). The two-sided p-value sums the probabilities of every outcome no more
/// likely than the one observed (with R's relative tolerance 1 + 10⁻⁷ for ties).
///
/// ## Properties
/// - Exact for every total: terms are taken relative to the most likely outcome, so totals in the
///   millions neither overflow nor lose the observed term (a p-value below about 1e-300 is 0). Above 10,000,000 incidents in all, a normal approximation with continuity
///   correction is used instead, whose error there is far below any reported digit.
/// - p is 1 when both counts are 0.
/// - Complexity: O(c₁ + c₂) (the binomial terms are summed once).
public enum CountComparison {
  /// The two-sided p-value for counts `current` (exposure `currentExposure`) and `baseline`
  /// (exposure `baselineExposure`), exposures in any common unit (months, as `PeriodChange` gives them).
  public static func pValue(
    current: Int, currentExposure: Double, baseline: Int, baselineExposure: Double
  ) -> Double {
    precondition(current >= 0 && baseline >= 0 && currentExposure > 0 && baselineExposure > 0)
    let n = current + baseline
    if n == 0 { return 1 }
    let p = currentExposure / (currentExposure + baselineExposure)
    if n > 10_000_000 { return normalApproximation(k: current, n: n, p: p) }
    // Binomial terms relative to the one at the mode (which is 1), by the ratio
    // P(k + 1) / P(k) = (n − k)/(k + 1) · p/q; terms far in the tails underflow to 0 harmlessly.
    let odds = p / (1 - p)
    let mode = min(n, max(0, Int((Double(n + 1) * p).rounded(.down))))
    var observed = 1.0
    if current > mode {
      for k in mode..<current { observed *= Double(n - k) / Double(k + 1) * odds }
    } else {
      for k in stride(from: mode, to: current, by: -1) { observed *= Double(k) / Double(n - k + 1) / odds }
    }
    let threshold = observed * (1 + 1e-7)
    var total = 1.0
    var selected = 1 <= threshold ? 1.0 : 0
    var term = 1.0
    for k in mode..<n {
      term *= Double(n - k) / Double(k + 1) * odds
      if term == 0 { break }
      total += term
      if term <= threshold { selected += term }
    }
    term = 1
    for k in stride(from: mode, to: 0, by: -1) {
      term *= Double(k) / Double(n - k + 1) / odds
      if term == 0 { break }
      total += term
      if term <= threshold { selected += term }
    }
    return min(1, selected / total)
  }

  /// Two-sided normal approximation with continuity correction.
  static func normalApproximation(k: Int, n: Int, p: Double) -> Double {
    let mean = Double(n) * p
    let sd = (Double(n) * p * (1 - p)).squareRoot()
    let z = max(0, abs(Double(k) - mean) - 0.5) / sd
    return min(1, erfc(z / 2.squareRoot()))
  }
}
