import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Patrol selection and zones")
struct PatrolSelectionTests {
  /// Six cells: counts 3, 9, 3, 0, 5, 1 (21 incidents). By hand, best first: cell 1 (9),
  /// cell 4 (5), cell 0 (3), cell 2 (3, tied with 0, later in grid order), cell 5 (1), cell 3 (0).
  let counts: [Double] = [3, 9, 3, 0, 5, 1]

  func select(_ rule: PatrolSelection.Rule, cellArea: Double = 22_500) -> PatrolSelection.Selection {
    PatrolSelection.select(rule, scores: counts, counts: counts, cellArea: cellArea)
  }

  @Test("ranks by score, equal scores by grid order")
  func ranking() {
    #expect(select(.top(1)).ranked == [1, 4, 0, 2, 5, 3])
  }

  @Test("equal scores go to the higher count before grid order")
  func tieOnCount() {
    #expect(PatrolSelection.rank(scores: [2, 2, 2, 5], counts: [1, 3, 3, 0]) == [3, 1, 2, 0])
  }

  @Test("coverage chooses the fewest leading cells reaching the share")
  func coverage() {
    // 50 % of 21 = 10.5: 9, then 9 + 5 = 14.
    let half = select(.coverage(0.5))
    #expect(half.count == 2 && half.wanted == 2 && Array(half.chosen) == [1, 4])
    // Exactly 9/21 is reached by the first cell (the rounding of 9/21 does not push it to two).
    #expect(select(.coverage(9.0 / 21)).count == 1)
    #expect(select(.coverage(0.43)).count == 2)
    // All incidents need every cell with one: 9 + 5 + 3 + 3 + 1.
    #expect(select(.coverage(1)).count == 5)
  }

  @Test("top k, a top share (rounded down, as backtest's budgets) and an area budget (whole cells that fit)")
  func topAndBudget() {
    let three = select(.top(3))
    #expect(Array(three.chosen) == [1, 4, 0])
    #expect(three.tiedBeyondCut == 1, "cell 2 ties with cell 0 and was left out by grid order")
    #expect(select(.topShare(0.5)).count == 3)
    #expect(select(.topShare(0.1)).wanted == 0)  // ⌊0.6⌋
    #expect(select(.topShare(0.34)).count == 2)  // ⌊2.04⌋, as HotSpotSelection.budget
    #expect(select(.topShare(0.34)).count == HotSpotSelection.budget(share: 0.34, cells: 6))
    #expect(select(.areaBudget(50_000)).count == 2)  // 50,000 / 22,500 = 2.2
    #expect(select(.areaBudget(67_500)).count == 3)  // exactly three cells
    #expect(select(.areaBudget(10_000)).count == 0)
  }

  @Test("cells scoring 0 are never chosen, and the shortfall is reported")
  func zeroScores() {
    let all = select(.top(10))
    #expect(all.count == 5 && all.wanted == 6 && all.shortfall == 1)
    // Scores 0 where incidents are: coverage cannot be reached.
    let short = PatrolSelection.select(.coverage(0.9), scores: [0, 1], counts: [5, 1], cellArea: 1)
    #expect(short.count == 1 && short.wanted == nil)
  }

  @Test("square cells sharing an edge form a zone; corners do not join; zones are numbered by their best cell")
  func squareZones() {
    // 4 × 4 cells of 100 m: cell index = row · 4 + column.
    let layout = CellLayout(
      cellSize: 100, hexagons: false, extent: BoundingBox(minX: 0, minY: 0, maxX: 400, maxY: 400), areaBounds: nil,
      pointBounds: .empty, inside: nil)
    // 5 (1,1) and 6 (2,1) share an edge, 6 and 10 (2,2) too; 0 (0,0) meets 5 only at a corner, as 15
    // (3,3) meets 10.
    #expect(PatrolZones.zones(of: [5, 15, 6, 0, 10], layout: layout) == [1, 2, 1, 3, 1])
    #expect(PatrolZones.edgeNeighbours(of: 5, layout: layout) == [1, 4, 6, 9])
    #expect(PatrolZones.edgeNeighbours(of: 0, layout: layout) == [1, 4])
  }

  @Test("a hexagon has six edge neighbours, each one cell size away")
  func hexagonZones() throws {
    let layout = CellLayout(
      cellSize: 100, hexagons: true, extent: BoundingBox(minX: 0, minY: 0, maxX: 600, maxY: 600), areaBounds: nil,
      pointBounds: .empty, inside: nil)
    let centre = try #require(layout.cell(of: Point(x: 300, y: 2 * 100 * 3.0.squareRoot() / 2)))
    let neighbours = PatrolZones.edgeNeighbours(of: centre, layout: layout)
    #expect(neighbours.count == 6)
    for n in neighbours {
      let a = layout.centre(of: centre)
      let b = layout.centre(of: n)
      #expect(isClose(((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot(), 100, tolerance: 1e-9))
    }
    let far = try #require(layout.cell(of: Point(x: 0, y: 0)))
    #expect(PatrolZones.zones(of: [centre, far] + neighbours, layout: layout) == [1, 2] + neighbours.map { _ in 1 })
  }
}
