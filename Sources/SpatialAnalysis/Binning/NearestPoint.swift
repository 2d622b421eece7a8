import GeoCore

/// The nearest of a fixed set of points (street-segment midpoints, junctions, sites) to any
/// query, and the tally of incidents by their nearest point.
///
/// Euclidean distance in the working CRS; a bucket grid of about one point per bucket searched
/// in growing rings until no unvisited bucket can hold a nearer point.
///
/// - Parameters: `points` in metres of a projected CRS (any count; none gives no answer).
/// - Returns: the index of the nearest point, ties to the lowest index.
/// - Complexity: building O(n); a query about O(1) for queries among the points, growing with
///   the distance for queries far outside them.
///
/// ## Properties
/// - The answer equals a brute-force scan with ties broken by the lower index (tested on seeds).
/// - Every incident is assigned to exactly one point: the tally sums to the number of incidents.
///
/// ## Parity
/// Brute force (tested); ArcGIS's "nearest feature" spatial join, which leaves ties undefined.
///
/// ## Example
/// ```swift
/// let index = NearestPoint(points: [Point(x: 0, y: 0), Point(x: 10, y: 0)])
/// index.nearest(to: Point(x: 5, y: 3))  // 0: both are as near; the lower index wins
/// ```
public struct NearestPoint: Sendable {
  /// The points queried against, in the order given (answers are indices into it).
  public let points: [Point]
  let buckets: PointBuckets

  /// An index of `points` (metres of a projected CRS; possibly none). O(n).
  public init(points: [Point]) {
    self.points = points
    let box = BoundingBox(points: points)
    let side = Swift.max(box.width, box.height)
    let n = Double(Swift.max(points.count, 1))
    let size = side > 0 ? Swift.max(side / n.squareRoot(), side * 1e-9) : 1
    buckets = PointBuckets(points: points, size: size)
  }

  /// The index of the point nearest `query` (ties to the lowest index); nil without points.
  public func nearest(to query: Point) -> Int? {
    guard !points.isEmpty, query.x.isFinite, query.y.isFinite else { return nil }
    var rings = 1
    while true {
      var best = -1
      var bestD2 = Double.infinity
      buckets.visit(around: query, rings: rings) { j in
        let dx = points[j].x - query.x
        let dy = points[j].y - query.y
        let d2 = dx * dx + dy * dy
        if d2 < bestD2 || (d2 == bestD2 && j < best) {
          best = j
          bestD2 = d2
        }
      }
      if buckets.covers(around: query, rings: rings) { return best }
      // Points in unvisited buckets lie beyond the visited rectangle's sides that are not the
      // grid's border.
      let b = PointBuckets.bucket(
        query, minX: buckets.minX, minY: buckets.minY, size: buckets.size, columns: buckets.columns, rows: buckets.rows)
      let bi = b % buckets.columns
      let bj = b / buckets.columns
      var reach = Double.infinity
      if bi - rings > 0 { reach = Swift.min(reach, query.x - (buckets.minX + Double(bi - rings) * buckets.size)) }
      if bj - rings > 0 { reach = Swift.min(reach, query.y - (buckets.minY + Double(bj - rings) * buckets.size)) }
      if bi + rings < buckets.columns - 1 {
        reach = Swift.min(reach, buckets.minX + Double(bi + rings + 1) * buckets.size - query.x)
      }
      if bj + rings < buckets.rows - 1 {
        reach = Swift.min(reach, buckets.minY + Double(bj + rings + 1) * buckets.size - query.y)
      }
      if best >= 0 && bestD2 < reach * reach { return best }
      rings *= 2
    }
  }

  /// How many of the incidents (x, y) have each point as their nearest.
  /// - Returns: one count per point; the counts sum to the number of finite incidents.
  public func tally(x: [Double], y: [Double]) -> [Double] {
    precondition(x.count == y.count)
    var counts = [Double](repeating: 0, count: points.count)
    for k in x.indices {
      if let j = nearest(to: Point(x: x[k], y: y[k])) { counts[j] += 1 }
    }
    return counts
  }
}
