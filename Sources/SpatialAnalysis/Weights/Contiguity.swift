import GeoCore

extension SpatialWeights {
  /// Which boundary contact makes two areas neighbours.
  public enum Contiguity: String, CaseIterable, Sendable {
    /// Any contact: a shared point is enough (a corner).
    case queen
    /// A shared stretch of boundary longer than the tolerance.
    case rook
  }

  /// Contiguity weights from polygons whose shared boundaries need not have identical vertices
  /// (generalised boundaries): edges are compared within a snapping tolerance.
  ///
  /// Two areas touch when a boundary segment of one lies within `tolerance` of a segment of the
  /// other (crossing segments included). Their contact points are the segment ends lying within
  /// the tolerance of the other's segment, and crossing points.
  /// - Queen: the areas touch.
  /// - Rook: the contact points do not all lie within `tolerance` of the first one, so the areas
  ///   share a stretch of boundary longer than the tolerance, not just a corner.
  ///
  /// libpysal `Queen`/`Rook` (exact shared vertices; its `fuzzy_contiguity` for the tolerant form).
  ///
  /// - Parameters:
  ///   - areas: polygons in a projected (working) CRS; points geometries get no neighbour.
  ///   - rule: queen or rook.
  ///   - tolerance: metres (CRS units) within which boundaries count as touching; ≥ 0.
  /// - Returns: binary, symmetric weights, rows in `areas` order.
  /// - Complexity: O(S + P) for S segments and P nearby segment pairs, with a bucket grid of about
  ///   one segment per bucket and bounding boxes grown by the tolerance as prefilter.
  ///
  /// ## Properties
  /// - Symmetric; no area neighbours itself; rook ⊆ queen.
  /// - With tolerance 0 and exactly shared vertices it equals libpysal's contiguity.
  public static func contiguity(
    areas: [Geometry], rule: Contiguity = .queen, tolerance: Double = 1
  ) -> SpatialWeights {
    precondition(tolerance >= 0)
    // Segments, area by area, in file order.
    var ax: [Double] = []
    var ay: [Double] = []
    var bx: [Double] = []
    var by: [Double] = []
    var owner: [Int] = []
    for (area, geometry) in areas.enumerated() {
      for polygon in geometry.polygons {
        for ring in polygon.rings {
          let points = ring.points
          for k in 0..<(points.count - 1) where points[k] != points[k + 1] {
            ax.append(points[k].x)
            ay.append(points[k].y)
            bx.append(points[k + 1].x)
            by.append(points[k + 1].y)
            owner.append(area)
          }
        }
      }
    }
    let segmentCount = owner.count
    guard segmentCount > 0 else { return SpatialWeights(lists: Array(repeating: [], count: areas.count)) }
    var box = BoundingBox.empty
    var totalLength = 0.0
    for s in 0..<segmentCount {
      box.extend(by: Point(x: ax[s], y: ay[s]))
      box.extend(by: Point(x: bx[s], y: by[s]))
      totalLength += ((bx[s] - ax[s]) * (bx[s] - ax[s]) + (by[s] - ay[s]) * (by[s] - ay[s])).squareRoot()
    }
    // Buckets about two mean segments wide, at most 2,000 a side.
    var size = Swift.max(2 * totalLength / Double(segmentCount), tolerance * 2)
    size = Swift.max(size, box.width / 2000, box.height / 2000, 1e-12)
    let columns = Int((box.width / size).rounded(.down)) + 1
    let rows = Int((box.height / size).rounded(.down)) + 1
    func column(_ x: Double) -> Int {
      Swift.min(columns - 1, Swift.max(0, Int(((x - box.minX) / size).rounded(.down))))
    }
    func row(_ y: Double) -> Int { Swift.min(rows - 1, Swift.max(0, Int(((y - box.minY) / size).rounded(.down)))) }
    // Each segment goes into every bucket its box (grown by the tolerance) meets.
    var bucketStart = [Int](repeating: 0, count: columns * rows + 1)
    var spans: [(c0: Int, c1: Int, r0: Int, r1: Int)] = []
    spans.reserveCapacity(segmentCount)
    for s in 0..<segmentCount {
      let span = (
        column(Swift.min(ax[s], bx[s]) - tolerance), column(Swift.max(ax[s], bx[s]) + tolerance),
        row(Swift.min(ay[s], by[s]) - tolerance), row(Swift.max(ay[s], by[s]) + tolerance)
      )
      spans.append(span)
      for r in span.2...span.3 { for c in span.0...span.1 { bucketStart[r * columns + c + 1] += 1 } }
    }
    for b in 0..<(columns * rows) { bucketStart[b + 1] += bucketStart[b] }
    var fill = bucketStart
    var members = [Int](repeating: 0, count: bucketStart[columns * rows])
    for s in 0..<segmentCount {
      let span = spans[s]
      for r in span.r0...span.r1 {
        for c in span.c0...span.c1 {
          members[fill[r * columns + c]] = s
          fill[r * columns + c] += 1
        }
      }
    }

    let tolerance2 = tolerance * tolerance
    // Per pair of areas (lower index first): the first contact point, and whether a contact lies
    // farther than the tolerance from it. Looked up by key only; output order is sorted.
    var contacts: [Int: (first: Point, far: Bool)] = [:]
    func note(_ a: Int, _ b: Int, _ p: Point) {
      let key = Swift.min(a, b) * areas.count + Swift.max(a, b)
      if let existing = contacts[key] {
        if !existing.far {
          let dx = p.x - existing.first.x
          let dy = p.y - existing.first.y
          if dx * dx + dy * dy > tolerance2 { contacts[key] = (existing.first, true) }
        }
      } else {
        contacts[key] = (p, false)
      }
    }
    for bucket in 0..<(columns * rows) {
      let range = bucketStart[bucket]..<bucketStart[bucket + 1]
      guard range.count > 1 else { continue }
      for u in range {
        let s = members[u]
        for v in (u + 1)..<range.upperBound {
          let t = members[v]
          guard owner[s] != owner[t] else { continue }
          // Bounding-box prefilter, grown by the tolerance.
          if Swift.min(ax[s], bx[s]) - tolerance > Swift.max(ax[t], bx[t])
            || Swift.min(ax[t], bx[t]) - tolerance > Swift.max(ax[s], bx[s])
            || Swift.min(ay[s], by[s]) - tolerance > Swift.max(ay[t], by[t])
            || Swift.min(ay[t], by[t]) - tolerance > Swift.max(ay[s], by[s])
          {
            continue
          }
          let p1 = Point(x: ax[s], y: ay[s])
          let p2 = Point(x: bx[s], y: by[s])
          let q1 = Point(x: ax[t], y: ay[t])
          let q2 = Point(x: bx[t], y: by[t])
          let a = owner[s]
          let b = owner[t]
          for p in [p1, p2] where p.squaredDistance(toSegment: q1, q2) <= tolerance2 { note(a, b, p) }
          for q in [q1, q2] where q.squaredDistance(toSegment: p1, p2) <= tolerance2 { note(a, b, q) }
          if let crossing = crossingPoint(p1, p2, q1, q2) { note(a, b, crossing) }
        }
      }
    }
    var lists = [[Int]](repeating: [], count: areas.count)
    for (key, contact) in contacts where rule == .queen || contact.far {
      let a = key / areas.count
      let b = key % areas.count
      lists[a].append(b)
      lists[b].append(a)
    }
    return SpatialWeights(lists: lists)
  }

  /// The point where segments p1–p2 and q1–q2 cross properly (interiors), if they do.
  static func crossingPoint(_ p1: Point, _ p2: Point, _ q1: Point, _ q2: Point) -> Point? {
    let rx = p2.x - p1.x
    let ry = p2.y - p1.y
    let sx = q2.x - q1.x
    let sy = q2.y - q1.y
    let denominator = rx * sy - ry * sx
    guard denominator != 0 else { return nil }
    let qpx = q1.x - p1.x
    let qpy = q1.y - p1.y
    let t = (qpx * sy - qpy * sx) / denominator
    let u = (qpx * ry - qpy * rx) / denominator
    guard t > 0, t < 1, u > 0, u < 1 else { return nil }
    return Point(x: p1.x + t * rx, y: p1.y + t * ry)
  }
}
