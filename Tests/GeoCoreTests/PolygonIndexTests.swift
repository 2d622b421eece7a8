import GeoCore
import SpatialAnalysis
import Testing

@Suite("Polygon index")
struct PolygonIndexTests {
  /// A jittered lattice partition: cell (i, j) is a quadrilateral whose corners are shared,
  /// bit for bit, with its neighbours; every other cell has a hole filled by an enclave.
  static func partition(seed: UInt64, columns: Int = 6, rows: Int = 5) throws -> [Geometry?] {
    var rng = SplitMix64(seed: seed)
    func jitter() -> Double { Double(rng.next() % 2000) / 10 - 100 }
    var corners: [[Point]] = []
    for i in 0...columns {
      var column: [Point] = []
      for j in 0...rows {
        let edgeX = i == 0 || i == columns
        let edgeY = j == 0 || j == rows
        column.append(
          Point(
            x: 412_000.125 + Double(i) * 1000 + (edgeX ? 0 : jitter()),
            y: 530_000.375 + Double(j) * 1000 + (edgeY ? 0 : jitter())))
      }
      corners.append(column)
    }
    var areas: [Geometry?] = []
    var enclaves: [Geometry?] = []
    for j in 0..<rows {
      for i in 0..<columns {
        let ring = try Ring(closed: [
          corners[i][j], corners[i + 1][j], corners[i + 1][j + 1], corners[i][j + 1], corners[i][j],
        ])
        if (i + j) % 2 == 0 {
          let c = Point(
            x: (corners[i][j].x + corners[i + 1][j + 1].x) / 2, y: (corners[i][j].y + corners[i + 1][j + 1].y) / 2)
          let hole = try Ring(closed: [
            Point(x: c.x - 100, y: c.y - 100), Point(x: c.x + 100, y: c.y - 100),
            Point(x: c.x + 100, y: c.y + 100), Point(x: c.x - 100, y: c.y + 100), Point(x: c.x - 100, y: c.y - 100),
          ])
          areas.append(.polygon(Polygon(exterior: ring, holes: [hole.reversed()])))
          enclaves.append(.polygon(Polygon(exterior: hole)))
        } else {
          areas.append(.polygon(Polygon(exterior: ring)))
        }
      }
    }
    return areas + enclaves + [nil]
  }

  static func bruteForce(_ areas: [Geometry?], _ p: Point) -> [Int] {
    areas.indices.filter { areas[$0]?.containsByHalfOpenRule(p) == true }
  }

  @Test("agrees with the plain half-open test on random points, vertices and edge points", arguments: 0..<10)
  func agreesWithBruteForce(seed: UInt64) throws {
    let areas = try Self.partition(seed: seed)
    let index = PolygonIndex(areas: areas)
    var rng = SplitMix64(seed: seed &+ 1000)
    var probes: [Point] = []
    for _ in 0..<3000 {
      probes.append(
        Point(x: 411_500 + Double(rng.next() % 7_000_000) / 1000, y: 529_500 + Double(rng.next() % 6_000_000) / 1000))
    }
    for geometry in areas.compactMap({ $0 }) {
      for ring in geometry.polygons.flatMap(\.rings) {
        for (k, p) in ring.points.enumerated() {
          probes.append(p)
          let q = ring.points[(k + 1) % ring.points.count]
          probes.append(Point(x: (p.x + q.x) / 2, y: (p.y + q.y) / 2))
        }
      }
    }
    for p in probes {
      let expected = Self.bruteForce(areas, p)
      #expect(index.allContaining(p) == expected, "point \(p)")
      #expect(index.firstContaining(p) == expected.first, "point \(p)")
    }
  }

  @Test("a partition gives each point inside it to exactly one area")
  func partitionCountsOnce() throws {
    let areas = try Self.partition(seed: 42)
    let index = PolygonIndex(areas: areas)
    var rng = SplitMix64(seed: 9)
    for _ in 0..<5000 {
      // Points on the lattice's shared vertices and edges, snapped to the grid lines.
      let p = Point(x: 412_000.125 + Double(rng.next() % 6000), y: 530_000.375 + Double(rng.next() % 5000))
      #expect(index.allContaining(p).count == 1, "point \(p)")
    }
  }

  @Test("overlapping areas: every containing area is listed, the first is the lowest")
  func overlaps() throws {
    func box(_ x: Double, _ y: Double, _ s: Double) throws -> Geometry {
      .polygon(
        Polygon(
          exterior: try Ring(closed: [
            Point(x: x, y: y), Point(x: x + s, y: y), Point(x: x + s, y: y + s), Point(x: x, y: y + s),
            Point(x: x, y: y),
          ])))
    }
    let index = PolygonIndex(areas: [try box(0, 0, 10), try box(5, 5, 10), try box(100, 100, 1)])
    #expect(index.allContaining(Point(x: 7, y: 7)) == [0, 1])
    #expect(index.firstContaining(Point(x: 7, y: 7)) == 0)
    #expect(index.allContaining(Point(x: 12, y: 12)) == [1])
    #expect(index.allContaining(Point(x: 50, y: 50)) == [])
    #expect(index.firstContaining(Point(x: -1, y: 3)) == nil)
  }

  @Test("empty and single layers")
  func smallLayers() throws {
    #expect(PolygonIndex(areas: []).firstContaining(Point(x: 0, y: 0)) == nil)
    #expect(PolygonIndex(areas: [nil]).allContaining(Point(x: 0, y: 0)) == [])
    let one = PolygonIndex(areas: [
      .polygon(
        Polygon(
          exterior: try Ring(closed: [
            Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 0, y: 1), Point(x: 0, y: 0),
          ])))
    ])
    #expect(one.firstContaining(Point(x: 0.2, y: 0.2)) == 0)
    #expect(one.firstContaining(Point(x: 0.6, y: 0.6)) == nil)
  }
}
