/// A closed linear ring: at least 4 positions, the last equal to the first, all finite.
///
/// The initializer enforces those invariants, so algorithms that take a `Ring` need not check them.
/// Orientation is not normalised: `signedArea` tells it (positive = counter-clockwise).
public struct Ring: Hashable, Sendable {
  /// The positions, closed (`points.first == points.last`).
  public let points: [Point]

  /// Builds a ring from closed positions.
  /// - Throws: `GeometryError.tooFewPositions` for fewer than 4 positions,
  ///   `.nonFiniteCoordinate` for NaN or infinity, `.ringNotClosed` when last ≠ first.
  public init(closed points: [Point]) throws(GeometryError) {
    guard points.count >= 4 else { throw .tooFewPositions(found: points.count, required: 4) }
    for (index, point) in points.enumerated() where !point.isFinite {
      throw .nonFiniteCoordinate(index: index)
    }
    guard points[0] == points[points.count - 1] else { throw .ringNotClosed }
    self.points = points
  }

  /// The bounding box of the positions.
  public var boundingBox: BoundingBox { BoundingBox(points: points) }

  /// Number of positions, the closing repeat included, as GEOS, shapely and QGIS count them.
  public var vertexCount: Int { points.count }

  /// The same positions in the opposite order.
  public func reversed() -> Ring {
    // The reverse of a valid ring is valid: same positions, still closed.
    Ring(uncheckedClosed: points.reversed())
  }

  /// For transformations of an already valid ring (projection, reversal) that keep its invariants.
  /// - Precondition: the positions are closed, finite and at least 4.
  public init(uncheckedClosed points: [Point]) {
    assert(points.count >= 4 && points.first == points.last)
    self.points = points
  }
}
