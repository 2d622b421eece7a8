import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Hot-spot scores: hit rate, PAI, PEI, RRI and the budget selection")
struct HotSpotScoreTests {
  @Test("hit rate, PAI, PEI and RRI on a hand-computed case")
  func handComputed() throws {
    // 10 cells; cells 0 and 1 selected hold 4 + 2 = 6 of 12 test incidents; the best two cells
    // (3 and 0) hold 5 + 4 = 9; in training the same cells held 3 + 1 = 4 of 20.
    let s = HotSpotScore(
      selection: [0, 1], test: [4, 2, 1, 5, 0, 0, 0, 0, 0, 0], train: [3, 1, 16, 0, 0, 0, 0, 0, 0, 0])
    #expect(s.captured == 6 && s.testIncidents == 12 && s.bestCaptured == 9)
    #expect(s.trainCaptured == 4 && s.trainIncidents == 20)
    #expect(isClose(try #require(s.hitRate), 0.5, tolerance: 1e-15))
    #expect(isClose(try #require(s.areaShare), 0.2, tolerance: 1e-15))
    #expect(isClose(try #require(s.pai), 2.5, tolerance: 1e-12))
    #expect(isClose(try #require(s.pei), 6.0 / 9.0, tolerance: 1e-15))
    #expect(isClose(try #require(s.rri), 2.5, tolerance: 1e-12))
  }

  @Test("a selection that captures nothing scores 0, not undefined")
  func capturesNothing() throws {
    let s = HotSpotScore(selection: [5], test: [3, 0, 0, 0, 0, 0], train: [1, 0, 0, 0, 0, 2])
    #expect(try #require(s.hitRate) == 0)
    #expect(try #require(s.pai) == 0)
    #expect(try #require(s.pei) == 0)
    #expect(try #require(s.rri) == 0)
  }

  @Test("undefined measures are nil: N = 0, n* = 0, N₁ = 0, n₁ = 0, no cell selected")
  func undefined() throws {
    let noTest = HotSpotScore(selection: [0], test: [0, 0, 0], train: [2, 1, 0])
    #expect(noTest.hitRate == nil && noTest.pai == nil && noTest.pei == nil && noTest.rri == nil)
    let noTraining = HotSpotScore(selection: [0], test: [1, 1, 0], train: [0, 0, 0])
    // 1 of 2 test incidents in 1 of 3 cells: PAI 1.5, whatever the training period held.
    #expect(isClose(try #require(noTraining.pai), 1.5, tolerance: 1e-12))
    #expect(noTraining.rri == nil)
    let missedTraining = HotSpotScore(selection: [2], test: [1, 1, 1], train: [4, 0, 0])
    #expect(missedTraining.trainCaptured == 0 && missedTraining.rri == nil)
    #expect(missedTraining.pai == 1)
    let none = HotSpotScore(selection: [Int](), test: [1, 2], train: [1, 2])
    #expect(none.hitRate == nil && none.pai == nil && none.pei == nil && none.rri == nil)
  }

  @Test("n* is the most any selection of k cells captures (brute force over every subset)", arguments: 0..<40)
  func bestCapturesBruteForce(seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed))
    let m = 8
    let test = (0..<m).map { _ in Double(rng.next() % 5) }
    let train = (0..<m).map { _ in Double(rng.next() % 4) }
    let best = HotSpotScore.bestCaptures(test: test)
    for k in 0...m {
      var most = 0.0
      for mask in 0..<(1 << m) where mask.nonzeroBitCount == k {
        most = max(most, (0..<m).filter { mask & (1 << $0) != 0 }.reduce(0) { $0 + test[$1] })
      }
      #expect(best[k] == most, "seed \(seed), k \(k)")
      // A random selection of k cells: PEI ≤ 1, PAI ≤ m/k, PAI = PEI · PAI*.
      guard k > 0 else { continue }
      let selection = Array((0..<m).shuffled(using: &rng).prefix(k))
      let s = HotSpotScore(selection: selection, test: test, train: train)
      guard let pai = s.pai, let pei = s.pei else { continue }
      #expect(pei <= 1 && pai <= Double(m) / Double(k) + 1e-12)
      let paiStar = (most / s.testIncidents) / (Double(k) / Double(m))
      #expect(isClose(pai, pei * paiStar, tolerance: 1e-12))
    }
  }

  @Test("a budget is the floor of share × cells, exact for decimal shares")
  func budgets() {
    #expect(HotSpotSelection.budget(share: 0.29, cells: 100) == 29)  // 0.29 · 100 = 28.999… in binary
    #expect(HotSpotSelection.budget(share: 0.57, cells: 100) == 57)  // 56.999…
    #expect(HotSpotSelection.budget(share: 0.07, cells: 100) == 7)  // 7.000…1
    #expect(HotSpotSelection.budget(share: 0.05, cells: 119) == 5)  // 5.95 rounds down
    #expect(HotSpotSelection.budget(share: 0.01, cells: 99) == 0)
    #expect(HotSpotSelection.budget(share: 0.01, cells: 66_728) == 667)
    #expect(HotSpotSelection.budget(share: 1, cells: 7) == 7)
  }

  @Test("ranking: higher score first, equal scores in grid order, NaN last")
  func tieRule() {
    #expect(HotSpotSelection.ranking([1, 3, 3, 0]) == [1, 2, 0, 3])
    #expect(HotSpotSelection.ranking([0, 0, 0]) == [0, 1, 2])
    #expect(HotSpotSelection.ranking([.nan, 2, -1, .nan]) == [1, 2, 0, 3])
    // Three cells score 1: taking two leaves one tied cell out.
    let scores: [Double] = [1, 5, 1, 0, 1]
    let ranking = HotSpotSelection.ranking(scores)
    #expect(ranking == [1, 0, 2, 4, 3])
    #expect(HotSpotSelection.tiedLeftOut(ranking: ranking, scores: scores, count: 3) == 1)
    #expect(HotSpotSelection.tiedLeftOut(ranking: ranking, scores: scores, count: 1) == 0)
    #expect(HotSpotSelection.tiedLeftOut(ranking: ranking, scores: scores, count: 5) == 0)
  }
}
