import Foundation
import GeoCore

/// Getis-Ord Gi* on a space-time cube, every bin against its time slice: the first stage of
/// Emerging Hot Spot Analysis, as sfdep's `emerging_hotspot_analysis` (`local_g_spt`, with
/// `spt_nb`/`spt_wt` building the space-time neighbours) computes it.
///
/// The neighbourhood of bin (i, t) is location i and its spatial neighbours (the "star": i is
/// always included), in step t and in each of the `timeLags` = K steps before it,
/// t − 1 … t − K; the first K steps have only the lags that exist, m = min(t, K). Every bin of
/// the neighbourhood weighs 1, so with Nᵢ the star's size, Wᵢₜ = Nᵢ (m + 1) = S1ᵢₜ. Then, over the
/// n locations of step t only (the lagged bins are not part of the standardisation):
///
/// zᵢₜ = (Σ_{τ = t−m…t} Σ_{j ∈ Nᵢ} x_{jτ} − Wᵢₜ x̄ₜ) / (sₜ · √((n Wᵢₜ − Wᵢₜ²)/(n − 1))),
/// x̄ₜ = Σⱼ x_{jt} / n, sₜ² = Σⱼ (x_{jt} − x̄ₜ)² / n (divisor n, not n − 1),
///
/// which is sfdep's `local_g_spt_calc` (from the body of spdep's `localG`): it loops over time
/// slices, takes `mean(x)` and `sum(scale(x, scale = FALSE)^2)/n` of the slice's n values and
/// n = the number of locations, while the lagged neighbours' values enter the weighted sum only.
/// It is Ord & Getis (1995) eq. 14 with the bin's neighbourhood drawn from step t's distribution;
/// with one step (or K = 0) it is exactly `GetisOrdGiStar` with binary weights.
///
/// - Parameters:
///   - cube: the values, locations × steps.
///   - weights: spatial neighbours *without* self (i is added). Only who neighbours whom is used:
///     weights are binary. sfdep's default row-standardised weights give the same z, because each
///     row's weights are equal (1/Nᵢ, repeated for every lag) and Gi* z does not change when one
///     row's weights are scaled.
///   - timeLags: K ≥ 0, the steps before t in the neighbourhood (sfdep `k`, default 1; ArcGIS
///     "Neighborhood Time Step" counts step t as well: K + 1).
///   - permutations: R for the conditional permutation pseudo p (0: none); see below.
///   - seed: bin (i, t) draws from `SplitMix64(seed: ConditionalPermutation.mixed(seed, i·T + t))`.
/// - Returns: z, the two-sided analytic p = 2(1 − Φ(|zᵢₜ|)), and the pseudo p when asked,
///   row-major by location as the cube.
/// - Complexity: O(T · nnz + n · T · K), plus O(R · nnz · (K + 1) · T) with permutations; split
///   over the cores.
///
/// ## Conditional permutation (within the bin's step)
/// Bin (i, t) keeps its own value x_{it}; the other Wᵢₜ − 1 bins of its neighbourhood are replaced
/// by Wᵢₜ − 1 values drawn without replacement from the other n − 1 locations *of step t*, R times.
/// This is the reference distribution whose normal approximation the analytic z is (the same
/// n, x̄ₜ and sₜ). Two-sided as `ConditionalPermutation`: M counts permuted sums at least as far
/// from their mean (Wᵢₜ − 1)(Σⱼ x_{jt} − x_{it})/(n − 1) as the observed one (1e-12 relative
/// allowance), p = (M + 1)/(R + 1). Deterministic for a seed, whatever the thread count.
/// sfdep differs: its `cond_permute_nb` draws all Wᵢₜ neighbour bins (self included) from every
/// other bin of the *whole cube*, and reports the folded one-sided min(p_low, p_high).
///
/// ## Properties
/// - Where sₜ = 0 (step t has every value equal, e.g. no incident anywhere), or n Wᵢₜ − Wᵢₜ² ≤ 0
///   (the neighbourhood holds as many bins as the slice has locations, or more), z = 0, p = 1 and
///   the pseudo p is 1: nothing can stand out. sfdep returns NaN or ±Inf there.
/// - A location that is an island has Nᵢ = 1: itself, and its own lagged bins.
///
/// ## Parity
/// Equal to a dense computation over the bins of the cube (tested to 1e-9), and to
/// `GetisOrdGiStar` (binary) on a single step. The classification that follows is
/// `EmergingHotSpotClass`.
public enum SpaceTimeGetisOrdGiStar {
  /// z and p of every bin, laid out as the cube (bin (i, t) at i · steps + t).
  public struct Result: Sendable {
    /// Locations of the cube.
    public var locationCount: Int
    /// Time steps of the cube.
    public var stepCount: Int
    /// K, the steps before t in every neighbourhood.
    public var timeLags: Int
    /// zᵢₜ at `i * stepCount + t`.
    public var z: [Double]
    /// Two-sided analytic p, same layout.
    public var p: [Double]
    /// Conditional permutation pseudo p (within each step), same layout; nil without permutations.
    public var pSim: [Double]?

    /// A location's z, oldest step first.
    public func zSeries(of location: Int) -> ArraySlice<Double> {
      z[(location * stepCount)..<((location + 1) * stepCount)]
    }

    /// A location's analytic p (or pseudo p, when `permutation` and computed), oldest step first.
    public func pSeries(of location: Int, permutation: Bool = false) -> ArraySlice<Double> {
      let source = permutation ? (pSim ?? p) : p
      return source[(location * stepCount)..<((location + 1) * stepCount)]
    }
  }

  /// Space-time Gi* with neighbour lists (each without self; i is added).
  public static func compute(
    cube: SpaceTimeCube, neighbours: [[Int]], timeLags: Int = 1, permutations: Int = 0, seed: UInt64 = 0
  ) -> Result {
    compute(
      cube: cube, weights: SpatialWeights(lists: neighbours), timeLags: timeLags,
      permutations: permutations, seed: seed)
  }

  /// Space-time Gi* of every bin of `cube`, the location's spatial neighbours (`weights`, the
  /// location itself added) in the same step and in the `timeLags` steps before it.
  /// - Parameters:
  ///   - cube: counts, locations × steps.
  ///   - weights: the spatial neighbours of each location (their weights are not used: binary).
  ///   - timeLags: K, the earlier steps in each neighbourhood (fewer in the first steps).
  ///   - permutations: conditional permutations per bin within its own step (0: none).
  ///   - seed: the permutations' seed; the same seed gives the same p whatever the thread count.
  public static func compute(
    cube: SpaceTimeCube, weights: SpatialWeights, timeLags: Int = 1, permutations: Int = 0, seed: UInt64 = 0
  ) -> Result {
    let n = cube.locationCount
    let steps = cube.stepCount
    precondition(weights.count == n, "weights are not for the cube's locations")
    precondition(timeLags >= 0 && permutations >= 0)
    let star = weights.includingSelf(weight: 1)
    let nd = Double(n)
    // Each step's mean and variance (divisor n), by two passes.
    var means = [Double](repeating: 0, count: steps)
    var variances = [Double](repeating: 0, count: steps)
    var totals = [Double](repeating: 0, count: steps)
    for i in 0..<n {
      for t in 0..<steps { totals[t] += cube.values[i * steps + t] }
    }
    for t in 0..<steps { means[t] = n > 0 ? totals[t] / nd : 0 }
    for i in 0..<n {
      for t in 0..<steps {
        let d = cube.values[i * steps + t] - means[t]
        variances[t] += d * d
      }
    }
    for t in 0..<steps { variances[t] = n > 0 ? variances[t] / nd : 0 }
    let stepMeans = means
    let stepVariances = variances

    let count = n * steps
    var z = [Double](repeating: 0, count: count)
    var p = [Double](repeating: 1, count: count)
    let values = cube.values
    z.withUnsafeMutableBufferPointer { zBuffer in
      p.withUnsafeMutableBufferPointer { pBuffer in
        guard let zBase = zBuffer.baseAddress, let pBase = pBuffer.baseAddress else { return }
        let zOut = DisjointWrites(zBase)
        let pOut = DisjointWrites(pBase)
        Parallel.forEachRange(count: n, minimumChunk: 256) { range in
          var spatial = [Double](repeating: 0, count: steps)
          for i in range {
            // The star's sum at every step, then sums over the lag window.
            for t in 0..<steps { spatial[t] = 0 }
            for k in star.offsets[i]..<star.offsets[i + 1] {
              let row = star.neighbourIndices[k] * steps
              for t in 0..<steps { spatial[t] += values[row + t] }
            }
            let size = Double(star.cardinality(of: i))
            for t in 0..<steps {
              let lags = Swift.min(t, timeLags)
              var sum = 0.0
              for tau in (t - lags)...t { sum += spatial[tau] }
              let w = size * Double(lags + 1)
              let variance = stepVariances[t] * (nd * w - w * w) / (nd - 1)
              let denominator = variance.squareRoot()
              if n > 1 && variance > 0 && denominator.isFinite {
                let score = (sum - w * stepMeans[t]) / denominator
                zOut[i * steps + t] = score
                pOut[i * steps + t] = NormalDistribution.twoSidedP(score)
              }
            }
          }
        }
      }
    }
    let pSim =
      permutations > 0
      ? permutationP(
        cube: cube, star: star, timeLags: timeLags, totals: totals, variances: variances,
        permutations: permutations, seed: seed)
      : nil
    return Result(locationCount: n, stepCount: steps, timeLags: timeLags, z: z, p: p, pSim: pSim)
  }

  /// The pseudo p of every bin, drawing within the bin's step (see the type's comment).
  static func permutationP(
    cube: SpaceTimeCube, star: SpatialWeights, timeLags: Int, totals: [Double], variances: [Double],
    permutations: Int, seed: UInt64
  ) -> [Double] {
    let n = cube.locationCount
    let steps = cube.stepCount
    var result = [Double](repeating: 1, count: n * steps)
    guard n > 1 else { return result }
    // Step-major copy: the slice of step t is contiguous.
    var stepMajor = [Double](repeating: 0, count: n * steps)
    for i in 0..<n {
      for t in 0..<steps { stepMajor[t * n + i] = cube.values[i * steps + t] }
    }
    let slices = stepMajor
    let values = cube.values
    result.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let out = DisjointWrites(base)
      Parallel.forEachRange(count: n, minimumChunk: 16) { range in
        var stamp = [UInt32](repeating: 0, count: n)
        var generation: UInt32 = 0
        var scratch: [Int] = []
        var spatial = [Double](repeating: 0, count: steps)
        let others = n - 1
        for i in range {
          for t in 0..<steps { spatial[t] = 0 }
          for k in star.offsets[i]..<star.offsets[i + 1] {
            let row = star.neighbourIndices[k] * steps
            for t in 0..<steps { spatial[t] += values[row + t] }
          }
          let size = star.cardinality(of: i)
          for t in 0..<steps {
            let lags = Swift.min(t, timeLags)
            let slots = size * (lags + 1) - 1
            guard slots > 0, slots < others, variances[t] > 0 else { continue }
            let own = values[i * steps + t]
            var observed = -own
            for tau in (t - lags)...t { observed += spatial[tau] }
            let expected = Double(slots) * (totals[t] - own) / Double(others)
            let observedDistance = abs(observed - expected)
            let allowance = 1e-12 * Swift.max(1, abs(observed) + abs(expected))
            let slice = t * n
            var rng = SplitMix64(seed: ConditionalPermutation.mixed(seed, UInt64(i * steps + t)))
            let useRejection = slots * 2 <= others
            if !useRejection { scratch = (0..<n).filter { $0 != i } }
            var extreme = 0
            for _ in 0..<permutations {
              var sum = 0.0
              if useRejection {
                generation &+= 1
                if generation == 0 {
                  for q in stamp.indices { stamp[q] = 0 }
                  generation = 1
                }
                var drawn = 0
                while drawn < slots {
                  var j = Int(rng.next(upperBound: UInt64(others)))
                  if j >= i { j += 1 }
                  if stamp[j] == generation { continue }
                  stamp[j] = generation
                  sum += slices[slice + j]
                  drawn += 1
                }
              } else {
                // Partial Fisher–Yates over the step's other locations.
                for s in 0..<slots {
                  let r = s + Int(rng.next(upperBound: UInt64(others - s)))
                  scratch.swapAt(s, r)
                  sum += slices[slice + scratch[s]]
                }
              }
              if abs(sum - expected) >= observedDistance - allowance { extreme += 1 }
            }
            out[i * steps + t] = Double(extreme + 1) / Double(permutations + 1)
          }
        }
      }
    }
    return result
  }
}
