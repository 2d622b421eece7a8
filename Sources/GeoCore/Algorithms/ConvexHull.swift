/// The convex hull of a set of points (Andrew's monotone chain, 1979), and the distance tests the
/// grids need to keep the cells that touch it.
///
/// The hull is counter-clockwise, not closed (the first vertex is not repeated), without collinear
/// vertices; it has one vertex for points all at one place and two for points on one line.
public struct ConvexHull: Sendable, Equatable {
  /// The hull's vertices, counter-clockwise from the lowest-x (then lowest-y) point.
  public let vertices: [Point]

  /// The hull of `points` (non-finite ones ignored); no vertex for no points.
  /// - Complexity: O(n log n).
  public init(_ points: [Point]) {
    let sorted = Array(Set(points.filter(\.isFinite))).sorted { $0.x < $1.x || ($0.x == $1.x && $0.y < $1.y) }
    guard sorted.count > 2 else {
      vertices = sorted
      return
    }
    func cross(_ o: Point, _ a: Point, _ b: Point) -> Double {
      (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
    }
    var lower: [Point] = []
    for p in sorted {
      while lower.count >= 2 && cross(lower[lower.count - 2], lower[lower.count - 1], p) <= 0 { lower.removeLast() }
      lower.append(p)
    }
    var upper: [Point] = []
    for p in sorted.reversed() {
      while upper.count >= 2 && cross(upper[upper.count - 2], upper[upper.count - 1], p) <= 0 { upper.removeLast() }
      upper.append(p)
    }
    vertices = Array(lower.dropLast() + upper.dropLast())
  }

  /// The hull of the points `(x[i], y[i])`.
  public init(x: [Double], y: [Double]) {
    self.init(zip(x, y).map { Point(x: $0, y: $1) })
  }

  /// True when `point` lies inside the hull or on its boundary (never for an empty hull; on the
  /// point or segment for a degenerate one).
  /// - Complexity: O(vertices).
  public func contains(_ point: Point) -> Bool {
    guard vertices.count > 2 else { return vertices.count > 0 && distance(to: point) == 0 }
    for k in vertices.indices {
      let a = vertices[k]
      let b = vertices[(k + 1) % vertices.count]
      if (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x) < 0 { return false }
    }
    return true
  }

  /// The distance from `point` to the hull: 0 inside or on it, `.infinity` for an empty hull.
  /// - Complexity: O(vertices).
  public func distance(to point: Point) -> Double {
    guard let first = vertices.first else { return .infinity }
    if vertices.count > 2 && contains(point) { return 0 }
    if vertices.count == 1 {
      return ((point.x - first.x) * (point.x - first.x) + (point.y - first.y) * (point.y - first.y)).squareRoot()
    }
    var best = Double.infinity
    for k in vertices.indices {
      best = Swift.min(best, point.squaredDistance(toSegment: vertices[k], vertices[(k + 1) % vertices.count]))
    }
    return best.squareRoot()
  }

  /// The distance between the hull and a convex polygon given by its vertices (closed or not): 0
  /// when they overlap or touch.
  /// - Complexity: O(vertices × polygon vertices).
  public func distance(toConvex polygon: [Point]) -> Double {
    guard !vertices.isEmpty, !polygon.isEmpty else { return .infinity }
    let other = ConvexHull(polygon)
    // Two convex sets overlap when a vertex of one lies in the other or their edges cross; for
    // two that do not, the nearest pair has a vertex of one and an edge of the other.
    if vertices.contains(where: other.contains) || other.vertices.contains(where: contains) { return 0 }
    if edgesCross(other) { return 0 }
    let one = vertices.map { other.distance(to: $0) }.min() ?? .infinity
    let two = other.vertices.map { distance(to: $0) }.min() ?? .infinity
    return Swift.min(one, two)
  }

  /// True when an edge of the hull crosses an edge of `other`.
  private func edgesCross(_ other: ConvexHull) -> Bool {
    func side(_ a: Point, _ b: Point, _ p: Point) -> Double { (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) }
    let n = vertices.count
    let m = other.vertices.count
    guard n > 1, m > 1 else { return false }
    for i in 0..<n {
      let a = vertices[i]
      let b = vertices[(i + 1) % n]
      for j in 0..<m {
        let c = other.vertices[j]
        let d = other.vertices[(j + 1) % m]
        let s1 = side(a, b, c)
        let s2 = side(a, b, d)
        let s3 = side(c, d, a)
        let s4 = side(c, d, b)
        if ((s1 > 0 && s2 < 0) || (s1 < 0 && s2 > 0)) && ((s3 > 0 && s4 < 0) || (s3 < 0 && s4 > 0)) { return true }
      }
    }
    return false
  }
}
