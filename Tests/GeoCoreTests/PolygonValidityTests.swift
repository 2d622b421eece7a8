import Foundation
import GeoCore
import Testing

@Suite("Polygon validity and repair")
struct PolygonValidityTests {
  static func ring(_ xy: [(Double, Double)]) throws -> Ring {
    let points = xy.map { Point(x: $0.0, y: $0.1) }
    return try Ring(closed: points + [points[0]])
  }

  /// The hand-drawn bow-tie of issue 21: (0,0) → (2,2) → (2,0) → (0,2), crossing itself at (1,1).
  static func bowTie() throws -> Polygon { Polygon(exterior: try ring([(0, 0), (2, 2), (2, 0), (0, 2)])) }

  /// A five-pointed star drawn as one ring through every second vertex of a regular pentagon.
  static func pentagram() throws -> Polygon {
    let points = (0..<5).map { k in
      let angle = Double.pi / 2 + 2 * Double.pi * Double(2 * k) / 5
      return (10 * cos(angle), 10 * sin(angle))
    }
    return Polygon(exterior: try ring(points))
  }

  @Test func squareAndSquareWithHoleAreValid() throws {
    let square = try Self.ring([(0, 0), (4, 0), (4, 4), (0, 4)])
    #expect(PolygonValidity.problems(of: Polygon(exterior: square)).isEmpty)
    let hole = try Self.ring([(1, 1), (1, 2), (2, 2), (2, 1)])
    #expect(PolygonValidity.problems(of: Polygon(exterior: square, holes: [hole])).isEmpty)
    // A hole touching the exterior at one point is allowed (OGC).
    let touching = try Self.ring([(0, 2), (1, 3), (1, 1)])
    #expect(PolygonValidity.problems(of: Polygon(exterior: square, holes: [touching])).isEmpty)
  }

  @Test func bowTieCrossesItselfAtTheCentre() throws {
    let problems = PolygonValidity.problems(of: try Self.bowTie())
    #expect(problems == [.selfIntersection(ring: 0, at: Point(x: 1, y: 1))])
    #expect(problems[0].description == "the exterior ring crosses itself at (1, 1)")
    // Its shoelace area is 0: the two lobes cancel.
    #expect(try Self.bowTie().area == 0)
  }

  @Test func figureEightTouchingAtAVertexIsInvalid() throws {
    let eight = Polygon(exterior: try Self.ring([(0, 0), (1, 1), (2, 0), (2, 2), (1, 1), (0, 2)]))
    #expect(PolygonValidity.problems(of: eight) == [.selfIntersection(ring: 0, at: Point(x: 1, y: 1))])
  }

  @Test func spikeIsASelfIntersection() throws {
    // (2,0) → (3,0) → (2,0) folds back along the bottom edge.
    let spike = Polygon(exterior: try Self.ring([(0, 0), (2, 0), (3, 0), (2, 0), (2, 2), (0, 2)]))
    let problems = PolygonValidity.problems(of: spike)
    #expect(problems.count == 1)
    guard case .selfIntersection(0, _) = problems.first else {
      Issue.record("expected a self-intersection, got \(problems)")
      return
    }
  }

  @Test func degenerateRings() throws {
    let line = Polygon(exterior: try Self.ring([(0, 0), (1, 1), (2, 2)]))
    #expect(PolygonValidity.problems(of: line) == [.zeroArea(ring: 0, at: Point(x: 0, y: 0))])
    let twoPoints = Polygon(
      exterior: try Ring(closed: [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 1, y: 0), Point(x: 0, y: 0)]))
    #expect(PolygonValidity.problems(of: twoPoints) == [.tooFewVertices(ring: 0, distinct: 2, at: Point(x: 0, y: 0))])
  }

  @Test func holesOutsideOrCrossingTheShell() throws {
    let square = try Self.ring([(0, 0), (4, 0), (4, 4), (0, 4)])
    let outside = try Self.ring([(5, 5), (6, 5), (6, 6), (5, 6)])
    #expect(
      PolygonValidity.problems(of: Polygon(exterior: square, holes: [outside]))
        == [.holeOutsideShell(ring: 1, at: Point(x: 5, y: 5))])
    let crossing = try Self.ring([(3, 1), (5, 1), (5, 2), (3, 2)])
    let problems = PolygonValidity.problems(of: Polygon(exterior: square, holes: [crossing]))
    #expect(problems.count == 1)
    #expect(problems.first?.description.hasPrefix("the exterior ring and hole 1 cross at (4, ") == true)
  }

  @Test func repairCutsTheBowTieIntoTwoTriangles() throws {
    let outcome = PolygonRepair.repaired(try Self.bowTie())
    #expect(outcome.remaining.isEmpty)
    #expect(outcome.polygons.count == 2)
    // Each lobe is a triangle of area 1 (shapely.make_valid gives 2.0 in all).
    #expect(outcome.polygons.map(\.area) == [1, 1])
    #expect(outcome.polygons.allSatisfy { $0.exterior.points.count == 4 && $0.exterior.isCounterClockwise })
    #expect(
      outcome.changes == [
        "the exterior ring crossed itself: cut at 1 point into 2 rings (even-odd rule)",
        "the polygon became 2 polygons",
      ])
  }

  @Test func repairOfAPentagramKeepsOnlyItsPointsByTheEvenOddRule() throws {
    let outcome = PolygonRepair.repaired(try Self.pentagram())
    #expect(outcome.remaining.isEmpty)
    // shapely 2.2 make_valid (GEOS linework, even-odd): a MultiPolygon of 5 parts, area 77.5676752166744.
    let area = outcome.polygons.reduce(0) { $0 + $1.area }
    #expect(abs(area - 77.5676752166744) < 1e-9)
    #expect(outcome.polygons.count + outcome.polygons.reduce(0) { $0 + $1.holes.count } >= 5)
    // The centre is crossed twice: outside by the even-odd rule.
    #expect(!MultiPolygon(outcome.polygons).containsByHalfOpenRule(Point(x: 0.1, y: 0.2)))
  }

  @Test func repairDropsDegenerateHolesAndRepeatedPositions() throws {
    let square = try Ring(closed: [
      Point(x: 0, y: 0), Point(x: 4, y: 0), Point(x: 4, y: 0), Point(x: 4, y: 4), Point(x: 0, y: 4), Point(x: 0, y: 0),
    ])
    let flat = try Self.ring([(1, 1), (2, 2), (3, 3)])
    let outcome = PolygonRepair.repaired(Polygon(exterior: square, holes: [flat]))
    #expect(outcome.polygons.count == 1)
    #expect(outcome.polygons[0].holes.isEmpty)
    #expect(outcome.polygons[0].area == 16)
    #expect(outcome.polygons[0].exterior.points.count == 5)
    #expect(
      outcome.changes == [
        "the exterior ring: removed 1 repeated consecutive positions", "hole 1 dropped: it encloses no area",
      ])
  }

  @Test func repairMakesAHoleOutsideItsShellAnAreaOfItsOwn() throws {
    let square = try Self.ring([(0, 0), (4, 0), (4, 4), (0, 4)])
    let outside = try Self.ring([(5, 5), (6, 5), (6, 6), (5, 6)])
    let outcome = PolygonRepair.repaired(Polygon(exterior: square, holes: [outside]))
    #expect(outcome.polygons.map(\.area) == [16, 1])
    #expect(outcome.changes.first == "hole 1 lay outside its exterior ring: kept as an area of its own (even-odd rule)")
  }

  @Test func validPolygonsComeBackUnchanged() throws {
    let square = Polygon(exterior: try Self.ring([(0, 0), (4, 0), (4, 4), (0, 4)]))
    let outcome = PolygonRepair.repaired(square)
    #expect(outcome.polygons == [square])
    #expect(outcome.changes.isEmpty)
  }

  @Test func aLongRingIsCheckedInLinearishTime() throws {
    // A 200,000-position wiggly circle (valid), then the same with one crossing put in.
    let n = 200_000
    var points = (0..<n).map { k -> Point in
      let angle = 2 * Double.pi * Double(k) / Double(n)
      let radius = 10_000 + 5 * sin(Double(k) * 0.7)
      return Point(x: 400_000 + radius * cos(angle), y: 500_000 + radius * sin(angle))
    }
    let clock = ContinuousClock()
    let start = clock.now
    #expect(PolygonValidity.problems(of: Polygon(exterior: try Ring(closed: points + [points[0]]))).isEmpty)
    #expect(clock.now - start < .seconds(20))
    // One position pulled across the circle: its two edges cross the far side.
    points[1000] = Point(x: 380_000, y: 500_000)
    let problems = PolygonValidity.problems(of: Polygon(exterior: try Ring(closed: points + [points[0]])))
    #expect(problems.count == 1)
  }
}
