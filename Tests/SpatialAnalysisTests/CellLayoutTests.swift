import GeoCore
import SpatialAnalysis
import Testing

@Suite("Cells analysed")
struct CellLayoutTests {
  @Test("with study areas only cells whose centre is inside are analysed; incidents elsewhere are counted as outside")
  func insideAreas() {
    // A 300 m square grid of 100 m cells; the study area is x < 150, which holds the centres at x = 50.
    let layout = CellLayout(
      cellSize: 100, hexagons: false, extent: BoundingBox(minX: 0, minY: 0, maxX: 300, maxY: 300), areaBounds: nil,
      pointBounds: .empty, inside: { $0.x < 150 })
    #expect(layout.count == 3)
    #expect(layout.slots == [0, 3, 6])
    #expect(layout.rule == .extentInAreas)
    #expect(layout.centre(of: 1) == Point(x: 50, y: 150))
    #expect(layout.cellArea == 10_000)
    let (counts, outside) = layout.tally(x: [10, 20, 50, 150, 299, 300], y: [10, 110, 250, 10, 299, 0])
    #expect(counts == [1, 1, 1])
    #expect(outside == 3)
  }

  @Test("without areas or extent the grid is the incidents' extent snapped outward; weights add")
  func snapped() {
    let layout = CellLayout(
      cellSize: 100, hexagons: false, extent: nil, areaBounds: nil,
      pointBounds: BoundingBox(minX: 120, minY: 80, maxX: 290, maxY: 110), inside: nil)
    #expect(layout.extent == BoundingBox(minX: 100, minY: 0, maxX: 300, maxY: 200))
    #expect(layout.count == 4)
    #expect(layout.rule == .incidents)
    let (counts, outside) = layout.tally(x: [120, 290, 150], y: [80, 110, 150], weights: [2, 0.5, 1])
    #expect(counts == [2, 0, 1, 0.5])
    #expect(outside == 0)
  }
}
