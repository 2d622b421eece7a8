import GeoCore

/// The places of a before/after evaluation: the target areas, a buffer ring around them, and the
/// comparison (control) areas, with the rule that puts each incident in exactly one of them.
///
/// ## The rule (in this order)
/// 1. **target**: inside a target polygon (the half-open rule of `PolygonIndex`);
/// 2. **buffer**: otherwise, within `buffer` metres of a target polygon's boundary (distance ≤
///    buffer), holes' boundaries included;
/// 3. **comparison**: otherwise, inside a comparison polygon;
/// 4. **outside**: anywhere else.
///
/// So the comparison is the comparison polygons minus the target and the buffer ring: the control
/// is kept apart from the places displacement or diffusion would reach, as the standard designs
/// do (Bowers & Johnson 2003; Ratcliffe 2002; Guerette 2009's "contamination free" control).
/// Incidents inside comparison polygons that the rule gives to the target or buffer are counted in
/// `Tally.comparisonOverlap`, so callers can say so.
///
/// Coordinates are metres of a projected CRS.
public struct InterventionAreas: Sendable {
  /// The group an incident falls in, by the rule above; raw values 0–3 index `Tally.counts`.
  public enum Group: Int, CaseIterable, Hashable, Sendable {
    case target, buffer, comparison, outside

    /// `target`, `buffer`, `comparison`, `outside`: the group's name in outputs.
    public var name: String {
      switch self {
      case .target: "target"
      case .buffer: "buffer"
      case .comparison: "comparison"
      case .outside: "outside"
      }
    }
  }

  /// The target polygons, in metres of the working CRS.
  public let target: [Geometry]
  /// The comparison polygons, in the same CRS (the target and buffer are taken out of them).
  public let comparison: [Geometry]
  /// The ring's width in metres, nil for no ring.
  public let buffer: Double?
  private let targetIndex: PolygonIndex
  private let comparisonIndex: PolygonIndex
  private let nearest: NearestBoundary?

  /// - Parameters:
  ///   - target: the target polygons or multipolygons, in a projected CRS.
  ///   - comparison: the comparison polygons, in the same CRS.
  ///   - buffer: the ring's width (> 0), or nil.
  public init(target: [Geometry], comparison: [Geometry], buffer: Double?) {
    precondition(buffer == nil || (buffer! > 0 && buffer!.isFinite))
    self.target = target
    self.comparison = comparison
    self.buffer = buffer
    targetIndex = PolygonIndex(areas: target)
    comparisonIndex = PolygonIndex(areas: comparison)
    nearest = buffer.map { NearestBoundary(areas: target, radius: $0) }
  }

  /// The group of `point` by the type's rule, and whether it also lies in a comparison polygon.
  /// - Complexity: about O(1) point-in-polygon queries plus, outside the target, one boundary
  ///   distance query.
  public func classify(_ point: Point) -> (group: Group, inComparisonPolygon: Bool) {
    let inComparison = comparisonIndex.firstContaining(point) != nil
    if targetIndex.firstContaining(point) != nil { return (.target, inComparison) }
    if let nearest, nearest.nearest(to: point) != nil { return (.buffer, inComparison) }
    return (inComparison ? .comparison : .outside, inComparison)
  }

  /// Counts per group and period.
  public struct Tally: Hashable, Sendable {
    /// `counts[group.rawValue][period]`, period 0 before, 1 after.
    public private(set) var counts: [[Int]] = Array(repeating: [0, 0], count: Group.allCases.count)
    /// Incidents inside comparison polygons given to the target or buffer, per period.
    public private(set) var comparisonOverlap = [0, 0]

    /// All counts 0.
    public init() {}

    /// The incidents counted in `group` in `period` (0 before, 1 after).
    public func count(_ group: Group, period: Int) -> Int { counts[group.rawValue][period] }

    /// Counts `point` (in the areas' CRS) in its group for `period` (0 before, 1 after), and in
    /// `comparisonOverlap` when it lies in a comparison polygon but goes to the target or buffer.
    public mutating func add(_ point: Point, period: Int, areas: InterventionAreas) {
      let (group, inComparison) = areas.classify(point)
      counts[group.rawValue][period] += 1
      if inComparison && (group == .target || group == .buffer) { comparisonOverlap[period] += 1 }
    }
  }

  /// Whether the comparison polygons reach into the target or the buffer ring, judged from their
  /// vertices and the target's (an edge crossing without a vertex inside goes unseen).
  public var comparisonOverlapsTargetOrBuffer: Bool {
    for geometry in comparison {
      for ring in geometry.polygons.flatMap(\.rings) {
        for p in ring.points {
          let group = classify(p).group
          if group == .target || group == .buffer { return true }
        }
      }
    }
    for geometry in target {
      for ring in geometry.polygons.flatMap(\.rings) {
        for p in ring.points where comparisonIndex.firstContaining(p) != nil { return true }
      }
    }
    return false
  }

  /// The area of each group (target, buffer, comparison) in m², estimated by classifying the
  /// points of a square lattice of `spacing` metres over the target, buffer and comparison's
  /// bounding box (each point standing for spacing² m²).
  ///
  /// The error is of the order of the spacing times the groups' perimeters; choose the spacing
  /// small against the buffer. Deterministic whatever the thread count (whole-number tallies).
  /// - Complexity: O(lattice points) classifications, in parallel by rows.
  public func estimatedAreas(spacing: Double) -> [Double] {
    precondition(spacing > 0 && spacing.isFinite)
    var box = (target + comparison).reduce(BoundingBox.empty) { $0.union($1.boundingBox) }
    if let buffer, !box.isEmpty {
      box = BoundingBox(
        minX: box.minX - buffer, minY: box.minY - buffer, maxX: box.maxX + buffer, maxY: box.maxY + buffer)
    }
    guard !box.isEmpty else { return [0, 0, 0] }
    let minX = box.minX
    let minY = box.minY
    let columns = Swift.max(1, Int((box.width / spacing).rounded(.up)))
    let rows = Swift.max(1, Int((box.height / spacing).rounded(.up)))
    let groups = Group.allCases.count
    var tallies = [Int](repeating: 0, count: rows * groups)
    tallies.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let out = DisjointWrites(base)
      Parallel.forEachRange(count: rows, minimumChunk: 16) { range in
        for j in range {
          let y = minY + (Double(j) + 0.5) * spacing
          for i in 0..<columns {
            let group = classify(Point(x: minX + (Double(i) + 0.5) * spacing, y: y)).group
            out[j * groups + group.rawValue] += 1
          }
        }
      }
    }
    let cell = spacing * spacing
    return (0..<3).map { g in
      Double(stride(from: g, to: tallies.count, by: groups).reduce(0) { $0 + tallies[$1] }) * cell
    }
  }
}
