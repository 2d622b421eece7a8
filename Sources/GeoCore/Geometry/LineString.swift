/// An open or closed polyline: at least 2 finite positions, in order (RFC 7946 §3.1.4).
///
/// The initializer enforces those invariants, so algorithms that take a `LineString` need not
/// check them. Repeated positions are allowed (a segment may have no length); a line whose last
/// position equals its first (a roundabout) is still a line, not a ring: it encloses no area.
public struct LineString: Hashable, Sendable {
  /// The positions, in the order the line runs; at least 2, all finite.
  public let points: [Point]

  /// Builds a line from its positions.
  /// - Throws: `GeometryError.lineTooShort` for fewer than 2 positions,
  ///   `.nonFiniteCoordinate` for NaN or infinity (naming the first such position).
  /// - Complexity: O(n).
  public init(_ points: [Point]) throws(GeometryError) {
    guard points.count >= 2 else { throw .lineTooShort(found: points.count) }
    for (index, point) in points.enumerated() where !point.isFinite {
      throw .nonFiniteCoordinate(index: index)
    }
    self.points = points
  }

  /// For transformations of an already valid line (projection, simplification, clipping) that
  /// keep its invariants.
  /// - Precondition: at least 2 positions, all finite (checked in debug builds only).
  public init(unchecked points: [Point]) {
    assert(points.count >= 2 && points.allSatisfy(\.isFinite))
    self.points = points
  }

  /// The bounding box of the positions. O(n).
  public var boundingBox: BoundingBox { BoundingBox(points: points) }

  /// The number of positions (a closed line counts its repeated end, as GEOS does).
  public var vertexCount: Int { points.count }

  /// True when the last position equals the first.
  public var isClosed: Bool { points[0] == points[points.count - 1] }

  /// The same positions in the opposite order.
  public func reversed() -> LineString { LineString(unchecked: points.reversed()) }
}
