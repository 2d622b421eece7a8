import Foundation
import GeoCore

/// Conditional permutation inference for local statistics (Anselin 1995, §4; esda `crand`):
/// feature i keeps its value; the other n − 1 values are drawn at random, without replacement,
/// into i's neighbour slots, R times.
///
/// The permuted quantity is the neighbour lag L_i = Σ_{j ≠ i} w_ij x_j, of which Gi* and the local
/// Moran Iᵢ are affine functions for fixed xᵢ, so the same counts serve both.
/// Two-sided: M counts the permuted lags at least as far from their expectation under the
/// permutation, E = (Σ_{j ≠ i} w_ij) · mean of the other values, as the observed lag
/// (a 1e-12 relative allowance keeps exact ties). Pseudo p = (M + 1)/(R + 1) (METHODS.md).
/// esda's default `alternative="directed"` folds a one-sided count instead; not copied.
///
/// - Parameters:
///   - values: x, one per feature.
///   - weights: the weights; a self entry (w_ii) is held with xᵢ, not permuted.
///   - permutations: R ≥ 1.
///   - seed: feature i draws from `SplitMix64(seed: mixed(seed, i))`.
/// - Returns: the pseudo p of every feature (1 for islands).
/// - Complexity: O(R · nnz), split over the cores.
///
/// ## Properties
/// - Deterministic for a seed, whatever the thread count: each feature has its own generator.
/// - 1/(R + 1) ≤ p ≤ 1.
public enum ConditionalPermutation {
  /// The pseudo p of every feature, as described above.
  /// - Precondition: `weights.count == values.count` and `permutations ≥ 1`.
  public static func pValues(
    values: [Double], weights: SpatialWeights, permutations: Int, seed: UInt64
  ) -> [Double] {
    let n = values.count
    precondition(weights.count == n && permutations >= 1)
    var result = [Double](repeating: 1, count: n)
    guard n > 1 else { return result }
    let total = values.reduce(0, +)
    result.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let out = DisjointWrites(base)
      Parallel.forEachRange(count: n, minimumChunk: 64) { range in
        var stamp = [UInt32](repeating: 0, count: n)
        var generation: UInt32 = 0
        var drawn: [Int] = []
        var slotWeights: [Double] = []
        var scratch: [Int] = []
        for i in range {
          slotWeights.removeAll(keepingCapacity: true)
          var observed = 0.0
          for k in weights.offsets[i]..<weights.offsets[i + 1] where weights.neighbourIndices[k] != i {
            slotWeights.append(weights.weightValues[k])
            observed += weights.weightValues[k] * values[weights.neighbourIndices[k]]
          }
          let slots = slotWeights.count
          guard slots > 0 else { continue }
          let weightSum = slotWeights.reduce(0, +)
          let expected = weightSum * (total - values[i]) / Double(n - 1)
          let observedDistance = abs(observed - expected)
          let allowance = 1e-12 * Swift.max(1, abs(observed) + abs(expected))
          var rng = SplitMix64(seed: mixed(seed, UInt64(i)))
          var extreme = 0
          let others = n - 1
          let useRejection = slots * 2 <= others
          if !useRejection {
            scratch = (0..<n).filter { $0 != i }
          }
          for _ in 0..<permutations {
            var lag = 0.0
            if useRejection {
              generation &+= 1
              if generation == 0 {
                for q in stamp.indices { stamp[q] = 0 }
                generation = 1
              }
              drawn.removeAll(keepingCapacity: true)
              while drawn.count < slots {
                var j = Int(rng.next(upperBound: UInt64(others)))
                if j >= i { j += 1 }
                if stamp[j] == generation { continue }
                stamp[j] = generation
                drawn.append(j)
              }
              for s in 0..<slots { lag += slotWeights[s] * values[drawn[s]] }
            } else {
              // Partial Fisher–Yates over the other features.
              for s in 0..<slots {
                let r = s + Int(rng.next(upperBound: UInt64(others - s)))
                scratch.swapAt(s, r)
                lag += slotWeights[s] * values[scratch[s]]
              }
            }
            if abs(lag - expected) >= observedDistance - allowance { extreme += 1 }
          }
          out[i] = Double(extreme + 1) / Double(permutations + 1)
        }
      }
    }
    return result
  }

  /// A seed for feature `index` from the run's seed (SplitMix64's finaliser of both), so that
  /// neighbouring features get unrelated streams.
  public static func mixed(_ seed: UInt64, _ index: UInt64) -> UInt64 {
    var z = seed &+ (index &+ 1) &* 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    z = (z ^ 0xD6E8_FEB8_6659_FD93) &* 0xBF58_476D_1CE4_E5B9
    return z ^ (z >> 29)
  }
}

/// The standard normal distribution's two-sided tail.
public enum NormalDistribution {
  /// 2 · (1 − Φ(|z|)), computed as erfc(|z|/√2) so that small p keep their digits.
  public static func twoSidedP(_ z: Double) -> Double {
    guard z.isFinite else { return z.isNaN ? .nan : 0 }
    return erfc(abs(z) / 2.0.squareRoot())
  }
}
