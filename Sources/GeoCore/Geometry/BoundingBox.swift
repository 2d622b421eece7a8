/// An axis-aligned rectangle, closed on every side. The empty box has min > max and contains nothing.
public struct BoundingBox: Hashable, Sendable {
  /// The west edge: the least x, in the CRS units of the bounded points (metres or degrees of longitude).
  public var minX: Double
  /// The south edge: the least y, in the same units (metres or degrees of latitude).
  public var minY: Double
  /// The east edge: the greatest x, in the same units as `minX`.
  public var maxX: Double
  /// The north edge: the greatest y, in the same units as `minY`.
  public var maxY: Double

  /// A box with the given edges, taken as they are: not checked, and a box with min > max is empty.
  public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
    self.minX = minX
    self.minY = minY
    self.maxX = maxX
    self.maxY = maxY
  }

  /// The box that contains nothing; extending it by a point gives that point's box.
  public static let empty = BoundingBox(
    minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)

  /// The smallest box holding every point of `points` (`.empty` when there are none).
  /// - Complexity: O(n)
  public init<S: Sequence>(points: S) where S.Element == Point {
    var box = BoundingBox.empty
    for point in points { box.extend(by: point) }
    self = box
  }

  /// The box of the points (x[k], y[k]), non-finite ones skipped, read from two columns without
  /// building a `Point` array.
  /// - Complexity: O(n).
  public init(x: [Double], y: [Double]) {
    precondition(x.count == y.count)
    var box = BoundingBox.empty
    for k in x.indices { box.extend(by: Point(x: x[k], y: y[k])) }
    self = box
  }

  /// True when the box holds no point: min > max on either axis (or an edge is NaN).
  public var isEmpty: Bool { !(minX <= maxX && minY <= maxY) }
  /// `maxX − minX` in CRS units; 0 for an empty box.
  public var width: Double { isEmpty ? 0 : maxX - minX }
  /// `maxY − minY` in CRS units; 0 for an empty box.
  public var height: Double { isEmpty ? 0 : maxY - minY }
  /// The midpoint of the edges. Meaningless for an empty box (NaN coordinates for `.empty`).
  public var center: Point { Point(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }

  /// Grows the box to hold `point`. Non-finite points are ignored.
  public mutating func extend(by point: Point) {
    guard point.isFinite else { return }
    if point.x < minX { minX = point.x }
    if point.x > maxX { maxX = point.x }
    if point.y < minY { minY = point.y }
    if point.y > maxY { maxY = point.y }
  }

  /// The smallest box holding both boxes.
  public func union(_ other: BoundingBox) -> BoundingBox {
    BoundingBox(
      minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
      maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
  }

  /// True when `point` lies inside or on the edge of the box.
  @inlinable
  public func contains(_ point: Point) -> Bool {
    point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
  }

  /// True when the two boxes share at least one point.
  public func intersects(_ other: BoundingBox) -> Bool {
    !(other.minX > maxX || other.maxX < minX || other.minY > maxY || other.maxY < minY)
  }
}
