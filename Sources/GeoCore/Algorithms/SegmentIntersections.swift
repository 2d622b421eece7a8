/// Where two segments meet: nowhere, at one point (crossing or touching), or along a stretch
/// (collinear overlap).
public enum SegmentContact: Hashable, Sendable {
  /// The segments share no point.
  case none
  /// One point in common; `proper` when each segment crosses the other's line at an interior point.
  case point(Point, proper: Bool)
  /// Collinear, sharing the stretch from the first point to the second (of positive length).
  case overlap(Point, Point)

  /// The contact of `p1`–`p2` with `q1`–`q2`, from the signs of four orientation tests (exact for
  /// the signs' zero cases only in so far as floating point is; a crossing point is computed
  /// once, from `p1`–`p2`, and given to both segments).
  public static func between(_ p1: Point, _ p2: Point, _ q1: Point, _ q2: Point) -> SegmentContact {
    guard
      Swift.min(p1.x, p2.x) <= Swift.max(q1.x, q2.x), Swift.min(q1.x, q2.x) <= Swift.max(p1.x, p2.x),
      Swift.min(p1.y, p2.y) <= Swift.max(q1.y, q2.y), Swift.min(q1.y, q2.y) <= Swift.max(p1.y, p2.y)
    else { return .none }
    let d1 = orientation(q1, q2, p1)
    let d2 = orientation(q1, q2, p2)
    let d3 = orientation(p1, p2, q1)
    let d4 = orientation(p1, p2, q2)
    if d1 == 0 && d2 == 0 && d3 == 0 && d4 == 0 {
      // Collinear: compare along the longer axis.
      let byX = abs(p2.x - p1.x) + abs(q2.x - q1.x) >= abs(p2.y - p1.y) + abs(q2.y - q1.y)
      let key = { (p: Point) in byX ? (p.x, p.y) : (p.y, p.x) }
      let (pLow, pHigh) = key(p1) <= key(p2) ? (p1, p2) : (p2, p1)
      let (qLow, qHigh) = key(q1) <= key(q2) ? (q1, q2) : (q2, q1)
      let low = key(pLow) >= key(qLow) ? pLow : qLow
      let high = key(pHigh) <= key(qHigh) ? pHigh : qHigh
      if key(low) > key(high) { return .none }
      return low == high ? .point(low, proper: false) : .overlap(low, high)
    }
    if (d1 > 0 && d2 < 0 || d1 < 0 && d2 > 0) && (d3 > 0 && d4 < 0 || d3 < 0 && d4 > 0) {
      let rx = p2.x - p1.x
      let ry = p2.y - p1.y
      let sx = q2.x - q1.x
      let sy = q2.y - q1.y
      let t = ((q1.x - p1.x) * sy - (q1.y - p1.y) * sx) / (rx * sy - ry * sx)
      return .point(Point(x: p1.x + t * rx, y: p1.y + t * ry), proper: true)
    }
    if d1 == 0 && within(p1, q1, q2) { return .point(p1, proper: false) }
    if d2 == 0 && within(p2, q1, q2) { return .point(p2, proper: false) }
    if d3 == 0 && within(q1, p1, p2) { return .point(q1, proper: false) }
    if d4 == 0 && within(q2, p1, p2) { return .point(q2, proper: false) }
    return .none
  }

  /// Twice the signed area of the triangle `a`, `b`, `c`, measured from `a`: positive when `c` is
  /// left of `a`→`b`.
  static func orientation(_ a: Point, _ b: Point, _ c: Point) -> Double {
    (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
  }

  private static func within(_ p: Point, _ a: Point, _ b: Point) -> Bool {
    p.x >= Swift.min(a.x, b.x) && p.x <= Swift.max(a.x, b.x) && p.y >= Swift.min(a.y, b.y)
      && p.y <= Swift.max(a.y, b.y)
  }
}

/// Every pair of segments of a set that meet, found through a uniform grid of buckets (about one
/// bucket per segment): only segments sharing a bucket are compared, and each pair once, in the
/// bucket holding the south-west corner of the overlap of their boxes.
///
/// ## Properties
/// - Complexity: O(n + k) for n segments of similar length spread over the box and k pairs
///   sharing a bucket; boundary files (many short edges) are close to that.
/// - Deterministic: pairs are visited bucket by bucket, in segment order within a bucket.
struct SegmentSweep {
  /// The segments, as endpoint pairs.
  let segments: [(Point, Point)]

  /// Calls `body(i, j, contact)` with `i < j` for each pair of segments that meet, until it
  /// returns false.
  func forEachContact(_ body: (Int, Int, SegmentContact) -> Bool) {
    guard segments.count > 1 else { return }
    var box = BoundingBox.empty
    for (a, b) in segments {
      box.extend(by: a)
      box.extend(by: b)
    }
    guard (box.maxX - box.minX).isFinite && (box.maxY - box.minY).isFinite else {
      // A box too wide for floating point (coordinates near ±1e308): every pair, without buckets.
      for i in 0..<(segments.count - 1) {
        for j in (i + 1)..<segments.count {
          let contact = SegmentContact.between(segments[i].0, segments[i].1, segments[j].0, segments[j].1)
          if contact != .none && !body(i, j, contact) { return }
        }
      }
      return
    }
    let grid = BucketGrid(box: box, targetCells: segments.count)
    var buckets = Array(repeating: [Int32](), count: grid.cellCount)
    for (index, (a, b)) in segments.enumerated() {
      grid.forEachCell(touchedBy: a, b) { buckets[$0].append(Int32(index)) }
    }
    for cell in buckets.indices where buckets[cell].count > 1 {
      let members = buckets[cell]
      for m in 0..<(members.count - 1) {
        let i = Int(members[m])
        let (a, b) = segments[i]
        for n in (m + 1)..<members.count {
          let j = Int(members[n])
          let (c, d) = segments[j]
          // The pair is compared in one bucket only: the one holding the overlap's low corner.
          let lowX = Swift.max(Swift.min(a.x, b.x), Swift.min(c.x, d.x))
          let lowY = Swift.max(Swift.min(a.y, b.y), Swift.min(c.y, d.y))
          guard lowX <= Swift.min(Swift.max(a.x, b.x), Swift.max(c.x, d.x)),
            lowY <= Swift.min(Swift.max(a.y, b.y), Swift.max(c.y, d.y)),
            grid.row(of: lowY) * grid.columns + grid.column(of: lowX) == cell
          else { continue }
          let contact = SegmentContact.between(a, b, c, d)
          if contact != .none && !body(i, j, contact) { return }
        }
      }
    }
  }
}
