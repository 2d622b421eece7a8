import GeoCore
import SpatialAnalysis
import Testing

/// Squares as closed rings, counter-clockwise.
func square(_ x0: Double, _ y0: Double, _ size: Double) throws -> Ring {
  try Ring(closed: [
    Point(x: x0, y: y0), Point(x: x0 + size, y: y0), Point(x: x0 + size, y: y0 + size),
    Point(x: x0, y: y0 + size), Point(x: x0, y: y0),
  ])
}

@Suite("Point location")
struct PointLocationTests {
  @Test("inside, on the boundary and outside a square")
  func threeAnswers() throws {
    let polygon = Polygon(exterior: try square(0, 0, 10))
    #expect(polygon.location(of: Point(x: 5, y: 5)) == .inside)
    #expect(polygon.location(of: Point(x: 10, y: 5)) == .onBoundary)
    #expect(polygon.location(of: Point(x: 0, y: 0)) == .onBoundary)
    #expect(polygon.location(of: Point(x: 10.000001, y: 5)) == .outside)
    #expect(polygon.location(of: Point(x: -1, y: -1)) == .outside)
  }

  @Test("a point in a hole is outside the polygon and inside the enclave that fills it")
  func holeAndEnclave() throws {
    let hole = try square(4, 4, 2)
    let ward = Polygon(exterior: try square(0, 0, 10), holes: [hole.reversed()])
    let enclave = Polygon(exterior: hole)
    let p = Point(x: 5, y: 5)
    #expect(ward.location(of: p) == .outside)
    #expect(enclave.location(of: p) == .inside)
    #expect(ward.location(of: Point(x: 4, y: 5)) == .onBoundary)
    // On the hole's edge the partition rule gives the point to exactly one of the two.
    for q in [Point(x: 4, y: 5), Point(x: 6, y: 5), Point(x: 5, y: 4), Point(x: 5, y: 6), Point(x: 4, y: 4)] {
      let owners = [ward, enclave].filter { $0.containsByHalfOpenRule(q) }.count
      #expect(owners == 1, "point \(q)")
    }
  }

  @Test("a point on a shared vertical edge goes to the polygon east of it")
  func sharedVerticalEdge() throws {
    let west = Polygon(exterior: try square(0, 0, 10))
    // The eastern neighbour walks the shared edge in the opposite direction (clockwise ring).
    let east = Polygon(exterior: try square(10, 0, 10).reversed())
    let p = Point(x: 10, y: 3.3)
    #expect(!west.containsByHalfOpenRule(p))
    #expect(east.containsByHalfOpenRule(p))
  }

  @Test("a point on a shared horizontal edge goes to the polygon north of it")
  func sharedHorizontalEdge() throws {
    let south = Polygon(exterior: try square(0, 0, 10))
    let north = Polygon(exterior: try square(0, 10, 10))
    let p = Point(x: 4.2, y: 10)
    #expect(!south.containsByHalfOpenRule(p))
    #expect(north.containsByHalfOpenRule(p))
  }

  @Test("a vertex shared by four polygons goes to the north-east one only")
  func fourPolygonVertex() throws {
    let squares = [
      ("south-west", Polygon(exterior: try square(0, 0, 10))),
      ("south-east", Polygon(exterior: try square(10, 0, 10))),
      ("north-west", Polygon(exterior: try square(0, 10, 10))),
      ("north-east", Polygon(exterior: try square(10, 10, 10))),
    ]
    let owners = squares.filter { $0.1.containsByHalfOpenRule(Point(x: 10, y: 10)) }.map(\.0)
    #expect(owners == ["north-east"])
  }

  @Test(
    "every point of a random sweep over a slanted shared edge lands in exactly one polygon",
    arguments: 0..<20)
  func slantedSharedEdge(seed: Int) throws {
    // Two triangles sharing the diagonal of a square with awkward coordinates.
    let a = Point(x: 412_345.678, y: 512_001.25)
    let c = Point(x: 413_001.5, y: 512_777.125)
    let b = Point(x: 413_001.5, y: 512_001.25)
    let d = Point(x: 412_345.678, y: 512_777.125)
    let lower = Polygon(exterior: try Ring(closed: [a, b, c, a]))
    let upper = Polygon(exterior: try Ring(closed: [a, c, d, a]))
    var rng = SplitMix64(seed: UInt64(seed))
    for _ in 0..<500 {
      let t = Double(rng.next() % 1_000_000) / 1_000_000
      // Points on the diagonal as floating point computes them (may be off by an ulp).
      let p = Point(x: a.x + t * (c.x - a.x), y: a.y + t * (c.y - a.y))
      let owners = [lower, upper].filter { $0.containsByHalfOpenRule(p) }.count
      if p.y > a.y && p.y < c.y { #expect(owners == 1, "t = \(t)") }
    }
  }

  @Test("a multipolygon contains points of each part")
  func multiPolygon() throws {
    let multi = MultiPolygon([Polygon(exterior: try square(0, 0, 1)), Polygon(exterior: try square(5, 5, 1))])
    #expect(multi.location(of: Point(x: 0.5, y: 0.5)) == .inside)
    #expect(multi.location(of: Point(x: 5.5, y: 5.5)) == .inside)
    #expect(multi.location(of: Point(x: 3, y: 3)) == .outside)
    #expect(multi.location(of: Point(x: 6, y: 5.5)) == .onBoundary)
  }
}
