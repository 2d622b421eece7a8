import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Maximal covering")
struct MaximalCoveringTests {
  /// Weight of the demand points within `radius` of any of `sites`, not already covered, by
  /// scanning every pair.
  static func bruteCoverage(
    _ sites: [Point], points: [Point], weights: [Int], radius: Double, covered: [Bool]
  ) -> Int {
    var total = 0
    for (j, p) in points.enumerated() where !covered[j] {
      if sites.contains(where: { ($0.x - p.x) * ($0.x - p.x) + ($0.y - p.y) * ($0.y - p.y) <= radius * radius }) {
        total += weights[j]
      }
    }
    return total
  }

  /// Plain greedy, written independently: each step scans every candidate, gains by brute force,
  /// ties to the lowest index; stops when nothing more is covered.
  static func plainGreedy(
    candidates: [Point], k: Int, points: [Point], weights: [Int], radius: Double, covered initial: [Bool]
  ) -> [Int] {
    var chosen: [Int] = []
    var covered = initial
    for _ in 0..<k {
      var best = -1
      var bestGain = 0
      for (c, site) in candidates.enumerated() {
        let gain = bruteCoverage([site], points: points, weights: weights, radius: radius, covered: covered)
        if gain > bestGain {
          best = c
          bestGain = gain
        }
      }
      guard best >= 0 else { break }
      chosen.append(best)
      for (j, p) in points.enumerated() {
        let s = candidates[best]
        if (s.x - p.x) * (s.x - p.x) + (s.y - p.y) * (s.y - p.y) <= radius * radius { covered[j] = true }
      }
    }
    return chosen
  }

  /// The best coverage of any k candidates (all k-subsets).
  static func bruteOptimum(
    candidates: [Point], k: Int, points: [Point], weights: [Int], radius: Double, covered: [Bool]
  ) -> Int {
    var best = 0
    func walk(_ start: Int, _ chosen: [Point]) {
      if chosen.count == k || start == candidates.count {
        best = max(best, bruteCoverage(chosen, points: points, weights: weights, radius: radius, covered: covered))
        return
      }
      for c in start..<candidates.count { walk(c + 1, chosen + [candidates[c]]) }
    }
    walk(0, [])
    return best
  }

  @Test("a hand-computed case where greedy is not optimal: the middle site first, then 8 of the best 10")
  func handComputed() {
    // Radius 10. a (−5, 0) and b (5, 0) weigh 3; c (−20, 0) and d (20, 0) weigh 2.
    // M (0, 0) covers a, b: 6. L (−12.5, 0) covers a, c: 5. R (12.5, 0) covers b, d: 5.
    let points = [Point(x: -5, y: 0), Point(x: 5, y: 0), Point(x: -20, y: 0), Point(x: 20, y: 0)]
    let cover = MaximalCovering(points: points, weights: [3, 3, 2, 2], radius: 10)
    let candidates = [Point(x: -12.5, y: 0), Point(x: 0, y: 0), Point(x: 12.5, y: 0)]
    let result = cover.greedy(candidates: candidates, count: 2)
    // Greedy: M (gain 6), then L and R both gain 2, L first in order: 8 in all.
    #expect(result.selections.map(\.candidate) == [1, 0])
    #expect(result.selections.map(\.gain) == [6, 2])
    #expect(result.selections.map(\.cumulative) == [6, 8])
    // The best pair is L + R = 10; the bound: min(6 + 5, 8 + the 2 that R would still add) = 10.
    #expect(result.upperBound == 10)
    #expect(result.coveredBy == [1, 1, 2, -1])
    #expect(result.usefulCandidates == 3)
  }

  @Test("existing sites: the incidents they cover, counted by hand, and only the rest count as gain")
  func existingSites() {
    let points = [Point(x: 0, y: 0), Point(x: 100, y: 0), Point(x: 200, y: 0), Point(x: 1000, y: 0)]
    let weights = [4, 1, 2, 7]
    let cover = MaximalCovering(points: points, weights: weights, radius: 150)
    // The site at (50, 0) reaches (0, 0) and (100, 0) (50 m) and (200, 0) (150 m, the radius).
    let covered = cover.covered(by: [Point(x: 50, y: 0)])
    #expect(covered == [true, true, true, false])
    let result = cover.greedy(candidates: [Point(x: 150, y: 0), Point(x: 1100, y: 0)], count: 2, covered: covered)
    #expect(result.initiallyCovered == 7)
    // (150, 0) covers only what is covered already: no gain; (1100, 0) covers the 7 at (1000, 0).
    #expect(result.selections.map(\.candidate) == [1])
    #expect(result.selections.map(\.cumulative) == [14])
    #expect(result.coveredBy == [0, 0, 0, 1])
    #expect(result.upperBound == 7)
  }

  @Test("a distance equal to the radius is covered; a hair more is not")
  func boundary() {
    // 90² + 120² = 150² exactly.
    let cover = MaximalCovering(
      points: [Point(x: 90, y: 120), Point(x: 90, y: 120.001)], weights: [1, 1], radius: 150)
    #expect(cover.covered(by: [Point(x: 0, y: 0)]) == [true, false])
    #expect(cover.gain(of: Point(x: 0, y: 0), covered: [false, false]) == 1)
    // From (180, 240): (90, 120) exactly 150 m away, (90, 120.001) a hair nearer; both count.
    #expect(cover.gain(of: Point(x: 180, y: 240), covered: [false, false]) == 2)
  }

  @Test("no candidates, no demand, or k = 0: nothing chosen, no crash")
  func empty() {
    let none = MaximalCovering(points: [], weights: [], radius: 10).greedy(candidates: [Point(x: 0, y: 0)], count: 3)
    #expect(none.selections.isEmpty && none.upperBound == 0)
    let cover = MaximalCovering(points: [Point(x: 0, y: 0)], weights: [2], radius: 10)
    #expect(cover.greedy(candidates: [], count: 3).selections.isEmpty)
    #expect(cover.greedy(candidates: [Point(x: 0, y: 0)], count: 0).selections.isEmpty)
    // k larger than the useful candidates: stops when nothing more is covered.
    let result = cover.greedy(candidates: [Point(x: 0, y: 0), Point(x: 1, y: 0)], count: 5)
    #expect(result.selections.map(\.candidate) == [0])
    #expect(result.upperBound == 2)
  }

  @Test(
    "greedy equals plain greedy, is within (1 − 1/e) of the brute-force optimum, and the bound holds", arguments: 0..<60
  )
  func againstBruteForce(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let n = Int.random(in: 1...14, using: &rng)
    // A coarse lattice: stacked points and equal gains are common, so ties are exercised.
    let points = (0..<n).map { _ in
      Point(x: Double(Int.random(in: 0...10, using: &rng)) * 10, y: Double(Int.random(in: 0...10, using: &rng)) * 10)
    }
    let weights = (0..<n).map { _ in Int.random(in: 1...4, using: &rng) }
    let candidates = (0..<Int.random(in: 1...9, using: &rng)).map { _ in
      Point(x: Double(Int.random(in: 0...10, using: &rng)) * 10, y: Double(Int.random(in: 0...10, using: &rng)) * 10)
    }
    let radius = Double(Int.random(in: 1...4, using: &rng)) * 10
    let cover = MaximalCovering(points: points, weights: weights, radius: radius)
    let existing = seed % 3 == 0 ? [Point(x: 50, y: 50)] : []
    let covered = cover.covered(by: existing)
    for k in 1...3 {
      let result = cover.greedy(candidates: candidates, count: k, covered: covered)
      let plain = Self.plainGreedy(
        candidates: candidates, k: k, points: points, weights: weights, radius: radius, covered: covered)
      #expect(result.selections.map(\.candidate) == plain, "seed \(seed), k \(k)")
      let chosen = result.selections.map { candidates[$0.candidate] }
      let gained = Self.bruteCoverage(chosen, points: points, weights: weights, radius: radius, covered: covered)
      #expect(result.gained == gained)
      let optimum = Self.bruteOptimum(
        candidates: candidates, k: k, points: points, weights: weights, radius: radius, covered: covered)
      #expect(Double(gained) >= (1 - exp(-1.0)) * Double(optimum) - 1e-9, "seed \(seed), k \(k)")
      #expect(gained <= optimum)
      #expect(result.upperBound >= optimum, "seed \(seed), k \(k): bound \(result.upperBound) < optimum \(optimum)")
    }
  }

  @Test("lazy evaluation picks what plain greedy picks on many tied candidates", arguments: 0..<3)
  func manyTies(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let points = (0..<400).map { _ in
      Point(x: Double(Int.random(in: 0...30, using: &rng)), y: Double(Int.random(in: 0...30, using: &rng)))
    }
    let weights = [Int](repeating: 1, count: points.count)
    let candidates = (0..<31).flatMap { y in (0..<31).map { x in Point(x: Double(x), y: Double(y)) } }
    let cover = MaximalCovering(points: points, weights: weights, radius: 2)
    let none = [Bool](repeating: false, count: points.count)
    let result = cover.greedy(candidates: candidates, count: 15)
    let plain = Self.plainGreedy(
      candidates: candidates, k: 15, points: points, weights: weights, radius: 2, covered: none)
    #expect(result.selections.map(\.candidate) == plain)
  }
}
