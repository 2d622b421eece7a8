/// Planar area by the shoelace formula, in squared CRS units (m² in a projected CRS).
///
/// Coordinates are shifted by the ring's first position before the cross products, which keeps
/// full precision for British National Grid values in the hundreds of thousands of metres.
///
/// ## Properties
/// - `signedArea` is positive for a counter-clockwise ring, negative for clockwise.
/// - A polygon's `area` is |exterior| − Σ|holes|, whatever the ring orientations.
/// - Complexity: O(n) in the number of positions.
extension Ring {
  /// Signed area: positive when the ring runs counter-clockwise (x east, y north).
  public var signedArea: Double {
    let p = points
    let origin = p[0]
    var sum = 0.0
    for i in 1..<(p.count - 1) {
      let a = p[i]
      let b = p[i + 1]
      sum += (a.x - origin.x) * (b.y - origin.y) - (b.x - origin.x) * (a.y - origin.y)
    }
    return sum / 2
  }

  /// Unsigned area enclosed by the ring.
  public var area: Double { abs(signedArea) }

  /// True when the ring runs counter-clockwise (positive signed area).
  public var isCounterClockwise: Bool { signedArea > 0 }
}

extension Polygon {
  /// Area of the exterior minus the holes, in squared CRS units.
  public var area: Double { holes.reduce(exterior.area) { $0 - $1.area } }

  /// The polygon with the exterior counter-clockwise and the holes clockwise
  /// (the right-hand rule of RFC 7946 §3.1.6).
  public func orientedByRightHandRule() -> Polygon {
    Polygon(
      exterior: exterior.isCounterClockwise ? exterior : exterior.reversed(),
      holes: holes.map { $0.isCounterClockwise ? $0.reversed() : $0 })
  }
}

extension MultiPolygon {
  /// Sum of the parts' areas (parts are assumed not to overlap).
  public var area: Double { polygons.reduce(0) { $0 + $1.area } }
}

extension Geometry {
  /// Planar area in squared CRS units; 0 for points.
  public var area: Double { polygons.reduce(0) { $0 + $1.area } }
}
