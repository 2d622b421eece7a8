import Foundation
import GeoCore
import SpatialAnalysis
import Testing

@Suite("Locational outliers, convex hulls and the cells touching them")
struct LocationalOutliersTests {
  /// A 10 × 10 lattice at 100 m and one point 300 km east. By hand (checked with numpy): the
  /// median centre is (500, 400); the median distance M = 412.3106 m; S = 1.4826 · MAD = 144.6890 m;
  /// the limit M + 20·S = 3306.09 m; only the last point lies beyond it.
  static let x: [Double] = (0..<10).flatMap { i in (0..<10).map { _ in Double(100 * i) } } + [300_000.0]
  static let y: [Double] = (0..<10).flatMap { _ in (0..<10).map { j in Double(100 * j) } } + [0.0]

  @Test("one point 300 km away is the only outlier; centre, M, S and limit as by hand")
  func lattice() {
    let outliers = LocationalOutliers(x: Self.x, y: Self.y)
    #expect(outliers.rows == [100])
    #expect(outliers.centre == Point(x: 500, y: 400))
    #expect(abs(outliers.medianDistance - 412.31056256176606) < 1e-9)
    #expect(abs(outliers.spread - 144.6889930311919) < 1e-9)
    #expect(abs(outliers.threshold - 3306.090423185604) < 1e-9)
    // R₉₅: the 96th smallest of 101 distances, that of the lattice corner (0, 0): √(500² + 400²).
    #expect(abs(outliers.radius95 - (500.0 * 500 + 400 * 400).squareRoot()) < 1e-9)
  }

  @Test("the rows found do not depend on the order of the incidents; few or tight incidents have none")
  func orderAndEdges() {
    let reversed = LocationalOutliers(x: Self.x.reversed(), y: Self.y.reversed())
    #expect(reversed.rows == [0])
    #expect(LocationalOutliers(x: Array(Self.x.prefix(100)), y: Array(Self.y.prefix(100))).rows.isEmpty)
    #expect(LocationalOutliers(x: [0, 1, 2, 1_000_000], y: [0, 0, 0, 0]).rows.isEmpty)
  }

  @Test("a town 14.6 scaled MADs out is kept; the cut-off is 20; crowded incidents keep their spread")
  func outlyingTownKept() {
    // 100 points on a ring of 1 km and 10 at 14.6 S beyond the median distance are not outliers.
    var x: [Double] = []
    var y: [Double] = []
    for k in 0..<100 {
      let a = Double(k) * 2 * .pi / 100
      let r = 500 + Double(k % 10) * 100
      x.append(r * cos(a))
      y.append(r * sin(a))
    }
    let base = LocationalOutliers(x: x, y: y)
    let town = base.medianDistance + 14.6 * base.spread
    let withTown = LocationalOutliers(x: x + Array(repeating: town, count: 3), y: y + [0, 0, 0])
    #expect(withTown.rows.isEmpty)
    let far = LocationalOutliers(x: x + [base.medianDistance + 25 * base.spread], y: y + [0])
    #expect(far.rows == [100])
    // 20 incidents within 30 m of a shop and 15 spread 1–3 km around: S is about 30 m, so the
    // Hampel bound alone (under 1 km) would drop all 15; twice R₉₅ (about 6 km) keeps them.
    let shop: [Double] = (0..<20).map { (k: Int) -> Double in Double(k % 5) * 7 }
    let spread: [Double] = (0..<15).map { (k: Int) -> Double in 1000 + Double(k) * 140 }
    let shopX: [Double] = shop + spread
    let shopY: [Double] = (0..<20).map { (k: Int) -> Double in Double(k / 5) * 7 } + [Double](repeating: 0, count: 15)
    let crowded = LocationalOutliers(x: shopX, y: shopY)
    #expect(crowded.medianDistance + LocationalOutliers.cutoff * crowded.spread < 1000)
    #expect(crowded.rows.isEmpty)
    #expect(crowded.threshold == 2 * crowded.radius95)
  }

  @Test("Andrew's monotone chain: a square's corners, counter-clockwise; inside, on and off it")
  func hull() {
    let points = [
      Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: 10, y: 10), Point(x: 0, y: 10), Point(x: 5, y: 5),
      Point(x: 5, y: 0), Point(x: 3, y: 7),
    ]
    let hull = ConvexHull(points)
    #expect(hull.vertices == [Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: 10, y: 10), Point(x: 0, y: 10)])
    #expect(hull.contains(Point(x: 5, y: 5)))
    #expect(hull.contains(Point(x: 10, y: 5)))
    #expect(!hull.contains(Point(x: 11, y: 5)))
    #expect(hull.distance(to: Point(x: 13, y: 14)) == 5)
    #expect(hull.distance(to: Point(x: 5, y: 5)) == 0)
    let square = [Point(x: 12, y: 2), Point(x: 14, y: 2), Point(x: 14, y: 4), Point(x: 12, y: 4), Point(x: 12, y: 2)]
    #expect(hull.distance(toConvex: square) == 2)
    #expect(hull.distance(toConvex: square.map { Point(x: $0.x - 3, y: $0.y) }) == 0)
    #expect(ConvexHull([Point(x: 1, y: 1), Point(x: 1, y: 1)]).vertices == [Point(x: 1, y: 1)])
  }

  @Test("without areas or extent, the cells touching the hull grown by half a cell: 89 of 144 for a triangle")
  func hullCells() {
    // Triangle (0,0), (1000,0), (0,1000); 100 m cells over the box grown by 50 m and snapped:
    // -100..1100 both ways (12 × 12). A cell with south-west corner (a, b) touches the grown
    // triangle when a + b ≤ 1000 (a + b = 1100 is 70.7 m away): 12 + 12 + 11 + … + 2 = 89 cells.
    let x: [Double] = [0, 1000, 0, 200]
    let y: [Double] = [0, 0, 1000, 200]
    let layout = CellLayout(
      cellSize: 100, hexagons: false, extent: nil, areaBounds: nil, pointBounds: BoundingBox(x: x, y: y), inside: nil,
      hull: ConvexHull(x: x, y: y))
    #expect(layout.rule == .hull)
    #expect(layout.slotCount == 144)
    #expect(layout.count == 89)
    #expect(layout.extent == BoundingBox(minX: -100, minY: -100, maxX: 1100, maxY: 1100))
    #expect(layout.cell(of: Point(x: 950, y: 950)) == nil)
    #expect(layout.cell(of: Point(x: 10, y: 10)) != nil)
    // An extent keeps every cell of its rectangle, hull or not.
    let exact = CellLayout(
      cellSize: 100, hexagons: false, extent: BoundingBox(minX: 0, minY: 0, maxX: 1000, maxY: 1000), areaBounds: nil,
      pointBounds: BoundingBox(x: x, y: y), inside: nil, hull: ConvexHull(x: x, y: y))
    #expect(exact.rule == .extent)
    #expect(exact.count == 100)
  }
}
