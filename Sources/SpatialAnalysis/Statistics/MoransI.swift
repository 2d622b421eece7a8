import Foundation
import GeoCore

/// Global Moran's I: the correlation between values and their spatial lag, with its moments
/// under normality and randomisation and an optional permutation pseudo p.
///
/// Moran (1950); Cliff & Ord (1981), *Spatial Processes*, eqs. 1.35–1.38. METHODS.md:
/// z = x − x̄; I = (n/S0) Σᵢⱼ wᵢⱼ zᵢ zⱼ / Σ zᵢ²; E[I] = −1/(n − 1);
/// Var_N = (n² S1 − n S2 + 3 S0²)/((n² − 1) S0²) − E[I]²;
/// Var_R = [n((n² − 3n + 3) S1 − n S2 + 3 S0²) − b2((n² − n) S1 − 2n S2 + 6 S0²)]
///         / ((n − 1)(n − 2)(n − 3) S0²) − E[I]², b2 = n Σz⁴/(Σz²)².
///
/// - Parameters:
///   - values: x, one per feature (n ≥ 4 for the randomisation variance).
///   - weights: already transformed (esda's default is row-standardised).
///   - permutations: R full permutations of the values for the pseudo p (0: none).
///   - seed: for the permutations (one `SplitMix64` stream).
/// - Returns: I, E[I], the two variances, their z and two-sided p, and p_sim.
/// - Complexity: O(n + nnz · log(row length)), plus O(R · nnz).
///
/// ## Properties
/// - Invariant under x → a·x + b (a ≠ 0).
/// - p_sim two-sided: M = the permuted I at least as far from E[I] as the observed (1e-12
///   relative allowance), p_sim = (M + 1)/(R + 1). esda folds a one-sided count instead.
/// - Constant values (Σz² = 0) give I = NaN, z = NaN, p = NaN.
///
/// ## Parity
/// esda 2.9 `Moran(y, w)` on Columbus CRIME with row-standardised queen weights: I, EI, VI_norm,
/// z_norm, p_norm, VI_rand, z_rand, p_rand to 1e-9.
///
/// ## Example
/// ```swift
/// let m = MoransI.compute(values: crime, weights: queen.transformed(.row))
/// m.i  // 0.5002 for Columbus
/// ```
public struct MoransI: Sendable {
  /// The number of features.
  public var n: Int
  /// Moran's I.
  public var i: Double
  /// E[I] = −1/(n − 1).
  public var expected: Double
  /// Var[I] under the normality assumption.
  public var varianceNormal: Double
  /// (I − E[I]) / √Var_N.
  public var zNormal: Double
  /// Two-sided p of `zNormal`.
  public var pNormal: Double
  /// Var[I] under randomisation (needs n ≥ 4).
  public var varianceRandom: Double
  /// (I − E[I]) / √Var_R.
  public var zRandom: Double
  /// Two-sided p of `zRandom`.
  public var pRandom: Double
  /// Pseudo p from `permutations` (nil without).
  public var pSim: Double?
  /// R, the permutations asked for (0: none); `pSim` is nil when I is not finite, whatever R.
  public var permutations: Int
  /// S0 = Σᵢⱼ wᵢⱼ.
  public var s0: Double
  /// S1 = ½ Σᵢⱼ (wᵢⱼ + wⱼᵢ)².
  public var s1: Double
  /// S2 = Σᵢ (wᵢ. + w.ᵢ)², row sum plus column sum.
  public var s2: Double

  /// Moran's I of `values` as described above.
  /// - Precondition: `weights.count == values.count`.
  public static func compute(
    values: [Double], weights: SpatialWeights, permutations: Int = 0, seed: UInt64 = 0
  ) -> MoransI {
    let n = values.count
    precondition(weights.count == n)
    let nd = Double(n)
    let mean = values.reduce(0, +) / nd
    let z = values.map { $0 - mean }
    let m2 = z.reduce(0) { $0 + $1 * $1 }
    let m4 = z.reduce(0) { $0 + $1 * $1 * $1 * $1 }
    // S0, S1, S2 from the sparse rows.
    var s0 = 0.0
    var s1 = 0.0
    var columnSums = [Double](repeating: 0, count: n)
    weights.forEachEntry { k, w, reverse in
      let b = weights.neighbourIndices[k]
      s0 += w
      columnSums[b] += w
      // A pair listed one way only stands for both (i, j) and (j, i) in S1's sum; a diagonal
      // entry (i, i) is its own reverse.
      s1 += reverse != 0 ? (w + reverse) * (w + reverse) : 2 * w * w
    }
    s1 /= 2
    let rowSums = weights.rowSums
    var s2 = 0.0
    for a in 0..<n { s2 += (rowSums[a] + columnSums[a]) * (rowSums[a] + columnSums[a]) }

    let statistic = moran(z: z, m2: m2, s0: s0, weights: weights)
    let expected = -1 / (nd - 1)
    let vn = (nd * nd * s1 - nd * s2 + 3 * s0 * s0) / ((nd * nd - 1) * s0 * s0) - expected * expected
    let b2 = nd * m4 / (m2 * m2)
    let vr =
      (nd * ((nd * nd - 3 * nd + 3) * s1 - nd * s2 + 3 * s0 * s0)
        - b2 * ((nd * nd - nd) * s1 - 2 * nd * s2 + 6 * s0 * s0))
      / ((nd - 1) * (nd - 2) * (nd - 3) * s0 * s0) - expected * expected
    let zn = (statistic - expected) / vn.squareRoot()
    let zr = (statistic - expected) / vr.squareRoot()

    var pSim: Double?
    if permutations > 0 && statistic.isFinite {
      var rng = SplitMix64(seed: seed)
      var shuffled = z
      var extreme = 0
      let observed = abs(statistic - expected)
      let allowance = 1e-12 * Swift.max(1, abs(statistic))
      for _ in 0..<permutations {
        shuffled.shuffle(using: &rng)
        let simulated = moran(z: shuffled, m2: m2, s0: s0, weights: weights)
        if abs(simulated - expected) >= observed - allowance { extreme += 1 }
      }
      pSim = Double(extreme + 1) / Double(permutations + 1)
    }
    return MoransI(
      n: n, i: statistic, expected: expected, varianceNormal: vn, zNormal: zn,
      pNormal: NormalDistribution.twoSidedP(zn), varianceRandom: vr, zRandom: zr,
      pRandom: NormalDistribution.twoSidedP(zr), pSim: pSim, permutations: permutations, s0: s0, s1: s1, s2: s2)
  }

  static func moran(z: [Double], m2: Double, s0: Double, weights: SpatialWeights) -> Double {
    var cross = 0.0
    for a in z.indices {
      var lag = 0.0
      for k in weights.offsets[a]..<weights.offsets[a + 1] {
        lag += weights.weightValues[k] * z[weights.neighbourIndices[k]]
      }
      cross += z[a] * lag
    }
    return Double(z.count) / s0 * cross / m2
  }
}
