import Foundation

/// How sure a rank is: counts resampled from Poisson distributions, the ranking redone.
///
/// A parametric bootstrap (Efron & Tibshirani 1993, ch. 6; for league tables Goldstein &
/// Spiegelhalter 1996): each count c is replaced by a draw from Poisson(c), the score recomputed
/// by `score`, and the ranks taken as in `RiskScore.ranks`. The 90 % interval of an area's rank
/// is the 5th and 95th percentile of its resampled ranks (nearest rank: the sorted values at
/// round(0.05 (R − 1)) and round(0.95 (R − 1))); `pTop` is the share of resamples with rank ≤ k.
///
/// - Parameters:
///   - cells: the observed counts.
///   - resamples: R ≥ 1.
///   - seed: seeds one `SplitMix64`; the draws are made cell by cell, resample by resample.
///   - k: the size of the short list.
///   - groups: as `RiskScore.ranks`.
///   - score: scores per area from (resampled) counts.
/// - Returns: rank_low, rank_high and p_top_k per area.
/// - Complexity: O(R · (Σ c + cost of score)).
///
/// ## Properties
/// - The same seed gives the same answer; counts of 0 stay 0.
/// - As the counts grow (the same pattern, more incidents) the intervals narrow.
///
/// ## Parity
/// None: the interval is a Monte Carlo estimate; its resamples are fixed by the seed.
///
/// ## Example
///     let u = RankUncertainty.compute(cells: [5, 50], resamples: 99, seed: 1, k: 1, groups: nil) {
///       $0.map(Double.init) }
///     u.pTop   // [0.0, 1.0]
public enum RankUncertainty {
  /// Per area, the 90 % interval of its resampled rank and its chance of the short list.
  public struct Result: Sendable {
    /// Per area, the 5th percentile of its resampled ranks (nearest rank; 1 = highest risk).
    public var low: [Int]
    /// Per area, the 95th percentile of its resampled ranks (nearest rank).
    public var high: [Int]
    /// Per area, the share of resamples in which its rank is ≤ k, 0…1.
    public var pTop: [Double]
  }

  /// The intervals and short-list chances described above.
  /// - Precondition: `resamples ≥ 1`.
  public static func compute(
    cells: [Int], resamples: Int, seed: UInt64, k: Int, groups: [Int]?,
    score: ([Int]) -> [Double]
  ) -> Result {
    precondition(resamples >= 1)
    var rng = SplitMix64(seed: seed)
    var sampled: [[Int]] = []
    var draws = cells
    for _ in 0..<resamples {
      for i in cells.indices { draws[i] = poisson(Double(cells[i]), using: &rng) }
      sampled.append(RiskScore.ranks(scores: score(draws), groups: groups))
    }
    let n = sampled.first?.count ?? 0
    let lowIndex = Int((0.05 * Double(resamples - 1)).rounded())
    let highIndex = Int((0.95 * Double(resamples - 1)).rounded())
    var low: [Int] = []
    var high: [Int] = []
    var pTop: [Double] = []
    for area in 0..<n {
      let ranks = sampled.map { $0[area] }.sorted()
      low.append(ranks[lowIndex])
      high.append(ranks[highIndex])
      pTop.append(Double(ranks.filter { $0 <= k }.count) / Double(resamples))
    }
    return Result(low: low, high: high, pTop: pTop)
  }

  /// A Poisson(λ) draw: inversion by sequential search, λ taken in pieces of at most 30
  /// (a sum of Poisson draws is Poisson) so that e^(−λ) never underflows.
  public static func poisson(_ lambda: Double, using rng: inout some RandomNumberGenerator) -> Int {
    var remaining = lambda
    var total = 0
    while remaining > 0 {
      let piece = min(remaining, 30)
      remaining -= piece
      var p = Foundation.exp(-piece)
      var cumulative = p
      let u = Double(rng.next() >> 11) * 0x1.0p-53
      var x = 0
      while u > cumulative && x < 1_000 {
        x += 1
        p *= piece / Double(x)
        cumulative += p
      }
      total += x
    }
    return total
  }
}
