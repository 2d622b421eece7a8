import Foundation
import GeoCore
import SpatialAnalysis
import Testing

/// The anchor: Emerging Hot Spot Analysis against sfdep's documented algorithm
/// (`emerging_hotspot_analysis(k = 1)`), reimplemented independently in numpy by
/// `Examples/is-it-getting-worse/sfdep_reference.py` (R's sfdep is not packaged for Debian). The
/// numbers below are that script's output, pasted: a 5 × 5 grid of cells, queen neighbours (the 8
/// around), 8 steps, one time lag; the script weights rows as sfdep does (1/|N_i|), hotspot binary.
/// The script classifies on the analytic p (sfdep uses its random permutation p) with sfdep's
/// rules as sfdep states them; where hotspot's rules depart (documented on
/// `EmergingHotSpotClass`) the test says which location and why.
@Suite("Emerging hot spots against the sfdep reference (5 × 5 cells × 8 steps)")
struct EmergingSfdepReferenceTests {
  enum Reference {
    // counts, location-major (location i at i * 8 + t)
    static let counts: [Double] = [
      14, 14, 14, 17, 14, 14, 14, 17, 14, 14, 15, 17, 15, 16, 14, 16, 1, 0, 1, 2, 2, 2, 2, 2, 18, 13, 9, 5, 2, 3, 1, 1,
      19, 14, 11, 4, 0, 2, 3, 0, 15, 17, 16, 14, 17, 17, 17, 16, 15, 16, 16, 15, 17, 16, 15, 14, 2, 0, 2, 1, 2, 0, 0, 3,
      18, 15, 10, 6, 0, 0, 0, 1, 17, 14, 11, 5, 2, 1, 3, 0, 0, 2, 0, 3, 2, 0, 0, 0, 3, 3, 1, 0, 1, 3, 2, 3, 2, 3, 1, 2,
      1, 0, 3, 2, 3, 2, 1, 3, 3, 3, 2, 1, 3, 3, 3, 0, 3, 2, 1, 1, 0, 0, 0, 0, 3, 0, 0, 1, 1, 1, 0, 0, 1, 2, 1, 2, 0, 1,
      2, 3, 2, 2, 1, 0, 1, 5, 7, 11, 14, 15, 19, 22, 0, 4, 6, 11, 14, 15, 20, 21, 3, 0, 0, 1, 0, 3, 3, 2, 1, 3, 3, 0, 2,
      3, 1, 0, 3, 0, 2, 0, 2, 0, 3, 2, 0, 4, 8, 10, 15, 18, 20, 22, 1, 4, 8, 11, 12, 17, 19, 21,
    ]
    // z, location-major
    static let z: [Double] = [
      2.522424787339, 4.878075429440, 5.793210879602, 5.836738292910, 5.348441685815, 4.696346443092, 3.938847804578,
      3.460236159052,
      1.560320678829, 3.174536298194, 3.928393929577, 4.305642017898, 3.963323227548, 3.319596479001, 2.517858460844,
      2.279471365931,
      2.014656982980, 3.433470743398, 2.918153021898, 2.163875288841, 0.876819124721, 0.061728033700, -0.506909367013,
      -0.593416099395,
      2.468993287132, 3.757138799902, 2.124392308721, -0.046980689541, -2.461644496704, -3.310451585119,
      -3.218770178196, -3.089531438122,
      3.580996340779, 5.502047556571, 3.861110132670, 1.175043155317, -1.532752208649, -2.404490201833, -2.205129201996,
      -2.290010519256,
      1.560320678829, 3.498204354699, 4.144874124080, 4.167463519249, 3.900333347899, 3.319596479001, 2.570009630290,
      2.185278334281,
      0.609838022786, 1.841059022753, 2.341323698476, 2.727539895818, 2.584870067979, 1.788343870640, 0.981841617965,
      0.922313305423,
      1.187336150425, 2.345261415526, 1.297523695726, 0.421277300707, -0.779385985790, -1.582290024947, -2.093666996228,
      -2.117128269267,
      1.591584839772, 2.705405981792, 0.574892924591, -1.884985294404, -4.353908042919, -5.270908250307,
      -5.227204074840, -5.051761513796,
      2.663708846054, 4.275007690309, 2.557352697726, 0.022108559784, -2.335664737405, -3.024673651321, -3.010165500413,
      -3.183724469772,
      -0.192119351470, 0.002589344452, 0.103910493361, -0.185159188189, 0.183930448577, 0.290350380739, -0.298304689230,
      -0.499223067745,
      -1.007156734602, -2.048502292922, -1.994460928331, -1.961860714241, -1.480272663658, -1.582290024947,
      -2.267752389485, -2.221936599429,
      -0.602908045255, -1.328213160390, -1.592999388812, -1.577483615056, -1.620449999232, -1.836677488765,
      -1.977610067391, -1.645490783539,
      -0.545158232491, -1.184155333883, -1.271830157197, -1.269981935708, -1.550361331445, -2.027468086629,
      -1.803524674135, -1.173853297811,
      0.327122138989, 0.779392680062, 0.753351076870, 0.436644055730, 0.120940568927, -0.109738726579, 0.118904666336,
      0.442707248755,
      -1.879654195461, -3.622492888396, -4.153533331860, -4.123246399682, -3.595462330395, -3.081829238081,
      -3.166619008750, -3.136627953947,
      -2.450902053698, -6.010092521851, -6.731707094658, -6.420635064789, -5.755681398655, -5.334505116261,
      -5.285232539259, -5.051761513796,
      -2.393152240934, -5.289803389319, -4.724399397062, -3.653119950656, -2.461514012674, -1.518693158993,
      -1.165211565528, -0.859428307326,
      -2.450902053698, -5.073716649559, -3.359430162697, -0.962480256360, 0.832653373308, 1.724747004685,
      2.432553228434, 3.018479908658,
      -1.879654195461, -2.780955941485, -1.122810608821, 0.782090302352, 2.325586356661, 3.262440892241, 3.769486527544,
      4.116235483107,
      -1.485024664968, -2.748250568832, -3.094452556287, -3.042681016791, -2.679617857727, -2.159633765802,
      -2.205129201996, -2.239569758920,
      -1.879654195461, -3.881427333600, -4.225693396695, -3.915978651708, -3.532472450746, -3.081829238081,
      -3.114467839305, -3.089531438122,
      -2.009464568076, -3.428292054494, -2.493851840672, -1.497854925354, -0.634937986867, 0.118883620460,
      0.327509344120, 0.536900280405,
      -2.074369754383, -3.234091220591, -1.411450868158, 0.782090302352, 2.199606597362, 2.976662958443, 3.665184188653,
      4.163331998932,
      -1.711861426420, -2.054948205352, -0.080375391072, 1.988989925373, 3.459486499100, 4.329061789044, 5.055934533046,
      5.528307332829,
    ]
    static let tau: [Double] = [
      -0.214285714286, -0.071428571429, -0.785714285714, -0.714285714286, -0.714285714286, -0.214285714286,
      -0.142857142857, -0.857142857143, -0.714285714286, -0.857142857143, -0.071428571429, -0.285714285714,
      -0.785714285714, -0.428571428571, -0.357142857143, 0.214285714286, 0.357142857143, 0.714285714286, 0.857142857143,
      0.928571428571, 0.142857142857, 0.214285714286, 0.857142857143, 0.928571428571, 0.928571428571,
    ]
    static let tauP: [Double] = [
      0.5361867719, 0.901538626657, 0.00937476845943, 0.0187411367896, 0.0187411367896, 0.5361867719, 0.710523022916,
      0.0044340083031, 0.0187411367896, 0.0044340083031, 0.901538626657, 0.386476230771, 0.00937476845943,
      0.173546221788, 0.265510388954, 0.5361867719, 0.265510388954, 0.0187411367896, 0.0044340083031, 0.00198178943781,
      0.710523022916, 0.5361867719, 0.0044340083031, 0.00198178943781, 0.00198178943781,
    ]
    static let categories: [String] = [
      "consecutive hot spot",
      "sporadic hot spot",
      "sporadic hot spot",
      "oscillating cold spot",
      "sporadic hot spot",
      "sporadic hot spot",
      "sporadic hot spot",
      "no pattern detected",
      "oscillating cold spot",
      "oscillating cold spot",
      "no pattern detected",
      "no pattern detected",
      "no pattern detected",
      "no pattern detected",
      "no pattern detected",
      "consecutive cold spot",
      "consecutive cold spot",
      "sporadic cold spot",
      "oscillating hot spot",
      "oscillating hot spot",
      "sporadic cold spot",
      "consecutive cold spot",
      "sporadic cold spot",
      "oscillating hot spot",
      "consecutive hot spot",
    ]
  }

  static let side = 5
  static let steps = 8

  static func queen() -> [[Int]] {
    (0..<(side * side)).map { i in
      let (r, c) = (i / side, i % side)
      var list: [Int] = []
      for rr in (r - 1)...(r + 1) {
        for cc in (c - 1)...(c + 1) where rr >= 0 && rr < side && cc >= 0 && cc < side && (rr, cc) != (r, c) {
          list.append(rr * side + cc)
        }
      }
      return list
    }
  }

  static func result() -> SpaceTimeGetisOrdGiStar.Result {
    let cube = SpaceTimeCube(stepLabels: (1...steps).map { "t\($0)" }, values: Reference.counts)
    return SpaceTimeGetisOrdGiStar.compute(cube: cube, neighbours: queen(), timeLags: 1)
  }

  @Test("Space-time Gi* z of all 200 bins equal the reference to 1e-9 (row-standardised there, binary here)")
  func zValues() {
    let z = Self.result().z
    #expect(z.count == Reference.z.count)
    for k in z.indices {
      #expect(abs(z[k] - Reference.z[k]) < 1e-9, "bin \(k): \(z[k]) against \(Reference.z[k])")
    }
  }

  @Test("Mann–Kendall tau and p of every location's z series equal the reference")
  func trends() {
    let result = Self.result()
    for i in 0..<(Self.side * Self.side) {
      let trend = MannKendall(Array(result.zSeries(of: i)))
      #expect(abs(trend.tau - Reference.tau[i]) < 1e-9, "location \(i)")
      #expect(abs(trend.p - Reference.tauP[i]) < 1e-9, "location \(i)")
    }
  }

  @Test("Categories equal sfdep's rules, except where hotspot's documented rules depart")
  func categories() {
    let categories = EmergingHotSpot.classify(Self.result(), threshold: 0.01).map(\.category.rawValue)
    for i in categories.indices where Self.departures[i] == nil {
      #expect(categories[i] == Reference.categories[i], "location \(i)")
    }
    for (i, expected) in Self.departures {
      #expect(categories[i] == expected.hotspot, "location \(i): \(expected.why)")
    }
  }

  /// Locations where hotspot's category differs from sfdep's rules, with the rule that decides.
  static let departures: [Int: (hotspot: String, why: String)] = [:]
}
