import Foundation
import SpatialAnalysis
import TestSupport
import Testing

/// Reference numbers: by hand (shown), and from a 15-line Python script using only `math` and
/// `collections` (S by pairs, Var(S) with the tie term, tau-b = S/√(n₀(n₀ − n₁)), z with the
/// continuity correction, p = math.erfc(|z|/√2)), cross-checked against pymannkendall 1.4.3
/// `original_test` (S, var_s, z, p; its `Tau` is S/n₀, tau-a, quoted where it differs).
@Suite("Mann–Kendall trend test")
struct MannKendallTests {
  @Test("A short rising series without ties, by hand")
  func risingByHand() {
    let mk = MannKendall([1, 2, 3, 5, 4])
    // 10 pairs: 9 rise, (5, 4) falls: S = 8. Var = 5·4·15/18 = 50/3. tau = 8/10.
    // z = (8 − 1)/√(50/3) = 1.7146428199482247, p = erfc(z/√2) = 0.08641073297370007.
    #expect(mk.count == 5 && mk.s == 8)
    #expect(isClose(mk.varianceS, 50.0 / 3, tolerance: 1e-12))
    #expect(isClose(mk.tau, 0.8, tolerance: 1e-12))
    #expect(isClose(mk.z, 7 / (50.0 / 3).squareRoot(), tolerance: 1e-12))
    #expect(isClose(mk.p, 0.08641073297370007, tolerance: 1e-12))
  }

  @Test("Ties: the variance loses Σ t(t − 1)(2t + 5) and tau is tau-b")
  func tiesByHand() {
    let mk = MannKendall([3, 1, 4, 1, 5, 9, 2, 6])
    // S = 11 (script). One tie group (1, 1): t = 2 gives 2·1·9 = 18.
    // Var = (8·7·21 − 18)/18 = 1158/18 = 64.333…; n₀ = 28, n₁ = 1: tau-b = 11/√(28·27).
    // z = 10/√Var = 1.2467574523850742, p = 0.21248644570250086. pymannkendall: Tau = 11/28.
    #expect(mk.s == 11)
    #expect(isClose(mk.varianceS, 1158.0 / 18, tolerance: 1e-12))
    #expect(isClose(mk.tau, 11 / (28.0 * 27).squareRoot(), tolerance: 1e-12))
    #expect(isClose(mk.tau, 0.40006613209931935, tolerance: 1e-12))
    #expect(isClose(mk.z, 1.2467574523850742, tolerance: 1e-12))
    #expect(isClose(mk.p, 0.21248644570250086, tolerance: 1e-12))
  }

  @Test("Several tie groups, a significant rise at 1 %")
  func severalTieGroups() {
    let mk = MannKendall([2, 2, 3, 1, 3, 3, 5, 4, 4, 6])
    // Groups: 2 ×2, 3 ×3, 4 ×2: Σ = 18 + 3·2·11 + 18 = 102; Var = (10·9·25 − 102)/18 = 2148/18.
    // n₁ = 1 + 3 + 1 = 5, n₀ = 45: tau-b = 30/√(45·40) = 1/√2. pymannkendall Tau = 30/45.
    #expect(mk.s == 30)
    #expect(isClose(mk.varianceS, 2148.0 / 18, tolerance: 1e-12))
    #expect(isClose(mk.tau, 0.5.squareRoot(), tolerance: 1e-12))
    #expect(isClose(mk.z, 2.6547101599834875, tolerance: 1e-12))
    #expect(isClose(mk.p, 0.007937657788413916, tolerance: 1e-12))
  }

  /// (series, S, var_s, z, p) from pymannkendall 1.4.3 `original_test`, and tau-b from the
  /// script (pymannkendall's Tau is tau-a: equal where there are no ties).
  static let pymannkendallCases:
    [(
      name: String, series: [Double], s: Int, varianceS: Double, tauB: Double,
      z: Double, p: Double
    )] = [
      (
        "falling, 12 values, no ties",
        [12.5, 11.9, 12.1, 10.4, 10.8, 9.7, 9.9, 8.1, 8.6, 7.2, 7.5, 6.0],
        -56, 212.66666666666666, -0.8484848484848485, -3.771490147280579, 0.00016227556647607777
      ),
      (
        "annual, 15 values, ties (Tau-a −0.8476190476190476)",
        [7.1, 6.8, 7.3, 6.9, 6.5, 6.6, 6.5, 6.1, 6.4, 5.9, 6.0, 5.9, 5.5, 5.8, 5.4],
        -89, 406.3333333333333, -0.8558087938505847, -4.365574929224595, 1.2678882939543001e-05
      ),
      (
        "noisy rise, 20 values",
        [0.3, -1.2, 0.8, 1.5, -0.4, 2.1, 0.9, 1.7, 2.8, 1.1, 2.4, 3.3, 1.9, 2.2, 3.9, 2.6, 3.1, 4.4, 3.0, 3.8],
        130, 950.0, 0.6842105263157895, 4.185312665173673, 2.8477384503844405e-05
      ),
      (
        "a Gi* z series, 24 steps",
        [
          2.9, 3.1, 2.7, 3.4, 3.0, 3.3, 3.6, 3.2, 3.8, 3.5, 4.0, 3.7, 4.1, 3.9, 4.4, 4.2, 4.6, 4.3, 4.8, 4.5, 5.0,
          4.9, 5.3, 5.1,
        ],
        234, 1625.3333333333333, 0.8478260869565217, 5.779425900621196, 7.49559569968028e-09
      ),
    ]

  @Test("Equals pymannkendall's original_test (S, var_s, z, p) and the script's tau-b")
  func againstPymannkendall() {
    for c in Self.pymannkendallCases {
      let mk = MannKendall(c.series)
      #expect(mk.s == c.s, "\(c.name)")
      #expect(isClose(mk.varianceS, c.varianceS, tolerance: 1e-9), "\(c.name)")
      #expect(isClose(mk.tau, c.tauB, tolerance: 1e-12), "\(c.name)")
      #expect(isClose(mk.z, c.z, tolerance: 1e-12), "\(c.name)")
      // pymannkendall's p is 2(1 − Φ(|z|)); ours erfc(|z|/√2) keeps more digits of small p.
      #expect(isClose(mk.p, c.p, tolerance: 1e-12), "\(c.name)")
    }
  }

  @Test("Degenerate series: empty, one value, all equal, S = 0")
  func degenerate() {
    for series in [[], [4.0], [2.0, 2, 2, 2]] as [[Double]] {
      let mk = MannKendall(series)
      #expect(mk.s == 0 && mk.tau == 0 && mk.z == 0 && mk.p == 1)
    }
    let flat = MannKendall([1, 3, 2])  // +1 +1 −1 = 1: z = 0 by the correction
    #expect(flat.s == 1 && flat.z == 0 && flat.p == 1)
    let level = MannKendall([2, 1, 3])  // −1 +1 +1 = 1
    #expect(level.s == 1)
    let none = MannKendall([1, 2, 1])  // +1 0 −1 = 0
    #expect(none.s == 0 && none.z == 0 && none.p == 1)
  }

  @Test("Reversing the series negates S, tau and z and keeps p")
  func reversal() {
    let x: [Double] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
    let a = MannKendall(x)
    let b = MannKendall(x.reversed())
    #expect(a.s == -b.s && a.tau == -b.tau && a.z == -b.z && a.p == b.p && a.varianceS == b.varianceS)
  }
}
