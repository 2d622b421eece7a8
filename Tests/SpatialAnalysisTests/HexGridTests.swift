import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Hexagonal grid")
struct HexGridTests {
  let grid = HexGrid(extent: BoundingBox(minX: 1000, minY: 2000, maxX: 2000, maxY: 3000), cellSize: 100)
  let root3 = 3.0.squareRoot()

  @Test("centres: the first at the south-west corner, rows c·√3/2 apart, odd rows shifted c/2 east")
  func centres() {
    #expect(grid.centre(column: 0, row: 0) == Point(x: 1000, y: 2000))
    #expect(grid.centre(column: 3, row: 0) == Point(x: 1300, y: 2000))
    let odd = grid.centre(column: 0, row: 1)
    #expect(odd.x == 1050)
    #expect(isClose(odd.y, 2000 + 50 * root3, tolerance: 1e-9))
    // Columns i with i·c − c/2 < 1000 (0…10); rows j with j·86.6 − 57.7 < 1000 (0…12).
    #expect(grid.columns == 11)
    #expect(grid.rows == 13)
    // Odd rows lose the column whose west edge is at the east edge of the extent.
    #expect(!grid.isCell(column: 10, row: 1))
    #expect(grid.isCell(column: 10, row: 0))
    #expect(grid.cells.count == 11 * 13 - 6)
  }

  @Test("the hexagon of a cell: pointy-top, counter-clockwise, area c²·√3/2, opposite edges c apart")
  func hexagon() throws {
    let ring = grid.hexagon(of: 2 * grid.columns + 4)
    let c = grid.centre(of: 2 * grid.columns + 4)
    #expect(ring.points.count == 7)
    #expect(ring.points.first == ring.points.last)
    #expect(ring.points[0].x == c.x)  // the south corner: pointy-top
    #expect(isClose(ring.points[1].x - ring.points[4].x, 100, tolerance: 1e-9))
    #expect(isClose(ring.signedArea, 100 * 100 * root3 / 2, tolerance: 1e-6))
    #expect(isClose(grid.cellArea, 8660.254037844386, tolerance: 1e-9))
  }

  @Test("a point belongs to the hexagon with the nearest centre", arguments: 0..<20)
  func nearestCentre(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    for _ in 0..<500 {
      let p = Point(x: Double.random(in: 1000..<2000, using: &rng), y: Double.random(in: 2000..<3000, using: &rng))
      guard let cell = grid.cell(of: p) else {
        Issue.record("\(p) inside the extent has no cell")
        return
      }
      let mine = grid.centre(of: cell)
      let d = hypot(p.x - mine.x, p.y - mine.y)
      #expect(d <= grid.circumradius + 1e-9)
      // No other cell's centre is nearer (brute force over every cell).
      for other in grid.cells where other != cell {
        let q = grid.centre(of: other)
        #expect(hypot(p.x - q.x, p.y - q.y) >= d - 1e-9)
      }
      // The point lies in its hexagon.
      #expect(Polygon(exterior: grid.hexagon(of: cell)).location(of: p) != .outside)
    }
  }

  @Test("ties go to the cell north, or east in the same row; points beyond the grid have none")
  func ties() {
    // Midway between (0, 0) and (1, 0) in row 0: the east cell.
    #expect(grid.cell(of: Point(x: 1050, y: 2000)) == 1)
    // The west edge of row 1's first hexagon is x = 1000: the point stays in the grid.
    #expect(grid.cell(of: Point(x: 1000, y: 2000 + 50 * root3)) == grid.columns)
    // The corner shared by (0, 0), (1, 0) and (0, 1): the row-1 cell.
    let corner = Point(x: 1050, y: 2000 + 100 / (2 * root3))
    #expect(grid.cell(of: corner) == grid.columns)
    #expect(grid.cell(of: Point(x: 500, y: 2500)) == nil)
    #expect(grid.cell(of: Point(x: 1500, y: 5000)) == nil)
    #expect(grid.cell(of: Point(x: .nan, y: 2500)) == nil)
  }

  @Test("neighbours: 6 around in the interior, 3 or fewer at corners; a 750 m band on 250 m cells reaches 36")
  func neighbours() throws {
    let cells = grid.cells
    let w = SpatialWeights.hexBand(grid: grid, cells: cells)
    #expect(w.isSymmetric)
    let interior = try #require(cells.firstIndex(of: 5 * grid.columns + 5))
    #expect(w.cardinality(of: interior) == 6)
    for j in w.neighbours(of: interior) {
      let a = grid.centre(of: cells[interior])
      let b = grid.centre(of: cells[j])
      #expect(isClose(hypot(a.x - b.x, a.y - b.y), 100, tolerance: 1e-9))
    }
    #expect(w.cardinality(of: 0) == 2)  // (0,0): east and the row-1 cell north-east
    #expect(w.cardinalityHistogram.last?.neighbours == 6)
    // The same band through the generic point search gives the same rows.
    let points = cells.map { grid.centre(of: $0) }
    #expect(w == SpatialWeights.distanceBand(points: points, limit: 100 * (1 + 1e-9)))
    // 3 rings of hexagons: 6 + 12 + 18.
    let big = HexGrid(extent: BoundingBox(minX: 0, minY: 0, maxX: 5000, maxY: 5000), cellSize: 250)
    let bigCells = big.cells
    let band = SpatialWeights.hexBand(grid: big, cells: bigCells, limit: 750)
    #expect(band.cardinalityHistogram.last?.neighbours == 36)
    let bigPoints = bigCells.map { big.centre(of: $0) }
    #expect(band == SpatialWeights.distanceBand(points: bigPoints, limit: 750 * (1 + 1e-9)))
  }

  @Test("a snapped grid starts at the extent snapped outward to whole cells")
  func snapping() {
    let snapped = HexGrid(snapping: BoundingBox(minX: 1010, minY: 2090, maxX: 1890, maxY: 2910), cellSize: 100)
    #expect(snapped.centre(column: 0, row: 0) == Point(x: 1000, y: 2000))
    #expect(snapped.extent == BoundingBox(minX: 1000, minY: 2000, maxX: 1900, maxY: 3000))
  }
}
