import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

/// A line through the given (x, y) pairs.
func line(_ pairs: [(Double, Double)]) -> LineString {
  LineString(unchecked: pairs.map { Point(x: $0.0, y: $0.1) })
}

@Suite("Line geometry")
struct LineStringTests {
  @Test("a line needs two finite positions")
  func validation() {
    let a = Point(x: 0, y: 0)
    let b = Point(x: 3, y: 4)
    #expect(throws: GeometryError.lineTooShort(found: 1)) { try LineString([a]) }
    #expect(throws: GeometryError.lineTooShort(found: 0)) { try LineString([]) }
    #expect(throws: GeometryError.nonFiniteCoordinate(index: 1)) {
      try LineString([a, Point(x: .infinity, y: 0)])
    }
    #expect(throws: Never.self) { try LineString([a, b]) }
    #expect(throws: Never.self) { try LineString([a, a]) }
    #expect(GeometryError.lineTooShort(found: 1).description == "a line needs at least 2 positions, found 1")
  }

  @Test("length, box, vertices and type of single and multi-part lines")
  func measures() {
    let l = line([(0, 0), (3, 4), (3, 10)])
    #expect(l.length == 11)
    #expect(l.boundingBox == BoundingBox(minX: 0, minY: 0, maxX: 3, maxY: 10))
    #expect(l.vertexCount == 3)
    #expect(!l.isClosed)
    let single = Geometry.lineString(l)
    let multi = Geometry.multiLineString([l, line([(10, 10), (10, 12)])])
    #expect(single.typeName == "LineString" && multi.typeName == "MultiLineString")
    #expect(single.length == 11 && multi.length == 13)
    #expect(multi.vertexCount == 5)
    #expect(multi.boundingBox == BoundingBox(minX: 0, minY: 0, maxX: 10, maxY: 12))
    #expect(multi.lines.count == 2 && multi.isLinear)
  }

  @Test("lines are not areal: no polygons, no area, no points, contain nothing")
  func notAreal() throws {
    let roundabout = Geometry.lineString(line([(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]))
    #expect(!roundabout.isAreal && roundabout.polygons.isEmpty && roundabout.points.isEmpty)
    #expect(roundabout.area == 0)
    #expect(!roundabout.containsByHalfOpenRule(Point(x: 5, y: 5)))
    #expect(roundabout.location(of: Point(x: 5, y: 5)) == .outside)
    #expect(roundabout.location(of: Point(x: 5, y: 0)) == .onBoundary)
    #expect(roundabout.location(of: Point(x: 10, y: 10)) == .onBoundary)
    #expect(Geometry.polygon(Polygon(exterior: try square(0, 0, 10))).length == 0)
  }

  @Test("the centroid of a line is its length-weighted centre")
  func centroid() {
    // 10 m along x at y = 0, then 2 m up x = 10: weighted (5·10 + 10·2)/12, (0·10 + 1·2)/12.
    let l = Geometry.lineString(line([(0, 0), (10, 0), (10, 2)]))
    #expect(isClose(l.centroid.x, 70.0 / 12, tolerance: 1e-12))
    #expect(isClose(l.centroid.y, 2.0 / 12, tolerance: 1e-12))
    #expect(Geometry.lineString(line([(4, 4), (4, 4)])).centroid == Point(x: 4, y: 4))
  }

  @Test("mapPoints transforms every position of every part")
  func mapPoints() {
    let multi = Geometry.multiLineString([line([(0, 0), (1, 1)]), line([(2, 2), (3, 3)])])
    let moved = multi.mapPoints { Point(x: $0.x + 100, y: $0.y * 2) }
    #expect(moved == .multiLineString([line([(100, 0), (101, 2)]), line([(102, 4), (103, 6)])]))
  }
}

@Suite("Line simplification")
struct LineSimplificationTests {
  @Test("Douglas–Peucker keeps the ends and the corners farther than the tolerance")
  func douglasPeuckerByHand() {
    // A zig-zag whose small wiggles (0.3) vanish at tolerance 0.5 and whose corners stay.
    let l = line([(0, 0), (1, 0.3), (2, 0.05), (3, -0.3), (5, 5), (6, 5.3), (10, 5)])
    #expect(l.simplified(tolerance: 0.5) == line([(0, 0), (3, -0.3), (5, 5), (10, 5)]))
    #expect(l.simplified(tolerance: 100) == line([(0, 0), (10, 5)]))
    #expect(l.simplified(tolerance: 0) == l)
    // Exactly collinear positions go at tolerance 0.
    #expect(line([(0, 0), (1, 1), (2, 2)]).simplified(tolerance: 0) == line([(0, 0), (2, 2)]))
    // Two positions, and a closed line, keep their ends.
    #expect(line([(0, 0), (1, 1)]).simplified(tolerance: 10) == line([(0, 0), (1, 1)]))
    let loop = line([(0, 0), (10, 0), (10, 10), (0, 0)])
    #expect(loop.simplified(tolerance: 1) == loop)
    #expect(loop.simplified(tolerance: 100) == line([(0, 0), (0, 0)]))
  }

  @Test(
    "Douglas–Peucker never leaves a removed position, or the original line, farther than the tolerance",
    arguments: 0..<12)
  func douglasPeuckerBound(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    // A random walk at British National Grid magnitudes.
    var p = Point(x: 420_000 + Double(random.next() % 1000), y: 540_000)
    var points = [p]
    for _ in 0..<Int.random(in: 2...400, using: &random) {
      p.x += Double.random(in: -30...50, using: &random)
      p.y += Double.random(in: -40...40, using: &random)
      points.append(p)
    }
    let tolerance = [0.5, 2, 10, 40][Int(seed % 4)]
    let kept = LineSimplification.douglasPeucker(points, tolerance: tolerance)
    #expect(kept.first == points.first && kept.last == points.last)
    #expect(kept.count <= points.count && kept.count >= 2)
    // Kept positions are originals, in order.
    var cursor = points.startIndex
    for q in kept {
      guard let found = points[cursor...].firstIndex(of: q) else {
        Issue.record("kept position \(q) is not an original after index \(cursor)")
        return
      }
      cursor = found + 1
    }
    func distanceToSimplified(_ q: Point) -> Double {
      var best = Double.infinity
      for i in 0..<(kept.count - 1) { best = min(best, q.squaredDistance(toSegment: kept[i], kept[i + 1])) }
      return best.squareRoot()
    }
    var worst = 0.0
    for (i, q) in points.enumerated() {
      worst = max(worst, distanceToSimplified(q))
      // Points along the original segments too (Hausdorff from the original to the result).
      if i + 1 < points.count {
        let r = points[i + 1]
        for t in [0.25, 0.5, 0.75] {
          worst = max(worst, distanceToSimplified(Point(x: q.x + t * (r.x - q.x), y: q.y + t * (r.y - q.y))))
        }
      }
    }
    #expect(worst <= tolerance * (1 + 1e-9), "worst \(worst) over tolerance \(tolerance)")
  }

  @Test("Visvalingam–Whyatt removes the smallest effective areas first and keeps the ends")
  func visvalingamWhyattByHand() {
    // Effective areas: (1, 0.1) 0.1, (2, 0) 1.05 then 2 once (1, 0.1) goes, (3, 2) 2.
    let l = line([(0, 0), (1, 0.1), (2, 0), (3, 2), (4, 0)])
    #expect(l.simplified(minimumArea: 0.05) == l)
    #expect(l.simplified(minimumArea: 0.2) == line([(0, 0), (2, 0), (3, 2), (4, 0)]))
    #expect(l.simplified(minimumArea: 1_000) == line([(0, 0), (4, 0)]))
    #expect(line([(0, 0), (5, 5)]).simplified(minimumArea: 1_000) == line([(0, 0), (5, 5)]))
  }

  @Test("Visvalingam–Whyatt results are nested: a larger tolerance keeps a subset", arguments: 0..<6)
  func visvalingamWhyattNested(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var p = Point(x: 0, y: 0)
    var points = [p]
    for _ in 0..<300 {
      p.x += Double.random(in: 0...10, using: &random)
      p.y += Double.random(in: -10...10, using: &random)
      points.append(p)
    }
    var previous = points
    for area in [1.0, 5, 20, 80, 400] {
      let kept = LineSimplification.visvalingamWhyatt(points, minimumArea: area)
      #expect(kept.first == points.first && kept.last == points.last)
      #expect(Set(kept).isSubset(of: Set(previous)), "area \(area)")
      #expect(kept.count <= previous.count)
      previous = kept
    }
  }

  @Test("the map tolerance is half a pixel of the extent's width by default")
  func mapTolerance() {
    let extent = BoundingBox(minX: 400_000, minY: 500_000, maxX: 440_000, maxY: 560_000)
    #expect(LineSimplification.tolerance(forMapOf: extent, widthInPixels: 800) == 25)
    #expect(LineSimplification.tolerance(forMapOf: extent, widthInPixels: 800, pixels: 1) == 50)
    #expect(LineSimplification.tolerance(forMapOf: .empty, widthInPixels: 800) == 0)
  }

  @Test("simplifyingLines simplifies lines and leaves points and polygons alone")
  func geometry() throws {
    let polygon = Geometry.polygon(Polygon(exterior: try square(0, 0, 1)))
    #expect(polygon.simplifyingLines(tolerance: 100) == polygon)
    let multi = Geometry.multiLineString([line([(0, 0), (1, 0.1), (2, 0)]), line([(5, 5), (6, 6)])])
    #expect(
      multi.simplifyingLines(tolerance: 1)
        == .multiLineString([line([(0, 0), (2, 0)]), line([(5, 5), (6, 6)])]))
  }
}

@Suite("Line clipping")
struct LineClippingTests {
  let box = BoundingBox(minX: 0, minY: 0, maxX: 10, maxY: 10)

  @Test("a line crossing the box is cut where it crosses")
  func crossing() {
    #expect(line([(-5, 5), (15, 5)]).clipped(to: box) == [line([(0, 5), (10, 5)])])
    #expect(line([(-5, -5), (5, 5), (5, 20)]).clipped(to: box) == [line([(0, 0), (5, 5), (5, 10)])])
  }

  @Test("a line entirely inside is returned whole; one entirely outside gives nothing")
  func insideOutside() {
    let inside = line([(1, 1), (2, 8), (9, 9)])
    #expect(inside.clipped(to: box) == [inside])
    #expect(line([(11, 0), (20, 20), (-1, 30)]).clipped(to: box).isEmpty)
    // Outside, but with a box that overlaps the box: the segment passes beside a corner.
    #expect(line([(-5, 8), (8, 21)]).clipped(to: box).isEmpty)
    #expect(inside.clipped(to: .empty).isEmpty)
  }

  @Test("a line touching a corner from outside gives nothing; one along an edge is kept")
  func touching() {
    #expect(line([(5, 15), (15, 5)]).clipped(to: box).isEmpty)
    #expect(line([(-5, 5), (0, 10), (5, 15)]).clipped(to: box).isEmpty)
    #expect(line([(0, -5), (0, 15)]).clipped(to: box) == [line([(0, 0), (0, 10)])])
  }

  @Test("a line that leaves and re-enters gives two parts, in order")
  func reentering() {
    let l = line([(2, 2), (5, 5), (5, 15), (8, 15), (8, 5), (9, 1)])
    #expect(
      l.clipped(to: box) == [line([(2, 2), (5, 5), (5, 10)]), line([(8, 10), (8, 5), (9, 1)])])
    let geometry = Geometry.lineString(l).clippingLines(to: box)
    #expect(geometry?.typeName == "MultiLineString")
    #expect(Geometry.lineString(line([(20, 20), (30, 30)])).clippingLines(to: box) == nil)
  }

  @Test("every clipped position lies inside the box, whatever the line", arguments: 0..<6)
  func alwaysInside(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let box = BoundingBox(minX: 412_345.67, minY: 512_001.3, maxX: 413_001.1, maxY: 512_777.9)
    let points = (0..<200).map { _ in
      Point(
        x: Double.random(in: 412_000...413_400, using: &random),
        y: Double.random(in: 511_700...513_100, using: &random))
    }
    let parts = LineString(unchecked: points).clipped(to: box)
    #expect(!parts.isEmpty)
    for part in parts {
      #expect(part.points.count >= 2)
      #expect(part.points.allSatisfy(box.contains))
    }
  }
}
