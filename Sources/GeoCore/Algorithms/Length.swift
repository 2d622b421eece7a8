/// Planar length of lines, in CRS units: metres in British National Grid or the local transverse
/// Mercator. In `.wgs84` the sum is of degree differences and means nothing; project first.
///
/// ## Properties
/// - The length is the sum of the Euclidean lengths of the segments; a repeated position adds 0.
/// - Each segment is measured from its own coordinate differences, so precision does not suffer
///   at British National Grid magnitudes.
/// - Complexity: O(n) in the number of positions.
extension LineString {
  /// The sum of the segment lengths, in CRS units.
  public var length: Double {
    var total = 0.0
    for i in 0..<(points.count - 1) {
      let dx = points[i + 1].x - points[i].x
      let dy = points[i + 1].y - points[i].y
      total += (dx * dx + dy * dy).squareRoot()
    }
    return total
  }
}

extension Geometry {
  /// The length of a linear geometry (the sum over its parts), in CRS units; 0 for points and
  /// polygons (a polygon's perimeter is not its length).
  public var length: Double { lines.reduce(0) { $0 + $1.length } }
}
