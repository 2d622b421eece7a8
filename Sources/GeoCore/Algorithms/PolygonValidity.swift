/// Checks a polygon against the rules an area must meet before it is counted or measured.
///
/// ## Rules
/// A polygon is valid when:
/// 1. every ring has at least 3 distinct positions (`tooFewVertices`) and encloses a positive
///    area (`zeroArea`: all positions on one line);
/// 2. no ring touches or crosses itself (`selfIntersection`): two edges of a ring meet only where
///    consecutive edges share their vertex, and consecutive edges do not fold back over each
///    other (a spike); repeated consecutive positions are not counted as edges;
/// 3. no two rings cross or share a stretch of boundary (`ringsCross`); touching at a single
///    point is allowed, as in the OGC Simple Features rules;
/// 4. every hole lies inside the exterior ring (`holeOutsideShell`).
///
/// Locations are in the polygon's own coordinates (the file's, when checked as read). Unclosed
/// rings cannot be represented by `Ring`: the readers close them and report it.
///
/// ## Properties
/// - Complexity: O(n) buckets and comparisons for n edges of ordinary boundaries (the edges are
///   compared through a uniform grid, `SegmentSweep`), plus one point-in-ring test per hole.
public enum PolygonValidity {
  /// One broken rule, with where. Rings are numbered 0 (the exterior) then 1, 2… (holes, in order).
  public enum Problem: Hashable, Sendable, CustomStringConvertible {
    /// A ring with fewer than 3 distinct positions.
    case tooFewVertices(ring: Int, distinct: Int, at: Point)
    /// A ring whose positions all lie on one line: it encloses nothing.
    case zeroArea(ring: Int, at: Point)
    /// A ring that touches or crosses itself at `at`.
    case selfIntersection(ring: Int, at: Point)
    /// Two rings that cross, or share a stretch of boundary, at `at`.
    case ringsCross(ring: Int, other: Int, at: Point)
    /// A hole with a position outside the exterior ring (at `at`).
    case holeOutsideShell(ring: Int, at: Point)

    /// Where the problem is, in the polygon's coordinates.
    public var location: Point {
      switch self {
      case .tooFewVertices(_, _, let at), .zeroArea(_, let at), .selfIntersection(_, let at),
        .ringsCross(_, _, let at), .holeOutsideShell(_, let at):
        at
      }
    }

    /// E.g. `the exterior ring crosses itself at (1.5, 0.5)`.
    public var description: String {
      let place = "(\(NumberText.shortest(location.x)), \(NumberText.shortest(location.y)))"
      switch self {
      case .tooFewVertices(let ring, let distinct, _):
        return "\(PolygonValidity.ringName(ring)) has \(distinct) distinct positions (3 are needed), at \(place)"
      case .zeroArea(let ring, _):
        return "\(PolygonValidity.ringName(ring)) encloses no area (its positions lie on one line), at \(place)"
      case .selfIntersection(let ring, _):
        return "\(PolygonValidity.ringName(ring)) crosses itself at \(place)"
      case .ringsCross(let ring, let other, _):
        return "\(PolygonValidity.ringName(ring)) and \(PolygonValidity.ringName(other)) cross at \(place)"
      case .holeOutsideShell(let ring, _):
        return "\(PolygonValidity.ringName(ring)) lies outside the exterior ring, at \(place)"
      }
    }
  }

  /// `the exterior ring` for 0, `hole 1`, `hole 2`… after.
  public static func ringName(_ ring: Int) -> String { ring == 0 ? "the exterior ring" : "hole \(ring)" }

  /// The rules `polygon` breaks: at most one problem per ring for rules 1 and 2 (the first
  /// self-intersection found), one per pair of rings for rule 3; empty when it is valid.
  public static func problems(of polygon: Polygon) -> [Problem] {
    var problems: [Problem] = []
    var checked: [Int] = []
    for (index, ring) in polygon.rings.enumerated() {
      let distinct = Set(ring.points).count
      if distinct < 3 {
        problems.append(.tooFewVertices(ring: index, distinct: distinct, at: ring.points[0]))
      } else if isCollinear(ring.points) {
        problems.append(.zeroArea(ring: index, at: ring.points[0]))
      } else {
        checked.append(index)
      }
    }
    let rings = polygon.rings
    var edges: [(Point, Point)] = []
    var owner: [(ring: Int, edge: Int, of: Int)] = []
    for index in checked {
      let p = ring(withoutRepeats: rings[index].points)
      let count = p.count - 1
      for i in 0..<count {
        edges.append((p[i], p[i + 1]))
        owner.append((index, i, count))
      }
    }
    var selfReported = Set<Int>()
    var pairsReported = Set<[Int]>()
    SegmentSweep(segments: edges).forEachContact { i, j, contact in
      let (a, b) = (owner[i], owner[j])
      if a.ring == b.ring {
        guard !selfReported.contains(a.ring) else { return true }
        let adjacent = (a.edge + 1) % a.of == b.edge || (b.edge + 1) % b.of == a.edge
        if adjacent, case .point = contact { return true }
        selfReported.insert(a.ring)
        problems.append(.selfIntersection(ring: a.ring, at: point(of: contact)))
      } else {
        if case .point(_, let proper) = contact, !proper { return true }
        let pair = [Swift.min(a.ring, b.ring), Swift.max(a.ring, b.ring)]
        guard pairsReported.insert(pair).inserted else { return true }
        problems.append(.ringsCross(ring: pair[0], other: pair[1], at: point(of: contact)))
      }
      return true
    }
    if checked.first == 0 {
      for hole in checked.dropFirst() {
        // A hole crossing the exterior is already reported; one wholly outside has a position
        // outside it (positions on the exterior's boundary say nothing).
        guard !problems.contains(where: { if case .ringsCross(0, hole, _) = $0 { true } else { false } }) else {
          continue
        }
        let exterior = Polygon(exterior: rings[0])
        if let outside = rings[hole].points.first(where: { exterior.location(of: $0) == .outside }) {
          problems.append(.holeOutsideShell(ring: hole, at: outside))
        }
      }
    }
    return problems.sorted { order($0) < order($1) }
  }

  /// The problems of each part of an areal geometry, part by part (parts numbered from 0).
  public static func problems(of geometry: Geometry) -> [(part: Int, problem: Problem)] {
    geometry.polygons.enumerated().flatMap { part, polygon in problems(of: polygon).map { (part, $0) } }
  }

  /// True when every position lies on the line through the first two distinct ones (exactly, in
  /// floating point): the ring encloses nothing, whatever its order.
  static func isCollinear(_ points: [Point]) -> Bool {
    guard let first = points.first, let second = points.first(where: { $0 != first }) else { return true }
    return points.allSatisfy { SegmentContact.orientation(first, second, $0) == 0 }
  }

  /// The positions of a closed ring without repeated consecutive positions (still closed).
  static func ring(withoutRepeats points: [Point]) -> [Point] {
    var result: [Point] = []
    result.reserveCapacity(points.count)
    for point in points where result.last != point { result.append(point) }
    return result
  }

  private static func point(of contact: SegmentContact) -> Point {
    switch contact {
    case .none: Point(x: .nan, y: .nan)
    case .point(let point, _): point
    case .overlap(let point, _): point
    }
  }

  /// Problems in ring order, then by rule.
  private static func order(_ problem: Problem) -> (Int, Int, Int) {
    switch problem {
    case .tooFewVertices(let ring, _, _): (ring, 0, 0)
    case .zeroArea(let ring, _): (ring, 1, 0)
    case .selfIntersection(let ring, _): (ring, 2, 0)
    case .ringsCross(let ring, let other, _): (ring, 3, other)
    case .holeOutsideShell(let ring, _): (ring, 4, 0)
    }
  }
}
