import Foundation
import GeoCore

/// Local Moran's Iᵢ (a LISA): each feature's contribution to global Moran's I, with its
/// quadrant and conditional permutation pseudo p.
///
/// Anselin (1995), "Local indicators of spatial association — LISA", Geographical Analysis 27(2).
/// We report esda's `Moran_Local` form, Iᵢ = (n − 1) · zᵢ · Σⱼ wᵢⱼ zⱼ / Σ z², z = x − x̄
/// (GeoDa's n-scaled form is this times n/(n − 1)). Quadrants from the signs of zᵢ and its lag
/// (a zero counts as low, as esda): HH, LH, LL, HL.
///
/// - Parameters:
///   - values: x, one per feature.
///   - weights: already transformed (esda's default is row-standardised).
///   - permutations: R conditional permutations (0: no p_sim).
///   - seed: see `ConditionalPermutation`.
/// - Returns: Iᵢ, quadrant and pseudo p per feature.
/// - Complexity: O(n + nnz), plus O(R · nnz).
///
/// ## Properties
/// - Σᵢ Iᵢ = (n − 1) · S0/n · I (global Moran's I); with row-standardised weights S0 = n − islands.
/// - Iᵢ > 0 exactly in the HH and LL quadrants (when zᵢ ≠ 0 and its lag ≠ 0).
///
/// ## Parity
/// esda `Moran_Local(y, w, transformation='r')`.Is; p_sim is two-sided (see
/// `ConditionalPermutation`), not esda's folded one-sided count.
///
/// ## Example
/// ```swift
/// let local = LocalMoransI.compute(values: crime, weights: queen.transformed(.row), permutations: 999, seed: 1)
/// local.quadrants[0]  // .lowLow
/// ```
public struct LocalMoransI: Sendable {
  /// The quadrant of (zᵢ, lag): H above the mean, L at or below; raw values `HH`, `LH`, `LL`, `HL`.
  public enum Quadrant: String, Sendable {
    case highHigh = "HH"
    case lowHigh = "LH"
    case lowLow = "LL"
    case highLow = "HL"
  }

  /// The values x as given, one per feature.
  public var values: [Double]
  /// The spatial lag of the deviations, Σⱼ wᵢⱼ (xⱼ − x̄), one per feature (not the lag of x).
  public var lag: [Double]
  /// Iᵢ in esda's form, one per feature (all 0 when every value is equal).
  public var i: [Double]
  /// The quadrant of each feature.
  public var quadrants: [Quadrant]
  /// Two-sided conditional permutation pseudo p per feature, in [1/(R + 1), 1]; nil without permutations.
  public var pSim: [Double]?

  /// Local Moran's Iᵢ of `values` as described above.
  /// - Precondition: `weights.count == values.count`.
  public static func compute(
    values: [Double], weights: SpatialWeights, permutations: Int = 0, seed: UInt64 = 0
  ) -> LocalMoransI {
    let n = values.count
    precondition(weights.count == n)
    let mean = values.reduce(0, +) / Double(n)
    let z = values.map { $0 - mean }
    let m2 = z.reduce(0) { $0 + $1 * $1 }
    let lag = weights.lag(z)
    let scale = m2 > 0 ? Double(n - 1) / m2 : 0
    let local = z.indices.map { scale * z[$0] * lag[$0] }
    let quadrants = z.indices.map { k -> Quadrant in
      switch (z[k] > 0, lag[k] > 0) {
      case (true, true): .highHigh
      case (false, true): .lowHigh
      case (false, false): .lowLow
      case (true, false): .highLow
      }
    }
    let pSim =
      permutations > 0
      ? ConditionalPermutation.pValues(values: z, weights: weights, permutations: permutations, seed: seed) : nil
    return LocalMoransI(values: values, lag: lag, i: local, quadrants: quadrants, pSim: pSim)
  }
}
