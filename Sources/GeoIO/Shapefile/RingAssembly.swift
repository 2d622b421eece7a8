import GeoCore

/// Sorts the rings of one Shapefile polygon record into polygons with holes, by orientation.
///
/// ESRI Shapefile Technical Description (July 1998), p. 8: "The order of vertices or orientation
/// for a ring indicates which side of the ring is the interior of the polygon … Vertices for a
/// single, ringed polygon are, therefore, always in clockwise order. The rings of a polygon are
/// referred to as its parts." A clockwise ring is an outer ring; a counter-clockwise ring is a
/// hole. The record does not say which outer ring a hole belongs to, so each hole goes to the
/// smallest outer ring that contains it: a vertex of the hole not on that ring's edges is tested
/// by the even–odd (crossing-number) rule, after a bounding-box check.
///
/// - Parameters:
///   - rings: the rings of one record in file order, closed and valid.
/// - Returns: the polygons, in the file order of their outer rings, each with its holes in file
///   order; and the indices (into `rings`) of the holes that no outer ring contains, which are
///   made outer rings of their own polygons.
/// - Complexity: O(h · o · n) for h holes and o outer rings of n positions at most (one
///   bounding-box test per pair, and a point-in-ring test for the pairs it passes).
///
/// ## Properties
/// - Every ring appears in exactly one polygon, as its exterior or as one of its holes.
/// - Orientation is kept as read (the GeoJSON writer applies the right-hand rule on output).
/// - A ring of zero signed area is taken as an outer ring.
/// - A hole contained by several outer rings (an island in a lake in an island) goes to the one
///   of smallest area; ties go to the first in file order.
///
/// ## Parity
/// pyshp 2.3 `shapefile.organize_polygon_rings` sorts rings the same way when a record has
/// several exteriors: clockwise exteriors, holes to the smallest containing exterior by a sample
/// point, orphan holes promoted to exteriors; exact (the same rings in the same polygons). Two
/// differences: with a single exterior pyshp gives it every hole untested, where a hole outside it
/// is promoted here; and pyshp reverses promoted rings, which are kept as read here.
///
/// ## Example
///
///     let square = try Ring(closed: [(0, 0), (0, 10), (10, 10), (10, 0), (0, 0)].map(Point.init))
///     let hole = try Ring(closed: [(2, 2), (4, 2), (4, 4), (2, 4), (2, 2)].map(Point.init))
///     let (polygons, orphans) = RingAssembly.polygons(from: [square, hole])
///     // polygons == [Polygon(exterior: square, holes: [hole])], orphans == []
enum RingAssembly {
  static func polygons(from rings: [Ring]) -> (polygons: [Polygon], orphanHoles: [Int]) {
    if rings.count == 1 { return ([Polygon(exterior: rings[0])], []) }
    let areas = rings.map(\.signedArea)
    let outers = rings.indices.filter { areas[$0] <= 0 }
    let boxes = rings.map(\.boundingBox)
    var holesOf: [Int: [Int]] = [:]
    var orphans: [Int] = []
    for hole in rings.indices where areas[hole] > 0 {
      var best: Int?
      for outer in outers where contains(boxes[outer], boxes[hole]) {
        if let current = best, abs(areas[outer]) >= abs(areas[current]) { continue }
        if ringContains(rings[outer], rings[hole]) { best = outer }
      }
      if let best { holesOf[best, default: []].append(hole) } else { orphans.append(hole) }
    }
    let exteriors = (outers + orphans).sorted()
    let polygons = exteriors.map { exterior in
      Polygon(exterior: rings[exterior], holes: (holesOf[exterior] ?? []).map { rings[$0] })
    }
    return (polygons, orphans)
  }

  /// True when `outer`'s box contains `inner`'s.
  private static func contains(_ outer: BoundingBox, _ inner: BoundingBox) -> Bool {
    outer.minX <= inner.minX && outer.minY <= inner.minY && outer.maxX >= inner.maxX
      && outer.maxY >= inner.maxY
  }

  /// True when the first vertex of `hole` not on an edge of `outer` lies inside `outer` by the
  /// even–odd rule; true too when every vertex of `hole` lies on `outer`'s edges.
  private static func ringContains(_ outer: Ring, _ hole: Ring) -> Bool {
    for point in hole.points.dropLast() where !outer.hasOnEdge(point) {
      return outer.crossingParity(point)
    }
    return true
  }
}
