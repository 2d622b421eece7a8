extension Point {
  /// Squared distance from this point to the segment `a`–`b` (to `a` when the segment has no
  /// length), in squared CRS units.
  /// - Complexity: O(1).
  @inlinable
  public func squaredDistance(toSegment a: Point, _ b: Point) -> Double {
    let dx = b.x - a.x
    let dy = b.y - a.y
    let lengthSquared = dx * dx + dy * dy
    var t = lengthSquared > 0 ? ((x - a.x) * dx + (y - a.y) * dy) / lengthSquared : 0
    t = Swift.max(0, Swift.min(1, t))
    let ex = a.x + t * dx - x
    let ey = a.y + t * dy - y
    return ex * ex + ey * ey
  }
}
