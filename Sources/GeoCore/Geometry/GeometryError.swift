/// Why a ring, polygon or line could not be built. Readers add the file, feature and field (GeoIO's `InputError`).
public enum GeometryError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A ring needs at least 4 positions (a triangle plus the closing position).
  case tooFewPositions(found: Int, required: Int)
  /// The last position of a ring differs from the first.
  case ringNotClosed
  /// A coordinate is NaN or infinite.
  case nonFiniteCoordinate(index: Int)
  /// A polygon with no exterior ring.
  case emptyPolygon
  /// A line needs at least 2 positions.
  case lineTooShort(found: Int)

  /// What is wrong, as a lowercase phrase without final stop for readers to prefix with a location,
  /// e.g. `a ring needs at least 4 positions, found 3` or `position 2 has a non-finite coordinate`.
  public var description: String {
    switch self {
    case .tooFewPositions(let found, let required):
      "a ring needs at least \(required) positions, found \(found)"
    case .ringNotClosed: "the ring is not closed (its last position differs from its first)"
    case .nonFiniteCoordinate(let index): "position \(index) has a non-finite coordinate"
    case .emptyPolygon: "the polygon has no exterior ring"
    case .lineTooShort(let found): "a line needs at least 2 positions, found \(found)"
    }
  }
}
