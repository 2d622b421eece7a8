/// The area whose boundary lies nearest a point, within a search radius: for points just outside
/// every area (police.uk snap points sit on streets, and streets are boundaries).
///
/// Edges are bucketed into a grid of cells no smaller than the radius, so a query looks at the
/// edges of at most 3 × 3 cells around the point.
///
/// ## Properties
/// - Distances are planar, in CRS units (metres in a projected CRS), to the closest point of an edge.
/// - Ties go to the lowest area index.
/// - Complexity: building O(E) for E edges; a query O(edges in the 9 cells around the point).
public struct NearestBoundary: Sendable {
  /// The largest distance a query looks, in CRS units (metres in a projected CRS); finite and > 0.
  public let radius: Double
  private let box: BoundingBox
  private let columns: Int
  private let rows: Int
  private let cellSize: Double
  /// Per cell, the edges touching it, as (area, a, b), stored flat with `cellStart` offsets.
  private let cellStart: [Int32]
  private let edgeArea: [Int32]
  private let edgePoints: [Point]

  /// - Parameters:
  ///   - areas: polygons or multipolygons (nil contains nothing), in a planar CRS.
  ///   - radius: the largest distance a query looks, in CRS units; must be > 0.
  public init(areas: [Geometry?], radius: Double) {
    precondition(radius > 0 && radius.isFinite)
    self.radius = radius
    var box = BoundingBox.empty
    var edges: [(Int32, Point, Point)] = []
    for (area, geometry) in areas.enumerated() {
      for ring in geometry?.polygons.flatMap(\.rings) ?? [] {
        let p = ring.points
        for i in 0..<(p.count - 1) { edges.append((Int32(area), p[i], p[i + 1])) }
        box = box.union(ring.boundingBox)
      }
    }
    // Cells at least as large as the radius, and no more than about 4 per edge (at most 4M).
    let area = Swift.max(box.width * box.height, 1e-9)
    let side = Swift.max(radius, (area / Double(Swift.min(4 << 20, Swift.max(1, 4 * edges.count)))).squareRoot())
    self.box = box
    cellSize = side
    columns = box.isEmpty ? 0 : Swift.max(1, Int((box.width / side).rounded(.up)))
    rows = box.isEmpty ? 0 : Swift.max(1, Int((box.height / side).rounded(.up)))
    var buckets = Array(repeating: [Int32](), count: columns * rows)
    for (index, edge) in edges.enumerated() {
      let i0 = Self.clamp(Int((Swift.min(edge.1.x, edge.2.x) - box.minX) / side), columns)
      let i1 = Self.clamp(Int((Swift.max(edge.1.x, edge.2.x) - box.minX) / side), columns)
      let j0 = Self.clamp(Int((Swift.min(edge.1.y, edge.2.y) - box.minY) / side), rows)
      let j1 = Self.clamp(Int((Swift.max(edge.1.y, edge.2.y) - box.minY) / side), rows)
      for j in j0...j1 {
        for i in i0...i1 { buckets[j * columns + i].append(Int32(index)) }
      }
    }
    var cellStart: [Int32] = [0]
    var edgeArea: [Int32] = []
    var edgePoints: [Point] = []
    for bucket in buckets {
      for index in bucket {
        let edge = edges[Int(index)]
        edgeArea.append(edge.0)
        edgePoints.append(edge.1)
        edgePoints.append(edge.2)
      }
      cellStart.append(Int32(edgeArea.count))
    }
    self.cellStart = cellStart
    self.edgeArea = edgeArea
    self.edgePoints = edgePoints
  }

  private static func clamp(_ value: Int, _ count: Int) -> Int { Swift.max(0, Swift.min(count - 1, value)) }

  /// The area with the boundary nearest `point`, and the distance to it, if within `radius`.
  public func nearest(to point: Point) -> (area: Int, distance: Double)? {
    guard columns > 0, point.isFinite,
      point.x >= box.minX - radius, point.x <= box.maxX + radius,
      point.y >= box.minY - radius, point.y <= box.maxY + radius
    else { return nil }
    let ci = Self.clamp(Int((point.x - box.minX) / cellSize), columns)
    let cj = Self.clamp(Int((point.y - box.minY) / cellSize), rows)
    var best: (area: Int, squared: Double)?
    for j in Swift.max(0, cj - 1)...Swift.min(rows - 1, cj + 1) {
      for i in Swift.max(0, ci - 1)...Swift.min(columns - 1, ci + 1) {
        let cell = j * columns + i
        for k in Int(cellStart[cell])..<Int(cellStart[cell + 1]) {
          let d = point.squaredDistance(toSegment: edgePoints[2 * k], edgePoints[2 * k + 1])
          let area = Int(edgeArea[k])
          if let current = best, d > current.squared || (d == current.squared && area >= current.area) { continue }
          best = (area, d)
        }
      }
    }
    guard let best, best.squared <= radius * radius else { return nil }
    return (best.area, best.squared.squareRoot())
  }
}
