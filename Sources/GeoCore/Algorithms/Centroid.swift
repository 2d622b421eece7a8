/// The area-weighted centroid (centre of mass of a uniform lamina), in CRS units.
///
/// Holes subtract their moment. Computed relative to the first position for precision.
/// For a degenerate (zero-area) polygon, the mean of the exterior's distinct positions.
/// The centroid of a concave polygon can lie outside it.
/// - Complexity: O(n) in the number of positions.
extension Polygon {
  /// The area-weighted centroid of the polygon, holes subtracted, in CRS units; for a zero-area polygon
  /// the mean of its exterior positions without the closing one.
  public var centroid: Point { Centroid.of([self]) }
}

extension MultiPolygon {
  /// The area-weighted centroid of all parts together, holes subtracted, in CRS units; when the total
  /// area is zero, the mean of the first part's exterior positions; NaN coordinates with no parts.
  public var centroid: Point { Centroid.of(polygons) }
}

extension Geometry {
  /// The area-weighted centroid of a polygonal geometry; the length-weighted centroid of a
  /// linear one (the mean of its positions when it has no length); the mean position of a point
  /// geometry.
  public var centroid: Point {
    if isAreal { return Centroid.of(polygons) }
    if isLinear { return Centroid.of(lines) }
    let ps = points
    let sx = ps.reduce(0) { $0 + $1.x }
    let sy = ps.reduce(0) { $0 + $1.y }
    return Point(x: sx / Double(ps.count), y: sy / Double(ps.count))
  }
}

enum Centroid {
  /// The centre of mass of the segments, each weighted by its length, relative to the first
  /// position for precision; the mean position when every segment has no length.
  static func of(_ lines: [LineString]) -> Point {
    guard let origin = lines.first?.points.first else { return Point(x: .nan, y: .nan) }
    var length = 0.0
    var mx = 0.0
    var my = 0.0
    var sx = 0.0
    var sy = 0.0
    var count = 0.0
    for line in lines {
      let p = line.points
      for i in 0..<p.count {
        sx += p[i].x - origin.x
        sy += p[i].y - origin.y
        count += 1
        guard i + 1 < p.count else { break }
        let ax = p[i].x - origin.x
        let ay = p[i].y - origin.y
        let bx = p[i + 1].x - origin.x
        let by = p[i + 1].y - origin.y
        let segment = ((bx - ax) * (bx - ax) + (by - ay) * (by - ay)).squareRoot()
        length += segment
        mx += (ax + bx) / 2 * segment
        my += (ay + by) / 2 * segment
      }
    }
    guard length > 0 else { return Point(x: origin.x + sx / count, y: origin.y + sy / count) }
    return Point(x: origin.x + mx / length, y: origin.y + my / length)
  }

  static func of(_ polygons: [Polygon]) -> Point {
    guard let origin = polygons.first?.exterior.points.first else { return Point(x: .nan, y: .nan) }
    var area = 0.0
    var mx = 0.0
    var my = 0.0
    for polygon in polygons {
      for (index, ring) in polygon.rings.enumerated() {
        // Exterior adds, holes subtract, whatever the orientation in the file.
        var ringArea = 0.0
        var ringX = 0.0
        var ringY = 0.0
        let p = ring.points
        for i in 0..<(p.count - 1) {
          let ax = p[i].x - origin.x
          let ay = p[i].y - origin.y
          let bx = p[i + 1].x - origin.x
          let by = p[i + 1].y - origin.y
          let cross = ax * by - bx * ay
          ringArea += cross
          ringX += (ax + bx) * cross
          ringY += (ay + by) * cross
        }
        let sign: Double = (ringArea >= 0) == (index == 0) ? 1 : -1
        area += sign * ringArea
        mx += sign * ringX
        my += sign * ringY
      }
    }
    if area == 0 {
      let ring = polygons[0].exterior.points.dropLast()
      let n = Double(ring.count)
      return Point(
        x: ring.reduce(0) { $0 + $1.x } / n, y: ring.reduce(0) { $0 + $1.y } / n)
    }
    return Point(x: origin.x + mx / (3 * area), y: origin.y + my / (3 * area))
  }
}
