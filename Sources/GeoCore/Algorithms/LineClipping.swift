/// A line clipped to a rectangle: the pieces of it inside the box, as lines.
///
/// Each segment is clipped by Liang–Barsky (Liang and Barsky 1984, "A new concept and method for
/// line clipping", *ACM Transactions on Graphics* 3(1): 1–22): the segment p + t(q − p),
/// 0 ≤ t ≤ 1, is cut to the t interval on the inner side of all four edges. Consecutive inside
/// pieces that meet at an original position are joined into one part, so a line that stays
/// inside is one part, and one that leaves and re-enters gives one part per visit.
///
/// ## Properties
/// - The box is closed: a position on its edge is inside, and a line running along an edge is
///   kept.
/// - Positions inside the box are kept bit for bit; only the positions where the line crosses
///   the edge are computed, and they are clamped into the box, so every position of every part
///   lies inside it.
/// - A piece that reduces to a single position (a line touching a corner or an edge from
///   outside) is dropped: it draws nothing.
/// - An empty box clips everything away.
/// - Complexity: O(n) in the number of positions.
extension LineString {
  /// The parts of this line inside `box`, in the line's order and direction; empty when none.
  public func clipped(to box: BoundingBox) -> [LineString] {
    guard !box.isEmpty else { return [] }
    if box.contains(boundingBox) { return [self] }
    var parts: [LineString] = []
    var current: [Point] = []
    /// True while `current` ends at the start of the next segment (an original position).
    var joined = false
    func finish() {
      if current.count >= 2 && current.contains(where: { $0 != current[0] }) {
        parts.append(LineString(unchecked: current))
      }
      current.removeAll(keepingCapacity: true)
    }
    for i in 0..<(points.count - 1) {
      let p = points[i]
      let q = points[i + 1]
      guard let (t0, t1) = LineClipping.interval(p, q, box) else {
        finish()
        joined = false
        continue
      }
      let start = t0 == 0 ? p : LineClipping.point(p, q, t0, in: box)
      let end = t1 == 1 ? q : LineClipping.point(p, q, t1, in: box)
      if !(joined && t0 == 0) {
        finish()
        current.append(start)
      }
      if end != current.last { current.append(end) }
      joined = t1 == 1
    }
    finish()
    return parts
  }
}

extension Geometry {
  /// The lines of a linear geometry clipped to `box`: a LineString for one part, a
  /// MultiLineString for several, nil when nothing is inside. Points and polygons are returned
  /// unchanged (clipping them is not a line operation).
  /// - Complexity: O(n).
  public func clippingLines(to box: BoundingBox) -> Geometry? {
    guard isLinear else { return self }
    let parts = lines.flatMap { $0.clipped(to: box) }
    switch parts.count {
    case 0: return nil
    case 1: return .lineString(parts[0])
    default: return .multiLineString(parts)
    }
  }
}

extension BoundingBox {
  /// True when `other` lies within this box (an empty `other` lies within any non-empty box).
  public func contains(_ other: BoundingBox) -> Bool {
    other.isEmpty
      ? !isEmpty
      : other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
  }
}

/// Liang–Barsky for one segment.
enum LineClipping {
  /// The t interval of p + t(q − p) inside `box`, or nil when the segment misses it.
  static func interval(_ p: Point, _ q: Point, _ box: BoundingBox) -> (Double, Double)? {
    let dx = q.x - p.x
    let dy = q.y - p.y
    var t0 = 0.0
    var t1 = 1.0
    // Each edge as (−direction, distance to the edge), inside when t·pk ≤ qk.
    let edges = [
      (-dx, p.x - box.minX), (dx, box.maxX - p.x), (-dy, p.y - box.minY), (dy, box.maxY - p.y),
    ]
    for (pk, qk) in edges {
      if pk == 0 {
        if qk < 0 { return nil }
      } else {
        let t = qk / pk
        if pk < 0 {
          if t > t1 { return nil }
          if t > t0 { t0 = t }
        } else {
          if t < t0 { return nil }
          if t < t1 { t1 = t }
        }
      }
    }
    return (t0, t1)
  }

  /// p + t(q − p), clamped into `box` so that rounding never puts a crossing outside it.
  static func point(_ p: Point, _ q: Point, _ t: Double, in box: BoundingBox) -> Point {
    Point(
      x: min(max(p.x + t * (q.x - p.x), box.minX), box.maxX),
      y: min(max(p.y + t * (q.y - p.y), box.minY), box.maxY))
  }
}
