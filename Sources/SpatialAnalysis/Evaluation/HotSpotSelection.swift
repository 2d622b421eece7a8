/// The cells a hot-spot method picks under an area budget: the best-scoring cells whose number
/// fits the budget, ties broken by a stable rule.
///
/// METHODS.md "Grids": shares of area are shares of the cells analysed, so a budget of s of the
/// study area is ⌊s · m⌋ cells of the m analysed (every cell has the same area).
///
/// ## Tie rule
/// Cells are ranked by score, highest first; cells with equal scores by their position among the
/// analysed cells, lowest first, which is grid order: rows from the south, west to east within a
/// row (`CellLayout`). So among tied cells the south-westernmost is taken first.
///
/// Why: the key depends only on the grid, never on the order of the incidents or the number of
/// threads, and a reader can redo it by hand from a map. A seeded random draw would be as
/// arbitrary and harder to check. Ties matter only at the edge of a budget, and
/// `tiedLeftOut(ranking:scores:count:)` says how many cells scoring exactly as the last one taken
/// were left out, so a table can show when the edge of a selection is a coin toss (typically
/// cells with one training incident, or none, at the larger budgets).
///
/// ## Properties
/// - `ranking` is a permutation of `0..<scores.count`; NaN scores rank below every number.
/// - `budget(share:cells:)` is the floor of share · cells, exact for shares written in decimal
///   (29 % of 100 cells is 29 cells, although 0.29 · 100 is 28.999… in binary).
///
/// ## Example
/// ```swift
/// HotSpotSelection.ranking([1, 3, 3, 0])  // [1, 2, 0, 3]: the two 3s in grid order
/// HotSpotSelection.budget(share: 0.05, cells: 119)  // 5 (5.95 rounded down)
/// ```
public enum HotSpotSelection {
  /// ⌊share · cells⌋: the number of cells a budget of `share` (a fraction, 0…1) of `cells`
  /// equal cells holds.
  /// - Complexity: O(1).
  public static func budget(share: Double, cells: Int) -> Int {
    precondition(share >= 0 && cells >= 0)
    let exact = share * Double(cells)
    // A relative allowance of 1e-12 absorbs the binary representation of decimal shares
    // (0.29 · 100 = 28.999999999999996) without moving any real fraction across an integer.
    let count = (exact * (1 + 1e-12)).rounded(.down)
    return Swift.min(cells, Int(count))
  }

  /// Positions of the cells in selection order: score descending, ties by lower position first.
  /// - Complexity: O(m log m) for m cells.
  public static func ranking(_ scores: [Double]) -> [Int] {
    let keys = scores.map(key)
    return scores.indices.sorted { a, b in
      keys[a] != keys[b] ? keys[a] > keys[b] : a < b
    }
  }

  /// How many cells after the first `count` of `ranking` have exactly the score of the last
  /// cell taken (0 when `count` is 0 or takes every cell).
  /// - Complexity: O(number of such cells).
  public static func tiedLeftOut(ranking: [Int], scores: [Double], count: Int) -> Int {
    guard count > 0, count < ranking.count else { return 0 }
    let edge = key(scores[ranking[count - 1]])
    var tied = 0
    var k = count
    while k < ranking.count, key(scores[ranking[k]]) == edge {
      tied += 1
      k += 1
    }
    return tied
  }

  /// The score as ranked: NaN as −∞.
  private static func key(_ score: Double) -> Double { score.isNaN ? -.infinity : score }
}
