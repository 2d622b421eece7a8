/// Where a point lies relative to a polygon: three answers, not a Bool.
public enum PointLocation: Hashable, Sendable {
  case inside
  case onBoundary
  case outside
}

/// Point in polygon: exact boundary detection, and the half-open rule that gives every point of a
/// partition to exactly one polygon.
///
/// The half-open crossing-number test (Shimrat 1962; Haines, "Point in Polygon Strategies", 1994):
/// an edge (a, b) counts when `(a.y > p.y) != (b.y > p.y)` and `p` lies strictly west of where the
/// edge crosses the horizontal line through `p`. The crossing is computed from the edge's endpoints
/// in a canonical order (the lower one first), so two neighbours that walk a shared edge in opposite
/// directions compute the same crossing bit for bit and a point on that edge lands in exactly one.
///
/// ## Properties
/// - A point on a shared vertical edge belongs to the polygon east of it; on a shared horizontal
///   edge, to the polygon north of it; on a vertex shared by four polygons, to the north-east one.
/// - A polygon's holes are rings like the exterior: a point inside a hole is outside the polygon and,
///   when an enclave fills the hole, inside the enclave.
/// - Complexity: O(n) in the number of positions.
extension Polygon {
  /// Inside, on the boundary (exactly on an edge or vertex of any ring), or outside.
  ///
  /// "On the boundary" is decided in floating point: a point counts when the cross product of the
  /// edge and the point is exactly zero and the point lies within the edge's bounding box.
  public func location(of point: Point) -> PointLocation {
    guard boundingBox.contains(point) else { return .outside }
    for ring in rings where ring.hasOnEdge(point) { return .onBoundary }
    return containsByHalfOpenRule(point) ? .inside : .outside
  }

  /// The partition rule: true for interior points, and for boundary points on the sides that the
  /// rule gives to this polygon (east of vertical edges, north of horizontal ones).
  @inlinable
  public func containsByHalfOpenRule(_ point: Point) -> Bool {
    var inside = exterior.crossingParity(point)
    for hole in holes where hole.crossingParity(point) { inside.toggle() }
    return inside
  }
}

extension MultiPolygon {
  /// Inside if inside any part; on the boundary if on the boundary of a part and inside none.
  public func location(of point: Point) -> PointLocation {
    var result = PointLocation.outside
    for polygon in polygons {
      switch polygon.location(of: point) {
      case .inside: return .inside
      case .onBoundary: result = .onBoundary
      case .outside: break
      }
    }
    return result
  }

  /// The partition rule applied to each part (true when any part takes the point).
  @inlinable
  public func containsByHalfOpenRule(_ point: Point) -> Bool {
    polygons.contains { $0.containsByHalfOpenRule(point) }
  }
}

extension Geometry {
  /// Location relative to a polygonal geometry; points, multipoints and lines contain nothing
  /// but themselves (reported as `.onBoundary` when the point is on them, else `.outside`).
  public func location(of point: Point) -> PointLocation {
    switch self {
    case .polygon(let polygon): polygon.location(of: point)
    case .multiPolygon(let multi): multi.location(of: point)
    case .point(let p): p == point ? .onBoundary : .outside
    case .multiPoint(let ps): ps.contains(point) ? .onBoundary : .outside
    case .lineString(let line): line.hasOnEdge(point) ? .onBoundary : .outside
    case .multiLineString(let lines):
      lines.contains { $0.hasOnEdge(point) } ? .onBoundary : .outside
    }
  }

  /// The partition rule for polygonal geometries; false for points and lines.
  public func containsByHalfOpenRule(_ point: Point) -> Bool {
    switch self {
    case .polygon(let polygon): polygon.containsByHalfOpenRule(point)
    case .multiPolygon(let multi): multi.containsByHalfOpenRule(point)
    case .point, .multiPoint, .lineString, .multiLineString: false
    }
  }
}

extension Ring {
  /// True when an odd number of edges cross the ray from `point` towards +x under the half-open rule.
  @inlinable
  public func crossingParity(_ point: Point) -> Bool {
    points.withUnsafeBufferPointer { p in
      var odd = false
      var a = p[0]
      for i in 1..<p.count {
        let b = p[i]
        if (a.y > point.y) != (b.y > point.y) {
          // Canonical order: lower endpoint first, so both neighbours compute the same value.
          let (lo, hi) = a.y < b.y ? (a, b) : (b, a)
          let crossX = lo.x + (point.y - lo.y) * (hi.x - lo.x) / (hi.y - lo.y)
          if point.x < crossX { odd.toggle() }
        }
        a = b
      }
      return odd
    }
  }

  /// True when `point` lies exactly on one of the ring's edges (vertices included).
  public func hasOnEdge(_ point: Point) -> Bool {
    for i in 0..<(points.count - 1) where isOnSegment(point, points[i], points[i + 1]) {
      return true
    }
    return false
  }
}

extension LineString {
  /// True when `point` lies exactly on one of the line's segments (vertices included), by the
  /// same floating-point rule as `Ring.hasOnEdge`. O(n).
  public func hasOnEdge(_ point: Point) -> Bool {
    for i in 0..<(points.count - 1) where isOnSegment(point, points[i], points[i + 1]) {
      return true
    }
    return false
  }
}

/// True when `point` lies within the box of `a`–`b` and the cross product is exactly zero.
private func isOnSegment(_ point: Point, _ a: Point, _ b: Point) -> Bool {
  guard point.x >= Swift.min(a.x, b.x), point.x <= Swift.max(a.x, b.x),
    point.y >= Swift.min(a.y, b.y), point.y <= Swift.max(a.y, b.y)
  else { return false }
  return (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x) == 0
}
