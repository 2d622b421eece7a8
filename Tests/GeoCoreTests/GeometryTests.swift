import GeoCore
import TestSupport
import Testing

@Suite("Geometry values and measures")
struct GeometryTests {
  @Test("a ring needs four closed finite positions")
  func ringValidation() {
    let a = Point(x: 0, y: 0)
    let b = Point(x: 1, y: 0)
    let c = Point(x: 1, y: 1)
    #expect(throws: GeometryError.tooFewPositions(found: 3, required: 4)) {
      try Ring(closed: [a, b, a])
    }
    #expect(throws: GeometryError.ringNotClosed) { try Ring(closed: [a, b, c, b]) }
    #expect(throws: GeometryError.nonFiniteCoordinate(index: 1)) {
      try Ring(closed: [a, Point(x: .nan, y: 0), c, a])
    }
    #expect(throws: Never.self) { try Ring(closed: [a, b, c, a]) }
  }

  @Test("area of a square with a hole, in either orientation")
  func areaWithHole() throws {
    let outer = try square(0, 0, 10)
    let hole = try square(2, 2, 3)
    #expect(outer.signedArea == 100)
    #expect(outer.reversed().signedArea == -100)
    #expect(Polygon(exterior: outer, holes: [hole]).area == 91)
    #expect(Polygon(exterior: outer.reversed(), holes: [hole.reversed()]).area == 91)
  }

  @Test("area keeps full precision at British National Grid magnitudes")
  func areaAtLargeCoordinates() throws {
    let ring = try square(427_411.123, 542_533.456, 250)
    #expect(isClose(ring.area, 62_500, tolerance: 1e-6))
  }

  @Test("centroid of an L shape and of a square with an off-centre hole")
  func centroids() throws {
    // L shape: 2x1 rectangle plus 1x1 square on top of its left half.
    let l = Polygon(
      exterior: try Ring(closed: [
        Point(x: 0, y: 0), Point(x: 2, y: 0), Point(x: 2, y: 1), Point(x: 1, y: 1),
        Point(x: 1, y: 2), Point(x: 0, y: 2), Point(x: 0, y: 0),
      ]))
    // Moments: rectangle area 2 at (1, 0.5), square area 1 at (0.5, 1.5): (2.5/3, 2.5/3).
    #expect(isClose(l.centroid.x, 2.5 / 3, tolerance: 1e-12))
    #expect(isClose(l.centroid.y, 2.5 / 3, tolerance: 1e-12))
    let holed = Polygon(exterior: try square(0, 0, 4), holes: [try square(0, 0, 2)])
    // 16 at (2,2) minus 4 at (1,1): (32 − 4)/12 = 7/3.
    #expect(isClose(holed.centroid.x, 7.0 / 3, tolerance: 1e-12))
    #expect(isClose(holed.centroid.y, 7.0 / 3, tolerance: 1e-12))
  }

  @Test("right-hand rule orients exteriors counter-clockwise and holes clockwise")
  func rightHandRule() throws {
    let polygon = Polygon(exterior: try square(0, 0, 10).reversed(), holes: [try square(2, 2, 3)])
    let oriented = polygon.orientedByRightHandRule()
    #expect(oriented.exterior.isCounterClockwise)
    #expect(!oriented.holes[0].isCounterClockwise)
    #expect(oriented.area == polygon.area)
  }

  @Test("bounding boxes: empty, one point, union, containment")
  func boundingBoxes() {
    #expect(BoundingBox.empty.isEmpty)
    var box = BoundingBox.empty
    box.extend(by: Point(x: 3, y: 4))
    #expect(!box.isEmpty && box.width == 0 && box.contains(Point(x: 3, y: 4)))
    box.extend(by: Point(x: .infinity, y: 0))
    #expect(box == BoundingBox(minX: 3, minY: 4, maxX: 3, maxY: 4))
    let union = box.union(BoundingBox(minX: -1, minY: 0, maxX: 1, maxY: 1))
    #expect(union == BoundingBox(minX: -1, minY: 0, maxX: 3, maxY: 4))
    #expect(union.intersects(BoundingBox(minX: 3, minY: 4, maxX: 9, maxY: 9)))
    #expect(!union.intersects(BoundingBox(minX: 3.1, minY: 0, maxX: 9, maxY: 9)))
  }

  @Test("vertex counts include ring closures, as GEOS counts")
  func vertexCounts() throws {
    let polygon = Polygon(exterior: try square(0, 0, 10), holes: [try square(2, 2, 3)])
    #expect(polygon.vertexCount == 10)
    #expect(Geometry.multiPolygon(MultiPolygon([polygon, polygon])).vertexCount == 20)
    #expect(Geometry.multiPoint([Point(x: 0, y: 0), Point(x: 1, y: 1)]).vertexCount == 2)
  }
}
