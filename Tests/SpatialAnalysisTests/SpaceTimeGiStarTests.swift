import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Space-time cube and space-time Gi*")
struct SpaceTimeGiStarTests {
  /// 7 locations: a path 0–1–2–3–4 with 5 hanging on 2, and 6 an island. Location 2's star holds 4
  /// locations, so with a lag its neighbourhood holds 8 ≥ 7 bins (n W − W² < 0: z = 0, p = 1);
  /// the other stars hold at most 3.
  static let neighbours: [[Int]] = [[1], [0, 2], [1, 3, 5], [2, 4], [3], [2], []]
  /// 7 locations × 4 steps, row-major by location.
  static let cube = SpaceTimeCube(
    stepLabels: ["2024-01", "2024-02", "2024-03", "2024-04"],
    series: [
      [3, 5, 2, 8],
      [4, 6, 3, 9],
      [1, 0, 2, 7],
      [0, 1, 0, 1],
      [2, 2, 5, 0],
      [6, 3, 4, 8],
      [1, 4, 0, 2],
    ])

  /// The bins' z by the definition, over a dense bins × bins weight matrix: w[(i,t),(j,τ)] = 1
  /// when j is i or a neighbour of i and t − K ≤ τ ≤ t; each bin standardised by its own step's
  /// mean and variance (divisor n) over the n locations.
  static func denseZ(cube: SpaceTimeCube, neighbours: [[Int]], timeLags: Int) -> [Double] {
    let n = cube.locationCount
    let steps = cube.stepCount
    let bins = n * steps
    var w = [[Double]](repeating: [Double](repeating: 0, count: bins), count: bins)
    for i in 0..<n {
      for t in 0..<steps {
        for j in 0..<n where j == i || neighbours[i].contains(j) {
          for tau in 0..<steps where tau <= t && tau >= t - timeLags {
            w[i * steps + t][j * steps + tau] = 1
          }
        }
      }
    }
    var z = [Double](repeating: 0, count: bins)
    for i in 0..<n {
      for t in 0..<steps {
        let slice = cube.step(t)
        let mean = slice.reduce(0, +) / Double(n)
        let s2 = slice.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
        let row = w[i * steps + t]
        var sum = 0.0
        var wSum = 0.0
        var w2 = 0.0
        for b in 0..<bins {
          sum += row[b] * cube.values[b]
          wSum += row[b]
          w2 += row[b] * row[b]
        }
        let variance = s2 * (Double(n) * w2 - wSum * wSum) / Double(n - 1)
        z[i * steps + t] = (sum - wSum * mean) / variance.squareRoot()
      }
    }
    return z
  }

  @Test("The cube's layout: row-major by location, series and time slices")
  func cubeLayout() {
    let cube = Self.cube
    #expect(cube.locationCount == 7 && cube.stepCount == 4)
    #expect(cube[2, 3] == 7 && cube.values[2 * 4 + 3] == 7)
    #expect(Array(cube.series(of: 4)) == [2, 2, 5, 0])
    #expect(cube.step(1) == [5, 6, 0, 1, 2, 3, 4])
  }

  @Test("z equals a dense computation over the bins, one and two lags, to 1e-9")
  func denseParity() {
    for lags in [0, 1, 2] {
      let r = SpaceTimeGetisOrdGiStar.compute(cube: Self.cube, neighbours: Self.neighbours, timeLags: lags)
      let expected = Self.denseZ(cube: Self.cube, neighbours: Self.neighbours, timeLags: lags)
      #expect(r.z.count == 28 && r.timeLags == lags)
      for b in expected.indices {
        if expected[b].isFinite {
          #expect(isClose(r.z[b], expected[b], tolerance: 1e-9), "lags \(lags), bin \(b)")
          #expect(isClose(r.p[b], NormalDistribution.twoSidedP(expected[b]), tolerance: 1e-12))
        } else {
          #expect(r.z[b] == 0 && r.p[b] == 1)
        }
      }
      // Degenerate: location 2 after the first step with lags; with two lags also 1 and 3 from step 2.
      let degenerate = expected.indices.filter { !expected[$0].isFinite }
      #expect(degenerate == (lags == 0 ? [] : lags == 1 ? [9, 10, 11] : [6, 7, 9, 10, 11, 14, 15]))
    }
  }

  @Test("One bin by hand: location 1 at step 1 with one lag")
  func oneBinByHand() {
    let r = SpaceTimeGetisOrdGiStar.compute(cube: Self.cube, neighbours: Self.neighbours)
    // Star {0, 1, 2}; steps 0 and 1: 3 + 4 + 1 + 5 + 6 + 0 = 19, W = 6.
    // Step 1: [5, 6, 0, 1, 2, 3, 4], mean 3, Σ(x − 3)² = 4 + 9 + 9 + 4 + 1 + 0 + 1 = 28, s² = 4.
    // z = (19 − 18) / √(4 · (7·6 − 36)/6) = 1/2.
    #expect(isClose(r.z[1 * 4 + 1], 0.5, tolerance: 1e-12))
  }

  @Test("One step without lags is the module's Gi* (binary) for the same counts and weights")
  func singleStepIsGiStar() {
    let weights = SpatialWeights(lists: Self.neighbours)
    for t in 0..<4 {
      let slice = Self.cube.step(t)
      let one = SpaceTimeCube(stepLabels: ["only"], values: slice)
      let expected = GetisOrdGiStar.compute(values: slice, weights: weights)
      for lags in [0, 1] {
        let r = SpaceTimeGetisOrdGiStar.compute(cube: one, weights: weights, timeLags: lags)
        for i in 0..<7 {
          #expect(isClose(r.z[i], expected.z[i], tolerance: 1e-9))
          #expect(isClose(r.p[i], expected.p[i], tolerance: 1e-9))
        }
      }
      // K = 0 on the whole cube: every step is its own Gi*.
      let r = SpaceTimeGetisOrdGiStar.compute(cube: Self.cube, weights: weights, timeLags: 0)
      for i in 0..<7 { #expect(isClose(r.z[i * 4 + t], expected.z[i], tolerance: 1e-9)) }
    }
    // The first step has no lag to take: it is the plain Gi* of step 0 whatever K.
    let first = GetisOrdGiStar.compute(values: Self.cube.step(0), weights: weights)
    let lagged = SpaceTimeGetisOrdGiStar.compute(cube: Self.cube, weights: weights, timeLags: 3)
    for i in 0..<7 { #expect(isClose(lagged.z[i * 4], first.z[i], tolerance: 1e-9)) }
  }

  @Test("A step with every value equal, or a neighbourhood as large as the slice: z = 0, p = 1")
  func degenerate() {
    let flat = SpaceTimeCube(stepLabels: ["a", "b"], series: Array(repeating: [0, 2], count: 4))
    let r = SpaceTimeGetisOrdGiStar.compute(
      cube: flat, neighbours: [[1], [0, 2], [1, 3], [2]],
      permutations: 9)
    #expect(r.z.allSatisfy { $0 == 0 } && r.p.allSatisfy { $0 == 1 } && r.pSim!.allSatisfy { $0 == 1 })
    // 5 locations, a star of 3 with one lag: W = 6 > 5.
    let small = SpaceTimeCube(stepLabels: ["a", "b"], series: [[1, 2], [3, 4], [0, 7], [2, 2], [5, 1]])
    let s = SpaceTimeGetisOrdGiStar.compute(cube: small, neighbours: [[1, 2], [0], [0], [], []])
    #expect(s.z[0 * 2 + 1] == 0 && s.p[0 * 2 + 1] == 1)
    #expect(s.z[0] != 0)  // step 0 has no lag: W = 3
  }

  /// 60 locations on a 6 × 10 grid of 100 m cells (queen), 6 steps, counts from a fixed stream,
  /// with a hot corner growing over time.
  static func gridCube() -> (SpaceTimeCube, SpatialWeights) {
    let grid = SquareGrid(minX: 0, minY: 0, cellSize: 100, columns: 10, rows: 6)
    let weights = SpatialWeights.gridBand(grid: grid, cells: Array(0..<60))
    var rng = SplitMix64(seed: 19)
    var series: [[Double]] = []
    for cell in 0..<60 {
      series.append(
        (0..<6).map { t in
          Double(rng.next(upperBound: UInt64(4))) + (cell % 10 < 2 && cell / 10 < 2 ? Double(3 * t) : 0)
        })
    }
    return (SpaceTimeCube(stepLabels: (1...6).map { "step \($0)" }, series: series), weights)
  }

  @Test("Permutation p within each step: deterministic for a seed, in [1/(R + 1), 1]")
  func permutationP() throws {
    let (cube, weights) = Self.gridCube()
    let a = SpaceTimeGetisOrdGiStar.compute(cube: cube, weights: weights, permutations: 199, seed: 42)
    let b = SpaceTimeGetisOrdGiStar.compute(cube: cube, weights: weights, permutations: 199, seed: 42)
    let c = SpaceTimeGetisOrdGiStar.compute(cube: cube, weights: weights, permutations: 199, seed: 43)
    let pa = try #require(a.pSim)
    let pb = try #require(b.pSim)
    let pc = try #require(c.pSim)
    #expect(pa == pb)
    #expect(pa != pc)
    #expect(pa.allSatisfy { $0 >= 1.0 / 200 && $0 <= 1 && $0 > 0 })
    #expect(a.z == b.z && a.p == b.p)
    // The hot corner's last bins stand out under both p.
    #expect(a.z[0 * 6 + 5] > 3 && a.p[0 * 6 + 5] < 0.01 && pa[0 * 6 + 5] <= 0.01)
    // Without permutations there is no pseudo p, and z does not depend on them.
    let plain = SpaceTimeGetisOrdGiStar.compute(cube: cube, weights: weights)
    #expect(plain.pSim == nil && plain.z == a.z)
  }

  @Test("Permutation p of 600 locations split over the cores: repeated runs equal bit for bit")
  func permutationThreadIndependence() throws {
    // There is no thread-count knob; each bin draws from its own generator (seed, bin), so the
    // split cannot matter. 600 locations run in several chunks (STYLE.md 10: repeated parallel
    // runs compared with each other).
    let grid = SquareGrid(minX: 0, minY: 0, cellSize: 100, columns: 30, rows: 20)
    let weights = SpatialWeights.gridBand(grid: grid, cells: Array(0..<600))
    var rng = SplitMix64(seed: 3)
    let cube = SpaceTimeCube(
      stepLabels: ["a", "b", "c"], values: (0..<1800).map { _ in Double(rng.next(upperBound: UInt64(6))) })
    #expect(ProcessInfo.processInfo.activeProcessorCount == 1 || Parallel.chunkCount(count: 600, minimumChunk: 16) > 1)
    let runs = (0..<3).map { _ in
      SpaceTimeGetisOrdGiStar.compute(cube: cube, weights: weights, permutations: 49, seed: 5).pSim
    }
    #expect(runs[0] != nil && runs[0] == runs[1] && runs[1] == runs[2])
  }
}
