/// The short list of cells for hot-spot patrols: cells ranked by a score (incident count,
/// harm-weighted count or kernel density), then the leading cells chosen by one rule.
///
/// Hot-spot policing works best on a few micro-places visited briefly and often (Koper 1995:
/// 10–15 minute visits; Braga et al. 2019), so the list is short and its coverage is stated.
///
/// ## Ranking (stable, documented tie rule)
/// Higher score first; equal scores by higher incident count; then by cell index (grid order:
/// rows from the south, west to east). Ranks are therefore unique and do not depend on the order
/// of the incidents.
///
/// ## Rules
/// - `.coverage(share)`: the fewest leading cells whose incidents reach `share` of all incidents
///   in the cells (within 1e-9 relative). With a count score this is the smallest set of cells
///   holding that share; with another score it is the shortest head of that ranking.
/// - `.top(k)`: the k leading cells.
/// - `.topShare(p)`: the ⌊p · m⌋ leading cells of the m analysed: a budget never exceeds the share
///   asked, the rule `backtest` scores its area budgets by (`HotSpotSelection.budget`).
/// - `.areaBudget(a)`: as many leading cells as fit in area a: ⌊a / cell area⌋ (within 1e-9
///   relative), cells being equal in size; the best set within the budget for the score.
///
/// A cell whose score is 0 is never chosen: a rule may return fewer cells than it asked for
/// (`shortfall` says so).
///
/// - Complexity: O(m log m) for m cells (one sort).
///
/// ## Example
/// ```swift
/// let s = PatrolSelection.select(.top(2), scores: [3, 9, 3, 0], counts: [3, 9, 3, 0], cellArea: 1)
/// s.ranked  // [1, 0, 2, 3]
/// s.count  // 2
/// ```
public enum PatrolSelection {
  /// Which leading cells are chosen (see the rules above).
  public enum Rule: Hashable, Sendable {
    /// The fewest cells holding this share (0 < share ≤ 1) of the incidents.
    case coverage(Double)
    /// This many cells (> 0).
    case top(Int)
    /// This share (0 < share ≤ 1) of the analysed cells, rounded down (`HotSpotSelection.budget`).
    case topShare(Double)
    /// Cells within this area (> 0), in squared CRS units (m²).
    case areaBudget(Double)
  }

  /// The ranking of every cell and how many of its head are chosen.
  public struct Selection: Hashable, Sendable {
    /// Every cell, best first.
    public var ranked: [Int]
    /// How many of `ranked` are chosen (a head of it).
    public var count: Int
    /// The number of cells the rule asked for, when it names one (`top`, `topShare`,
    /// `areaBudget`); for `coverage`, the cells needed to reach the share (nil when the scored
    /// cells cannot).
    public var wanted: Int?
    /// Cells left unchosen whose score and count equal the last chosen cell's: the cut fell
    /// inside a tie, broken by grid order.
    public var tiedBeyondCut: Int

    /// The chosen cells, best first.
    public var chosen: ArraySlice<Int> { ranked.prefix(count) }
    /// Cells the rule wanted but could not have because their score is 0.
    public var shortfall: Int { Swift.max(0, (wanted ?? count) - count) }
  }

  /// Cell indices, best first: higher score, then higher count, then lower index.
  /// - Precondition: `scores.count == counts.count`.
  public static func rank(scores: [Double], counts: [Double]) -> [Int] {
    precondition(scores.count == counts.count)
    return scores.indices.sorted { a, b in
      if scores[a] != scores[b] { return scores[a] > scores[b] }
      if counts[a] != counts[b] { return counts[a] > counts[b] }
      return a < b
    }
  }

  /// Ranks the cells and applies `rule`.
  /// - Parameters:
  ///   - rule: how many cells to take (top n, a share of cells, a coverage, an area budget).
  ///   - scores: what cells are ranked by (≥ 0).
  ///   - counts: incidents per cell (the coverage and tie rule use them).
  ///   - cellArea: the area of one cell, in the units of an area budget (m²).
  public static func select(_ rule: Rule, scores: [Double], counts: [Double], cellArea: Double) -> Selection {
    let ranked = rank(scores: scores, counts: counts)
    let scored = ranked.prefix { scores[$0] > 0 }.count
    var wanted: Int?
    switch rule {
    case .top(let k):
      wanted = Swift.min(Swift.max(0, k), ranked.count)
    case .topShare(let share):
      wanted = HotSpotSelection.budget(share: share, cells: ranked.count)
    case .areaBudget(let area):
      let fitting = (area / cellArea * (1 + 1e-9)).rounded(.down)
      wanted = fitting >= Double(ranked.count) ? ranked.count : Int(Swift.max(0, fitting))
    case .coverage(let share):
      let total = counts.reduce(0, +)
      let target = share * total * (1 - 1e-9)
      var cumulative = 0.0
      for (position, cell) in ranked.prefix(scored).enumerated() {
        cumulative += counts[cell]
        if cumulative >= target {
          wanted = position + 1
          break
        }
      }
    }
    let count = Swift.min(wanted ?? scored, scored)
    var tied = 0
    if count > 0 {
      let last = ranked[count - 1]
      for cell in ranked[count...] {
        guard scores[cell] == scores[last] && counts[cell] == counts[last] else { break }
        tied += 1
      }
    }
    return Selection(ranked: ranked, count: count, wanted: wanted, tiedBeyondCut: tied)
  }
}
