/// Repairs an invalid polygon by one documented rule, and says what it changed.
///
/// ## Rule
/// 1. Repeated consecutive positions are removed from every ring.
/// 2. Degenerate rings are dropped: fewer than 3 distinct positions, or all on one line (no area).
/// 3. A ring that touches or crosses itself is cut at every point where it does into simple
///    rings (a bow-tie becomes two triangles); rings of no area (spikes) are dropped.
/// 4. The rings are then read by the even-odd rule, the rule the point-in-polygon test already
///    applies: a place is inside when it is inside an odd number of rings. A ring inside an even
///    number of others (0, 2…) is an exterior; one inside an odd number is a hole of the smallest
///    ring around it. So a hole lying outside its exterior becomes an area of its own, and the
///    lobe of a ring looping twice around the same place becomes a hole.
/// 5. Exteriors are turned counter-clockwise and holes clockwise (RFC 7946).
///
/// Rings that cross other rings are not cut: such a polygon keeps its problems in
/// `Outcome.remaining`, and a caller should refuse it.
///
/// ## Properties
/// - A valid polygon comes back as it was, with no changes listed.
/// - Complexity: O(n) for the cutting (`SegmentSweep`), O(k² · n) for the even-odd nesting of
///   k rings of n positions; k is small for the polygons that need repair.
public enum PolygonRepair {
  /// A repaired polygon: its parts, what was changed, and the problems left.
  public struct Outcome: Sendable {
    /// The polygons the input became (none when every ring was degenerate).
    public var polygons: [Polygon]
    /// What was changed, one sentence each (`hole 1 dropped: …`, `the exterior ring crossed itself…`).
    public var changes: [String]
    /// What the rule could not repair (`PolygonValidity` of the result); empty when it is valid.
    public var remaining: [PolygonValidity.Problem]
  }

  /// `polygon` repaired by the rule above.
  public static func repaired(_ polygon: Polygon) -> Outcome {
    if PolygonValidity.problems(of: polygon).isEmpty {
      return Outcome(polygons: [polygon], changes: [], remaining: [])
    }
    var changes: [String] = []
    var loops: [(ring: Int, points: [Point])] = []
    for (index, ring) in polygon.rings.enumerated() {
      let name = PolygonValidity.ringName(index)
      let points = PolygonValidity.ring(withoutRepeats: ring.points)
      if points.count < ring.points.count {
        changes.append("\(name): removed \(ring.points.count - points.count) repeated consecutive positions")
      }
      let distinct = Set(points).count
      if distinct < 3 {
        changes.append("\(name) dropped: \(distinct) distinct positions")
        continue
      }
      if PolygonValidity.isCollinear(points) {
        changes.append("\(name) dropped: it encloses no area")
        continue
      }
      let (pieces, cuts) = split(points)
      let kept = pieces.filter { Set($0).count >= 3 && !PolygonValidity.isCollinear($0) }
      if cuts > 0 {
        changes.append(
          "\(name) crossed itself: cut at \(cuts) \(cuts == 1 ? "point" : "points") into \(kept.count) "
            + "\(kept.count == 1 ? "ring" : "rings") (even-odd rule)"
            + (kept.count < pieces.count ? ", \(pieces.count - kept.count) of no area dropped" : ""))
      }
      loops += kept.map { (index, $0) }
    }
    let rings = loops.map { Ring(uncheckedClosed: $0.points) }
    let depth = rings.indices.map { i in rings.indices.filter { $0 != i && isInside(rings[i], rings[$0]) } }
    var polygons: [(exterior: Ring, holes: [Ring])] = []
    var polygonOf: [Int: Int] = [:]
    for i in rings.indices where depth[i].count % 2 == 0 {
      polygonOf[i] = polygons.count
      polygons.append((rings[i].isCounterClockwise ? rings[i] : rings[i].reversed(), []))
      if loops[i].ring > 0 {
        changes.append(
          "\(PolygonValidity.ringName(loops[i].ring)) lay outside its exterior ring: kept as an area of its own (even-odd rule)"
        )
      }
    }
    for i in rings.indices where depth[i].count % 2 == 1 {
      // The hole of the smallest ring around it one level up.
      let parents = depth[i].filter { depth[$0].count == depth[i].count - 1 }
      guard let parent = parents.min(by: { rings[$0].area < rings[$1].area }), let target = polygonOf[parent] else {
        continue
      }
      polygons[target].holes.append(rings[i].isCounterClockwise ? rings[i].reversed() : rings[i])
      if loops[i].ring == 0 {
        changes.append("a loop of the exterior ring lies inside the rest of it: made a hole (even-odd rule)")
      }
    }
    let result = polygons.map { Polygon(exterior: $0.exterior, holes: $0.holes) }
    if result.count != 1 {
      changes.append("the polygon became \(result.count) \(result.count == 1 ? "polygon" : "polygons")")
    }
    return Outcome(polygons: result, changes: changes, remaining: result.flatMap { PolygonValidity.problems(of: $0) })
  }

  /// The simple rings a closed ring (without repeated consecutive positions) is cut into at the
  /// points where it touches or crosses itself, and the number of such points.
  static func split(_ points: [Point]) -> (rings: [[Point]], cuts: Int) {
    let count = points.count - 1
    var extra = Array(repeating: [Point](), count: count)
    var cutPoints = Set<Point>()
    let edges = (0..<count).map { (points[$0], points[$0 + 1]) }
    SegmentSweep(segments: edges).forEachContact { i, j, contact in
      let adjacent = (i + 1) % count == j || (j + 1) % count == i
      switch contact {
      case .none: break
      case .point(let p, _):
        if adjacent { break }
        extra[i].append(p)
        extra[j].append(p)
        cutPoints.insert(p)
      case .overlap(let p, let q):
        for point in [p, q] {
          extra[i].append(point)
          extra[j].append(point)
          cutPoints.insert(point)
        }
      }
      return true
    }
    guard !cutPoints.isEmpty else { return ([points], 0) }
    // The ring with every cut point inserted in its edges, in order along each edge.
    var walk: [Point] = []
    for i in 0..<count {
      let (a, b) = edges[i]
      walk.append(a)
      let inserted = Set(extra[i]).filter { $0 != a && $0 != b }.sorted {
        squaredDistance(a, $0) < squaredDistance(a, $1)
      }
      walk += inserted
    }
    guard let loops = EvenOddFaces.loops(of: walk) else { return ([points], cutPoints.count) }
    return (loops, cutPoints.count)
  }

  /// True when `ring` lies inside `other`: decided at its first position not on `other`'s
  /// boundary (or the middle of an edge, when every position is).
  private static func isInside(_ ring: Ring, _ other: Ring) -> Bool {
    let around = Polygon(exterior: other)
    let p = ring.points
    let candidates =
      p + (0..<(p.count - 1)).map { Point(x: (p[$0].x + p[$0 + 1].x) / 2, y: (p[$0].y + p[$0 + 1].y) / 2) }
    for point in candidates {
      switch around.location(of: point) {
      case .inside: return true
      case .outside: return false
      case .onBoundary: continue
      }
    }
    return false
  }

  private static func squaredDistance(_ a: Point, _ b: Point) -> Double {
    (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)
  }
}
