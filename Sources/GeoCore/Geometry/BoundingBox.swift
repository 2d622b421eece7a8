/// An axis-aligned rectangle, closed on every side. The empty box has min > max and contains nothing.
public struct BoundingBox: Hashable, Sendable {
  public var minX: Double
  public var minY: Double
  public var maxX: Double
  public var maxY: Double

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

  public var isEmpty: Bool { !(minX <= maxX && minY <= maxY) }
  public var width: Double { isEmpty ? 0 : maxX - minX }
  public var height: Double { isEmpty ? 0 : maxY - minY }
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
