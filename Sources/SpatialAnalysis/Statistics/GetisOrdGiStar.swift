import Foundation
import GeoCore

/// Getis-Ord Gi*: for every feature, how far the weighted sum of values around it (itself
/// included) lies from what the mean would give, in standard errors.
///
/// Getis & Ord (1992), "The analysis of spatial association by use of distance statistics";
/// Ord & Getis (1995), eq. 14. METHODS.md "Getis-Ord Gi*":
/// zᵢ = (Σⱼ wᵢⱼ xⱼ − x̄ Wᵢ) / (S · √((n S1ᵢ − Wᵢ²)/(n − 1))), sums over all j including i,
/// S = √(Σx²/n − x̄²), Wᵢ = Σⱼ wᵢⱼ, S1ᵢ = Σⱼ wᵢⱼ².
///
/// - Parameters:
///   - values: x, one per feature (counts, rates).
///   - weights: neighbours *without* self; wᵢᵢ = 1 is added here (the star), then `transform`.
///   - transform: binary (the standard, ArcGIS) or row-standardised.
///   - permutations: R for the conditional permutation pseudo p (0: none).
///   - seed: for the permutations.
/// - Returns: z, two-sided analytic p = 2(1 − Φ(|z|)), pseudo p, and the ArcGIS classes.
/// - Complexity: O(n + nnz), plus O(R · nnz) with permutations.
///
/// ## Properties
/// - Where S = 0 (every value equal) or the denominator vanishes (a feature neighbouring every
///   other), z = 0 and p = 1: nothing stands out.
/// - Classes: +3/−3 at p ≤ 0.01, ±2 at p ≤ 0.05, ±1 at p ≤ 0.10, the sign of z; 0 otherwise.
///
/// ## Parity
/// esda 2.9 `G_Local(star=True, transform='B')` z on Columbus CRIME with queen weights, to 1e-9
/// (esda reports a one-sided p; ours is its double). ArcGIS Hot Spot Analysis (Gi_Bin).
///
/// ## Example
/// ```swift
/// let w = SpatialWeights.gridBand(grid: grid3x3, cells: Array(0..<9))
/// let r = GetisOrdGiStar.compute(values: [0, 0, 0, 0, 9, 0, 0, 0, 0], weights: w)
/// r.z[0]  // 5/√20 ≈ 1.118 (corner: itself and 3 neighbours, the 9 among them)
/// r.z[4]  // 0: the centre neighbours every cell, so nothing can stand out
/// ```
public enum GetisOrdGiStar {
  /// Gi* for every feature, in input order.
  public struct Result: Sendable {
    /// The Gi* z-score per feature (0 where S or the denominator is 0, and for n ≤ 1).
    public var z: [Double]
    /// Two-sided analytic p.
    public var p: [Double]
    /// Conditional permutation pseudo p (nil without permutations).
    public var pSim: [Double]?
    /// −3…3 from z and p (ArcGIS `Gi_Bin`).
    public var classes: [Int]
    /// The weights used (self included, transformed).
    public var weights: SpatialWeights
  }

  /// Gi* of `values` as described above.
  /// - Precondition: `weights.count == values.count`.
  public static func compute(
    values: [Double], weights: SpatialWeights, transform: SpatialWeights.Transform = .binary,
    permutations: Int = 0, seed: UInt64 = 0
  ) -> Result {
    let n = values.count
    precondition(weights.count == n)
    let star = weights.includingSelf(weight: 1).transformed(transform)
    guard n > 1 else {
      return Result(
        z: Array(repeating: 0, count: n), p: Array(repeating: 1, count: n), pSim: nil,
        classes: Array(repeating: 0, count: n), weights: star)
    }
    let nd = Double(n)
    let mean = values.reduce(0, +) / nd
    let meanSquare = values.reduce(0) { $0 + $1 * $1 } / nd
    let s = (meanSquare - mean * mean).squareRoot()
    var z = [Double](repeating: 0, count: n)
    for i in 0..<n {
      var sum = 0.0
      var w = 0.0
      var w2 = 0.0
      for k in star.offsets[i]..<star.offsets[i + 1] {
        let weight = star.weightValues[k]
        sum += weight * values[star.neighbourIndices[k]]
        w += weight
        w2 += weight * weight
      }
      let variance = (nd * w2 - w * w) / (nd - 1)
      let denominator = s * variance.squareRoot()
      if denominator > 0 && denominator.isFinite {
        z[i] = (sum - mean * w) / denominator
      }
    }
    let p = z.map(NormalDistribution.twoSidedP)
    let pSim =
      permutations > 0
      ? ConditionalPermutation.pValues(values: values, weights: star, permutations: permutations, seed: seed) : nil
    return Result(z: z, p: p, pSim: pSim, classes: classes(z: z, p: p), weights: star)
  }

  /// ArcGIS `Gi_Bin`: ±3 at p ≤ 0.01, ±2 at p ≤ 0.05, ±1 at p ≤ 0.10 (sign of z), else 0.
  public static func classes(z: [Double], p: [Double]) -> [Int] {
    zip(z, p).map { z, p in
      let level = p <= 0.01 ? 3 : p <= 0.05 ? 2 : p <= 0.10 ? 1 : 0
      return z > 0 ? level : z < 0 ? -level : 0
    }
  }
}
