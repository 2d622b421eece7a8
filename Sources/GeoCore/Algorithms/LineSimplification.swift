/// Line simplification: fewer positions for a line drawn at a scale where they cannot be seen.
///
/// Two methods, both keeping the first and last positions and only ever removing positions
/// (those kept are the originals, bit for bit, in order):
///
/// - Douglas–Peucker (Douglas and Peucker 1973, "Algorithms for the reduction of the number of
///   points required to represent a digitized line or its caricature", *The Canadian
///   Cartographer* 10(2): 112–122; Ramer 1972): keep the position farthest from the segment
///   joining the ends of a stretch when it lies more than `tolerance` away, and split there;
///   otherwise drop everything between the ends. Every removed position lies within `tolerance`
///   of the segment that replaced it, and, since the distance to a segment is convex, so does
///   every point of the original line between the kept ends: the original line never lies more
///   than `tolerance` from the simplified one.
/// - Visvalingam–Whyatt (Visvalingam and Whyatt 1993, "Line generalisation by repeated
///   elimination of points", *The Cartographic Journal* 30(1): 46–51): repeatedly remove the
///   position whose triangle with its two neighbours has the smallest area (its "effective
///   area"), while that area is below `minimumArea`; a neighbour's recomputed area is never
///   taken below the area just removed (the paper's rule), so the result for a larger tolerance
///   is a subset of that for a smaller one. It keeps shapes that look natural under heavy
///   generalisation, but its tolerance bounds an area, not a distance.
///
/// ## The map default
/// Maps use Douglas–Peucker with `tolerance(forMapOf:widthInPixels:pixels:)`, half a pixel by
/// default: its tolerance is a distance, so no part of a line moves by more than half a pixel and
/// the simplified line draws the same picture as the original at that size. Visvalingam–Whyatt
/// has no such bound (a long thin spike has a small area), so it suits deliberate generalisation
/// rather than invisible thinning.
///
/// Distances and areas are in CRS units (metres and m² in a projected CRS); simplify projected
/// coordinates, not longitude/latitude.
public enum LineSimplification {
  /// The positions Douglas–Peucker keeps for `tolerance` (CRS units, ≥ 0).
  ///
  /// The first and last positions are always kept; fewer than 3 positions come back unchanged.
  /// Tolerance 0 removes only positions exactly on the segment that replaces them.
  /// - Precondition: `tolerance >= 0` (not NaN).
  /// - Complexity: O(n log n) for typical lines, O(n²) at worst; iterative (no recursion depth
  ///   limit), O(n) extra memory.
  public static func douglasPeucker(_ points: [Point], tolerance: Double) -> [Point] {
    precondition(tolerance >= 0, "the tolerance must be a distance, 0 or more")
    let n = points.count
    guard n > 2 else { return points }
    var keep = [Bool](repeating: false, count: n)
    keep[0] = true
    keep[n - 1] = true
    var stretches = [(0, n - 1)]
    while let (first, last) = stretches.popLast() {
      guard last > first + 1 else { continue }
      let a = points[first]
      let b = points[last]
      var farthest = first + 1
      var worst = -1.0
      for k in (first + 1)..<last {
        let d = points[k].squaredDistance(toSegment: a, b)
        if d > worst {
          worst = d
          farthest = k
        }
      }
      if worst.squareRoot() > tolerance {
        keep[farthest] = true
        stretches.append((farthest, last))
        stretches.append((first, farthest))
      }
    }
    return points.indices.compactMap { keep[$0] ? points[$0] : nil }
  }

  /// The positions Visvalingam–Whyatt keeps: every position whose effective area is below
  /// `minimumArea` (squared CRS units, ≥ 0) is removed; the first and last are always kept.
  ///
  /// Ties are broken by position in the line (the earlier goes first), so the result is
  /// deterministic. Fewer than 3 positions come back unchanged.
  /// - Precondition: `minimumArea >= 0` (not NaN).
  /// - Complexity: O(n log n) time (a binary heap with stale entries skipped), O(n) memory.
  public static func visvalingamWhyatt(_ points: [Point], minimumArea: Double) -> [Point] {
    precondition(minimumArea >= 0, "the tolerance must be an area, 0 or more")
    let n = points.count
    guard n > 2 else { return points }
    var previous = Array(-1..<(n - 1))
    var next = Array(1...n)
    var removed = [Bool](repeating: false, count: n)
    var version = [Int](repeating: 0, count: n)
    var heap = AreaHeap()
    func area(_ k: Int) -> Double {
      let a = points[previous[k]]
      let b = points[k]
      let c = points[next[k]]
      return abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2
    }
    for k in 1..<(n - 1) { heap.push(AreaHeap.Entry(area: area(k), index: k, version: 0)) }
    var floor = 0.0
    while let entry = heap.pop() {
      guard !removed[entry.index] && entry.version == version[entry.index] else { continue }
      guard entry.area < minimumArea else { break }
      floor = max(floor, entry.area)
      let k = entry.index
      removed[k] = true
      let before = previous[k]
      let after = next[k]
      next[before] = after
      previous[after] = before
      for neighbour in [before, after] where neighbour > 0 && neighbour < n - 1 {
        version[neighbour] += 1
        heap.push(
          AreaHeap.Entry(
            area: max(area(neighbour), floor), index: neighbour, version: version[neighbour]))
      }
    }
    return points.indices.compactMap { removed[$0] ? nil : points[$0] }
  }

  /// The distance `pixels` pixels cover on a map `widthInPixels` wide that shows the full width
  /// of `extent`, in the extent's CRS units: the Douglas–Peucker tolerance that makes
  /// simplification invisible at that size (0.5 by default: half a pixel). 0 for an empty extent.
  /// - Precondition: `widthInPixels > 0`.
  public static func tolerance(
    forMapOf extent: BoundingBox, widthInPixels: Double, pixels: Double = 0.5
  ) -> Double {
    precondition(widthInPixels > 0)
    return extent.width / widthInPixels * pixels
  }
}

extension LineString {
  /// The line simplified by Douglas–Peucker: no removed position, and no point of this line, lies
  /// more than `tolerance` (CRS units) from the result; ends kept. See `LineSimplification`.
  /// - Complexity: O(n log n) typical, O(n²) worst.
  public func simplified(tolerance: Double) -> LineString {
    LineString(unchecked: LineSimplification.douglasPeucker(points, tolerance: tolerance))
  }

  /// The line simplified by Visvalingam–Whyatt: positions with an effective area below
  /// `minimumArea` (squared CRS units) removed; ends kept. See `LineSimplification`.
  /// - Complexity: O(n log n).
  public func simplified(minimumArea: Double) -> LineString {
    LineString(unchecked: LineSimplification.visvalingamWhyatt(points, minimumArea: minimumArea))
  }
}

extension Geometry {
  /// Lines simplified by Douglas–Peucker with `tolerance` (CRS units), part by part; points and
  /// polygons unchanged (simplifying a ring could make it invalid).
  /// - Complexity: that of `LineString.simplified(tolerance:)` over the parts.
  public func simplifyingLines(tolerance: Double) -> Geometry {
    switch self {
    case .lineString(let line): .lineString(line.simplified(tolerance: tolerance))
    case .multiLineString(let lines): .multiLineString(lines.map { $0.simplified(tolerance: tolerance) })
    case .point, .multiPoint, .polygon, .multiPolygon: self
    }
  }
}

/// A binary min-heap of (area, index) pairs, ties broken by index.
private struct AreaHeap {
  struct Entry {
    var area: Double
    var index: Int
    var version: Int

    func precedes(_ other: Entry) -> Bool {
      area < other.area || (area == other.area && index < other.index)
    }
  }

  private var entries: [Entry] = []

  mutating func push(_ entry: Entry) {
    entries.append(entry)
    var child = entries.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard entries[child].precedes(entries[parent]) else { break }
      entries.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> Entry? {
    guard let top = entries.first else { return nil }
    let last = entries.removeLast()
    guard !entries.isEmpty else { return top }
    entries[0] = last
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < entries.count && entries[left].precedes(entries[smallest]) { smallest = left }
      if right < entries.count && entries[right].precedes(entries[smallest]) { smallest = right }
      guard smallest != parent else { break }
      entries.swapAt(parent, smallest)
      parent = smallest
    }
    return top
  }
}
