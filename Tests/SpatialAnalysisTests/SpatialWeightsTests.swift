import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

/// A square polygon from (x0, y0) to (x1, y1), counter-clockwise.
func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Geometry {
  .polygon(
    Polygon(
      exterior: Ring(uncheckedClosed: [
        Point(x: x0, y: y0), Point(x: x1, y: y0), Point(x: x1, y: y1), Point(x: x0, y: y1), Point(x: x0, y: y0),
      ])))
}

func rows(_ w: SpatialWeights) -> [[Int]] { (0..<w.count).map { Array(w.neighbours(of: $0)) } }

@Suite("Spatial weights")
struct SpatialWeightsTests {
  /// A 3 × 3 block of 100 m squares, numbered row by row from the south-west.
  let block: [Geometry] = (0..<9).map { k in
    let i = Double(k % 3)
    let j = Double(k / 3)
    return square(i * 100, j * 100, i * 100 + 100, j * 100 + 100)
  }

  @Test("queen contiguity on a 3 × 3 block: corners have 3 neighbours, edges 5, the centre 8")
  func queenBlock() {
    let w = SpatialWeights.contiguity(areas: block, rule: .queen, tolerance: 0)
    #expect(rows(w)[0] == [1, 3, 4])
    #expect(rows(w)[1] == [0, 2, 3, 4, 5])
    #expect(rows(w)[4] == [0, 1, 2, 3, 5, 6, 7, 8])
    #expect(w.isSymmetric)
    #expect(w.islands.isEmpty)
    #expect(w.cardinalityHistogram.map(\.neighbours) == [3, 5, 8])
    #expect(w.cardinalityHistogram.map(\.features) == [4, 4, 1])
  }

  @Test("rook contiguity on a 3 × 3 block leaves out the corner contacts")
  func rookBlock() {
    let w = SpatialWeights.contiguity(areas: block, rule: .rook, tolerance: 0)
    #expect(rows(w)[0] == [1, 3])
    #expect(rows(w)[4] == [1, 3, 5, 7])
  }

  @Test("generalised boundaries: a 0.4 m gap and moved vertices still make neighbours within 1 m")
  func generalisedBoundaries() {
    // West square ends at x = 100; the east one starts at 100.4 with vertices elsewhere on the edge.
    let west = square(0, 0, 100, 100)
    let east: Geometry = .polygon(
      Polygon(
        exterior: Ring(uncheckedClosed: [
          Point(x: 100.4, y: -20), Point(x: 200, y: -20), Point(x: 200, y: 80), Point(x: 100.4, y: 80),
          Point(x: 100.4, y: 30), Point(x: 100.4, y: -20),
        ])))
    let far = square(103, 102, 200, 200)  // its corner 3.6 m from the west square's
    let areas = [west, east, far]
    #expect(rows(SpatialWeights.contiguity(areas: areas, rule: .queen, tolerance: 1)) == [[1], [0], []])
    #expect(rows(SpatialWeights.contiguity(areas: areas, rule: .rook, tolerance: 1)) == [[1], [0], []])
    #expect(rows(SpatialWeights.contiguity(areas: areas, rule: .queen, tolerance: 0.1)) == [[], [], []])
    #expect(SpatialWeights.contiguity(areas: areas, tolerance: 0.1).islands == [0, 1, 2])
  }

  @Test("two squares touching at a corner 0.5 m apart are queen but not rook neighbours")
  func cornerWithinTolerance() {
    let areas = [square(0, 0, 100, 100), square(100.3, 100.4, 200, 200)]
    #expect(rows(SpatialWeights.contiguity(areas: areas, rule: .queen, tolerance: 1)) == [[1], [0]])
    #expect(rows(SpatialWeights.contiguity(areas: areas, rule: .rook, tolerance: 1)) == [[], []])
  }

  @Test("overlapping generalised boundaries whose edges cross count as neighbours")
  func crossingEdges() {
    let a = square(0, 0, 100, 100)
    let b: Geometry = .polygon(
      Polygon(
        exterior: Ring(uncheckedClosed: [
          Point(x: 95, y: -50), Point(x: 200, y: -50), Point(x: 200, y: 150), Point(x: 105, y: 150),
          Point(x: 95, y: -50),
        ])))
    #expect(rows(SpatialWeights.contiguity(areas: [a, b], rule: .rook, tolerance: 1)) == [[1], [0]])
  }

  @Test("distance band includes the limit and excludes self")
  func distanceBand() {
    let points = [Point(x: 0, y: 0), Point(x: 3, y: 4), Point(x: 6, y: 8), Point(x: 100, y: 0)]
    let w = SpatialWeights.distanceBand(points: points, limit: 5)
    #expect(rows(w) == [[1], [0, 2], [1], []])
    #expect(w.islands == [3])
  }

  @Test("distance band equals the brute-force pairs on random points", arguments: 0..<20)
  func distanceBandRandom(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let points = (0..<150).map { _ in Point(x: Double(rng.next() % 10_000) / 10, y: Double(rng.next() % 5_000) / 10) }
    let limit = 37.5
    let w = SpatialWeights.distanceBand(points: points, limit: limit)
    let brute = points.indices.map { i in
      points.indices.filter { j in
        j != i
          && (points[i].x - points[j].x) * (points[i].x - points[j].x) + (points[i].y - points[j].y)
            * (points[i].y - points[j].y) <= limit * limit
      }
    }
    #expect(rows(w) == brute)
  }

  @Test("k nearest neighbours equal brute force, ties broken by index", arguments: 0..<20)
  func knnRandom(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    // Integer coordinates on a small lattice: many equal distances.
    let points = (0..<120).map { _ in Point(x: Double(rng.next() % 30), y: Double(rng.next() % 20)) }
    let k = 6
    let w = SpatialWeights.nearestNeighbours(points: points, k: k)
    let brute = points.indices.map { i in
      points.indices.filter { $0 != i }.sorted { a, b in
        let da =
          (points[a].x - points[i].x) * (points[a].x - points[i].x) + (points[a].y - points[i].y)
          * (points[a].y - points[i].y)
        let db =
          (points[b].x - points[i].x) * (points[b].x - points[i].x) + (points[b].y - points[i].y)
          * (points[b].y - points[i].y)
        return da != db ? da < db : a < b
      }.prefix(k).sorted()
    }
    #expect(rows(w) == brute)
  }

  @Test(
    "forEachEntry: every entry in order with w_ji as weight(j, i) gives it, on asymmetric k-nearest rows",
    arguments: 0..<10)
  func reverseWeights(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let points = (0..<80).map { _ in Point(x: Double(rng.next() % 25), y: Double(rng.next() % 15)) }
    let w = SpatialWeights.nearestNeighbours(points: points, k: 4).transformed(.row).includingSelf(weight: 0.5)
    var expected: [Double] = []
    for i in 0..<w.count {
      for j in w.neighbours(of: i) { expected.append(w.weight(j, i)) }
    }
    var visited: [Int] = []
    var weights: [Double] = []
    var reverse: [Double] = []
    w.forEachEntry { k, weight, reverseWeight in
      visited.append(k)
      weights.append(weight)
      reverse.append(reverseWeight)
    }
    #expect(visited == Array(0..<w.entryCount))
    #expect(weights == w.weightValues)
    #expect(reverse == expected)
    #expect(expected.contains(0), "some k-nearest pairs are one way")
    #expect(!w.isSymmetric)
    #expect(
      SpatialWeights.gridBand(
        grid: SquareGrid(minX: 0, minY: 0, cellSize: 1, columns: 6, rows: 4), cells: Array(0..<24)
      ).isSymmetric)
  }

  @Test("grid band: the default c·√2 gives the 8 surrounding cells; 2c gives 12")
  func gridBand() {
    let grid = SquareGrid(minX: 0, minY: 0, cellSize: 250, columns: 5, rows: 5)
    let all = Array(0..<25)
    let w = SpatialWeights.gridBand(grid: grid, cells: all)
    #expect(rows(w)[12] == [6, 7, 8, 11, 13, 16, 17, 18])
    #expect(rows(w)[0] == [1, 5, 6])
    #expect(SpatialWeights.gridBand(grid: grid, cells: all, limit: 500).cardinality(of: 12) == 12)
    // Only some cells analysed: neighbours are feature indices among them.
    let some = SpatialWeights.gridBand(grid: grid, cells: [0, 1, 12, 6])
    #expect(rows(some) == [[1, 3], [0, 3], [3], [0, 1, 2]])
    // The same as a distance band between cell centres.
    let centres = all.map { grid.centre(of: $0) }
    #expect(rows(SpatialWeights.distanceBand(points: centres, limit: 250 * 2.0.squareRoot() + 1e-6)) == rows(w))
  }

  @Test("row transform makes rows sum to 1, islands stay empty; includingSelf adds w_ii once")
  func transforms() {
    let w = SpatialWeights(lists: [[1, 2], [0], [0], []])
    let row = w.transformed(.row)
    #expect(Array(row.weights(of: 0)) == [0.5, 0.5])
    #expect(row.cardinality(of: 3) == 0)
    let star = w.includingSelf()
    #expect(rows(star) == [[0, 1, 2], [0, 1], [0, 2], [3]])
    #expect(rows(star.includingSelf()) == rows(star))
    #expect(star.islands == [3])
    #expect(isClose(w.meanNeighbours, 1, tolerance: 1e-12))
  }
}
