import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Gi*, false discovery rate and Moran's I")
struct HotSpotStatisticsTests {
  let grid = SquareGrid(minX: 0, minY: 0, cellSize: 100, columns: 3, rows: 3)
  var queen3x3: SpatialWeights { SpatialWeights.gridBand(grid: grid, cells: Array(0..<9)) }

  @Test("Gi* on a 3 × 3 grid with one busy centre cell, checked by hand")
  func giStarByHand() {
    let values: [Double] = [0, 0, 0, 0, 9, 0, 0, 0, 0]
    let r = GetisOrdGiStar.compute(values: values, weights: queen3x3)
    // Corner: W = 4, S1 = 4, Σwx = 9, x̄ = 1, S = √8: z = 5 / (√8 · √((36 − 16)/8)) = 5/√20.
    #expect(isClose(r.z[0], 5 / 20.0.squareRoot(), tolerance: 1e-12))
    // Edge: W = 6: z = 3 / (√8 · √((54 − 36)/8)) = 3/√18.
    #expect(isClose(r.z[1], 3 / 18.0.squareRoot(), tolerance: 1e-12))
    // The centre neighbours every cell: nothing can stand out.
    #expect(r.z[4] == 0 && r.p[4] == 1)
    #expect(isClose(r.p[0], 0.26355, tolerance: 1e-5))
    #expect(r.classes == Array(repeating: 0, count: 9))
    #expect(r.pSim == nil)
  }

  @Test("Gi* of constant values is 0 everywhere with p = 1")
  func giStarConstant() {
    let r = GetisOrdGiStar.compute(values: Array(repeating: 3, count: 9), weights: queen3x3)
    #expect(r.z.allSatisfy { $0 == 0 } && r.p.allSatisfy { $0 == 1 })
  }

  @Test("Gi* classes follow ArcGIS's Gi_Bin at 90, 95 and 99 %")
  func classes() {
    let z: [Double] = [3, -2.7, 2.0, -1.7, 1.0, 0]
    let p = z.map(NormalDistribution.twoSidedP)
    #expect(GetisOrdGiStar.classes(z: z, p: p) == [3, -3, 2, -1, 0, 0])
    #expect(isClose(NormalDistribution.twoSidedP(1.959963984540054), 0.05, tolerance: 1e-12))
  }

  @Test("Benjamini–Hochberg on their 1995 worked example rejects 4 of 15 at q = 0.05")
  func benjaminiHochberg() {
    let p = [
      0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590,
      1.000,
    ]
    #expect(FalseDiscoveryRate.cutoff(pValues: p, alpha: 0.05) == 0.0095)
    #expect(p.filter { $0 <= 0.0095 }.count == 4)
    #expect(FalseDiscoveryRate.cutoff(pValues: [0.5, 0.9], alpha: 0.05) == nil)
    #expect(FalseDiscoveryRate.cutoff(pValues: [0.01, 0.02, 0.03, 0.2], alpha: 0.05) == 0.03)
    // FDR classes only move towards 0.
    let z: [Double] = [2.5, -2.1, 1.7, 3.3]
    let pz = z.map(NormalDistribution.twoSidedP)
    let plain = GetisOrdGiStar.classes(z: z, p: pz)
    let fdr = FalseDiscoveryRate.classes(z: z, p: pz)
    #expect(zip(plain, fdr).allSatisfy { abs($1) <= abs($0) && ($1 == 0 || $1.signum() == $0.signum()) })
  }

  /// A 30 × 30 grid of counts with a hot block in one corner.
  func clustered() -> (values: [Double], weights: SpatialWeights) {
    let g = SquareGrid(minX: 0, minY: 0, cellSize: 100, columns: 30, rows: 30)
    var rng = SplitMix64(seed: 11)
    let values = (0..<g.cellCount).map { cell -> Double in
      let hot = cell % 30 < 8 && cell / 30 < 8
      return Double(rng.next() % (hot ? 20 : 6))
    }
    return (values, SpatialWeights.gridBand(grid: g, cells: Array(0..<g.cellCount)))
  }

  @Test("permutation p is the same whatever the thread count, and in [1/(R+1), 1]")
  func permutationDeterminism() {
    let (values, w) = clustered()
    let a = GetisOrdGiStar.compute(values: values, weights: w, permutations: 199, seed: 42).pSim ?? []
    let b = GetisOrdGiStar.compute(values: values, weights: w, permutations: 199, seed: 42).pSim ?? []
    // One feature at a time, sequentially: each feature's draws depend only on (seed, index).
    let star = w.includingSelf()
    var single: [Double] = []
    for i in 0..<8 {
      let rows = (0..<w.count).map { $0 == i ? Array(star.neighbours(of: i)) : [] }
      let lone = SpatialWeights(lists: rows).includingSelf()
      single.append(ConditionalPermutation.pValues(values: values, weights: lone, permutations: 199, seed: 42)[i])
    }
    #expect(a == b)
    #expect(Array(a.prefix(8)) == single)
    #expect(a.allSatisfy { $0 >= 1.0 / 200 && $0 <= 1 })
    #expect(a != GetisOrdGiStar.compute(values: values, weights: w, permutations: 199, seed: 43).pSim ?? [])
    // The hot corner is significant by permutation too.
    #expect(a[31] <= 0.01)
  }

  @Test("global Moran's I finds the clustering; p_sim agrees with the analytic p")
  func moranClustered() {
    let (values, w) = clustered()
    let m = MoransI.compute(values: values, weights: w.transformed(.row), permutations: 99, seed: 1)
    #expect(m.i > 0.2 && m.zRandom > 5)
    #expect(m.pSim == 0.01)
    let again = MoransI.compute(values: values.map { 3 * $0 + 7 }, weights: w.transformed(.row))
    #expect(isClose(again.i, m.i, tolerance: 1e-12))
  }

  @Test("local Moran: Σ Iᵢ = (n − 1)/n · S0 · I, quadrants from the signs")
  func localMoran() {
    let (values, w) = clustered()
    let row = w.transformed(.row)
    let global = MoransI.compute(values: values, weights: row)
    let local = LocalMoransI.compute(values: values, weights: row, permutations: 99, seed: 3)
    let n = Double(values.count)
    #expect(isClose(local.i.reduce(0, +), (n - 1) / n * global.s0 * global.i, tolerance: 1e-9))
    #expect(local.quadrants[0] == .highHigh)
    for k in values.indices where local.i[k] > 0 {
      #expect(local.quadrants[k] == .highHigh || local.quadrants[k] == .lowLow)
    }
    #expect(local.pSim?.count == values.count)
  }
}
