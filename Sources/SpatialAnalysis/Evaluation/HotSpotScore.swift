/// How well a selection of cells chosen on one period (training, period 1) captured the
/// incidents of the next (test, period 2): hit rate, PAI, PEI and RRI (METHODS.md "Hot-spot
/// evaluation and concentration").
///
/// With N test incidents in the m cells analysed (study area A = m · cell area), n of them in the
/// k cells selected (area a = k · cell area):
/// - hit rate H = n / N;
/// - PAI, the predictive accuracy index = (n / N) / (a / A) (Chainey, Tompson & Uhlig 2008, "The
///   utility of hotspot mapping for predicting spatial patterns of crime", Security Journal 21);
///   a / A is the share actually selected, k / m, which may lie a little below the budget;
/// - PEI, the predictive efficiency index = n / n*, n* the most test incidents any k cells hold
///   (Hunt 2016, "Do crime hot spots move? Exploring the effects of the modifiable areal unit
///   problem and modifiable temporal unit problem on crime hot spot stability", PhD thesis,
///   American University; PEI = PAI / PAI*, the same ratio);
/// - RRI, the recapture rate index = (n₂ / N₂) / (n₁ / N₁) for the same cells in the training
///   period (1) and the test period (2) (Levine 2008, "The 'hottest' part of a hotspot: comments
///   on 'The utility of hotspot mapping for predicting spatial patterns of crime'", Security
///   Journal 21). Some code uses the name RRI for other ratios; this is Levine's.
///
/// ## Properties
/// - Undefined values are nil, never 0 or infinity: H, PAI and PEI when N = 0 (no test incident
///   to capture); PEI when n* = 0; RRI when N₁ = 0, n₁ = 0 or N₂ = 0; everything when k = 0.
/// - 0 ≤ H ≤ 1, 0 ≤ PEI ≤ 1, PAI ≤ m / k, PAI = PEI · PAI*.
/// - Counts are incidents (whole numbers stored as Double, as `CellLayout.tally` gives them).
///
/// ## Example
/// ```swift
/// // 10 cells; 2 selected hold 6 of 12 test incidents; the best 2 cells hold 8; in training the
/// // same 2 cells held 4 of 20.
/// let s = HotSpotScore(selection: [0, 1], test: [4, 2, 1, 5, 0, 0, 0, 0, 0, 0], train: [3, 1, 16, 0, 0, 0, 0, 0, 0, 0])
/// s.hitRate  // 0.5
/// s.pai      // 0.5 / 0.2 = 2.5
/// s.pei      // 6 / 9 (the best two cells hold 5 + 4)
/// s.rri      // (6/12) / (4/20) = 2.5
/// ```
public struct HotSpotScore: Hashable, Sendable {
  /// k, the cells selected.
  public var selectedCells: Int
  /// m, the cells analysed.
  public var studyCells: Int
  /// n, test incidents in the selected cells.
  public var captured: Double
  /// N, test incidents in the cells analysed.
  public var testIncidents: Double
  /// n*, the most test incidents any `selectedCells` cells hold.
  public var bestCaptured: Double
  /// n₁, training incidents in the selected cells.
  public var trainCaptured: Double
  /// N₁, training incidents in the cells analysed.
  public var trainIncidents: Double
  /// Cells left out that scored exactly as the last cell taken (`HotSpotSelection`).
  public var tiedLeftOut: Int

  /// The score of the cells at positions `selection` (distinct, each < `test.count`), from the
  /// counts per analysed cell of the test and training periods.
  /// - Parameters:
  ///   - selection: positions of the chosen cells among the cells analysed.
  ///   - test: incidents of the test period per analysed cell.
  ///   - train: incidents of the training period per analysed cell, in the same order.
  ///   - bestCaptured: n* when already known (`HotSpotScore.bestCaptures`); computed otherwise.
  ///   - tiedLeftOut: cells left out that scored as the last cell taken.
  /// - Complexity: O(k), plus O(m log m) when `bestCaptured` is not given.
  public init(
    selection: some Collection<Int>, test: [Double], train: [Double], bestCaptured: Double? = nil, tiedLeftOut: Int = 0
  ) {
    precondition(test.count == train.count)
    selectedCells = selection.count
    studyCells = test.count
    var n = 0.0
    var n1 = 0.0
    for cell in selection {
      n += test[cell]
      n1 += train[cell]
    }
    captured = n
    trainCaptured = n1
    testIncidents = test.reduce(0, +)
    trainIncidents = train.reduce(0, +)
    self.bestCaptured = bestCaptured ?? HotSpotScore.bestCaptures(test: test)[selection.count]
    self.tiedLeftOut = tiedLeftOut
  }

  /// Element k is the most incidents any k cells hold: the sum of the k largest counts
  /// (element 0 is 0). Exact for whole-number counts.
  /// - Complexity: O(m log m).
  public static func bestCaptures(test: [Double]) -> [Double] {
    let sorted = test.sorted(by: >)
    var sums = [0.0]
    sums.reserveCapacity(sorted.count + 1)
    for count in sorted { sums.append(sums[sums.count - 1] + count) }
    return sums
  }

  /// a / A = k / m, the share of the study area selected (nil when nothing is analysed).
  public var areaShare: Double? {
    studyCells > 0 ? Double(selectedCells) / Double(studyCells) : nil
  }

  /// H = n / N.
  public var hitRate: Double? {
    selectedCells > 0 && testIncidents > 0 ? captured / testIncidents : nil
  }

  /// PAI = (n / N) / (a / A).
  public var pai: Double? {
    guard let hitRate, let areaShare, areaShare > 0 else { return nil }
    return hitRate / areaShare
  }

  /// PEI = n / n*.
  public var pei: Double? {
    selectedCells > 0 && bestCaptured > 0 ? captured / bestCaptured : nil
  }

  /// RRI = (n₂ / N₂) / (n₁ / N₁).
  public var rri: Double? {
    guard selectedCells > 0, testIncidents > 0, trainIncidents > 0, trainCaptured > 0 else { return nil }
    return (captured / testIncidents) / (trainCaptured / trainIncidents)
  }
}
