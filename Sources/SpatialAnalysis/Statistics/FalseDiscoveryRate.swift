/// Benjamini–Hochberg false discovery rate control, applied to hot-spot classes.
///
/// Benjamini & Hochberg (1995), "Controlling the false discovery rate", JRSS B 57(1), 289–300.
/// METHODS.md: sort the m p-values; the largest k with p₍ₖ₎ ≤ (k/m)·α sets the cut; everything at
/// or below p₍ₖ₎ is significant at α. As ArcGIS, it is applied per confidence level (90, 95,
/// 99 %) to the classes only, never to the reported z or p.
///
/// - Parameters: `pValues` in [0, 1]; `alpha` the level (0.05).
/// - Returns: the cut p₍ₖ₎, or nil when nothing is significant.
/// - Complexity: O(m log m).
///
/// ## Properties
/// - The cut is one of the p-values; it never exceeds α, and is at least the Bonferroni α/m when
///   any p reaches that.
/// - With FDR, a class can only move towards 0.
///
/// ## Parity
/// The worked example of Benjamini & Hochberg (1995, §4): 15 p-values, 4 rejected at q = 0.05.
///
/// ## Example
/// ```swift
/// FalseDiscoveryRate.cutoff(pValues: [0.01, 0.02, 0.03, 0.2], alpha: 0.05)  // 0.03 (k = 3: 0.03 ≤ 3/4 · 0.05)
/// ```
public enum FalseDiscoveryRate {
  /// The Benjamini–Hochberg cut p₍ₖ₎ for `pValues` at `alpha`; NaN p-values are ignored and not
  /// counted in m. Nil when no p qualifies.
  public static func cutoff(pValues: [Double], alpha: Double) -> Double? {
    let sorted = pValues.filter { !$0.isNaN }.sorted()
    let m = Double(sorted.count)
    var cut: Double?
    for (index, p) in sorted.enumerated() where p <= Double(index + 1) / m * alpha { cut = p }
    return cut
  }

  /// Classes −3…3 (as `GetisOrdGiStar.classes`) with each level's cut set by Benjamini–Hochberg
  /// at α = 0.10, 0.05 and 0.01 over all the p-values.
  public static func classes(z: [Double], p: [Double]) -> [Int] {
    let cut90 = cutoff(pValues: p, alpha: 0.10) ?? -1
    let cut95 = cutoff(pValues: p, alpha: 0.05) ?? -1
    let cut99 = cutoff(pValues: p, alpha: 0.01) ?? -1
    return zip(z, p).map { z, p in
      let level = p <= cut99 ? 3 : p <= cut95 ? 2 : p <= cut90 ? 1 : 0
      return z > 0 ? level : z < 0 ? -level : 0
    }
  }
}
