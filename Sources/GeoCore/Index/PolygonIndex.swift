/// Finds which polygons of a layer contain a point, in a few operations for most points.
///
/// Built once per boundary layer:
/// 1. A uniform grid over the layer's bounding box, with about as many cells as the layer has
///    edges (at most 2048 × 2048). A cell that no edge touches lies wholly inside one polygon (or
///    several, where polygons overlap) or wholly outside all of them; that answer is computed
///    once, from the cell's centre, and a point in such a cell costs one array read.
/// 2. Every polygon's edges are also bucketed into horizontal bands. A point in a cell that edges
///    do touch is tested against the polygons whose edges touch that cell (and those containing the
///    cell's centre) with the half-open crossing rule of `PointLocation.swift`, scanning only the
///    edges of the band holding the point's y: every edge that can cross the point's horizontal
///    ray lies in that band, so the answer is exactly that of the full test, bit for bit.
///
/// ## Properties
/// - `firstContaining` agrees with `Polygon.containsByHalfOpenRule` on every point: for a
///   partition, a point on a shared edge or vertex is given to exactly one polygon (east of
///   vertical edges, north of horizontal ones).
/// - Where polygons overlap, `firstContaining` returns the lowest index; `allContaining` returns
///   every index in ascending order.
/// - Complexity: building is O(E + C + X log X) for E edges, C grid cells and X crossings of
///   edges with the rows of cell centres (each edge is walked through the cells its bounding box
///   covers, and each row of centres is swept once); a query is O(1) in an edge-free cell, otherwise proportional to
///   the edges of the candidate polygons in the point's band.
public struct PolygonIndex: Sendable {
  /// The polygons (parts of each area flattened), with the area each belongs to.
  private let parts: [IndexedPart]
  private let areaCount: Int
  private let grid: BucketGrid
  /// Per cell: ≥ 0, the one area containing the whole cell; −1, no area; ≤ −2, the boundary cell
  /// whose candidate list starts at `candidateStart[-2 − value]`.
  private let cells: [Int32]
  private let candidateStart: [Int32]
  /// Part indices, grouped by boundary cell (areas ascending within a group); for cells wholly
  /// inside several overlapping areas, the list of those areas as negative `-1 - area` entries.
  private let candidates: [Int32]

  /// Builds the index over `areas` (each a polygon or multipolygon; nil for a feature without
  /// geometry, which contains nothing). Coordinates must be planar (a projected CRS).
  public init(areas: [Geometry?]) {
    var parts: [IndexedPart] = []
    var box = BoundingBox.empty
    for (area, geometry) in areas.enumerated() {
      for polygon in geometry?.polygons ?? [] {
        parts.append(IndexedPart(polygon: polygon, area: Int32(area)))
        box = box.union(polygon.boundingBox)
      }
    }
    self.parts = parts
    areaCount = areas.count
    let edgeCount = parts.reduce(0) { $0 + $1.edgeCount }
    grid = BucketGrid(box: box, targetCells: max(1, edgeCount))

    // Which parts have an edge in each cell.
    var touching = Array(repeating: [Int32](), count: grid.cellCount)
    for (partIndex, part) in parts.enumerated() {
      for ring in part.polygon.rings {
        let p = ring.points
        for i in 0..<(p.count - 1) {
          grid.forEachCell(touchedBy: p[i], p[i + 1]) { cell in
            if touching[cell].last != Int32(partIndex) { touching[cell].append(Int32(partIndex)) }
          }
        }
      }
    }

    let containingCentre = PolygonIndex.partsContainingCentres(parts: parts, grid: grid)
    var cells = Array(repeating: Int32(-1), count: grid.cellCount)
    var candidateStart: [Int32] = []
    var candidates: [Int32] = []
    for cell in 0..<grid.cellCount {
      let containing = containingCentre[cell]
      if touching[cell].isEmpty {
        guard let first = containing.first else { continue }
        let only = parts[first].area
        if containing.allSatisfy({ parts[$0].area == only }) {
          cells[cell] = only
          continue
        }
      }
      // A boundary cell (or one inside overlapping areas): keep every candidate part, in area order.
      var list = Array(Set(touching[cell].map { Int($0) } + containing))
      list.sort { (parts[$0].area, $0) < (parts[$1].area, $1) }
      cells[cell] = -2 - Int32(candidateStart.count)
      candidateStart.append(Int32(candidates.count))
      candidates += list.map { Int32($0) }
    }
    candidateStart.append(Int32(candidates.count))
    self.cells = cells
    self.candidateStart = candidateStart
    self.candidates = candidates
  }

  /// For every cell, the parts containing its centre (ascending), as `IndexedPart.contains`
  /// answers, by one sweep per row of cell centres: each edge is put in the rows whose centre's
  /// y it spans (the half-open rule, `lo.y <= y < hi.y`), and a row's crossings, sorted by x, are
  /// walked from east to west, toggling their part. The crossing x is computed as in `contains`,
  /// so the answers agree bit for bit, in O(E + crossings · log) instead of O(cells · edges).
  private static func partsContainingCentres(parts: [IndexedPart], grid: BucketGrid) -> [[Int]] {
    var result = Array(repeating: [Int](), count: grid.cellCount)
    guard grid.cellCount > 0 else { return result }
    let rowY = (0..<grid.rows).map { grid.centre(of: $0 * grid.columns).y }
    let columnX = (0..<grid.columns).map { grid.centre(of: $0).x }
    var crossings = Array(repeating: [(x: Double, part: Int)](), count: grid.rows)
    for (partIndex, part) in parts.enumerated() {
      for ring in part.polygon.rings {
        let p = ring.points
        for i in 0..<(p.count - 1) where p[i].y != p[i + 1].y {
          let (lo, hi) = p[i].y < p[i + 1].y ? (p[i], p[i + 1]) : (p[i + 1], p[i])
          // The rows whose centre lies in [lo.y, hi.y): located by bisection on `rowY`.
          var low = 0
          var high = rowY.count
          while low < high {
            let middle = (low + high) / 2
            if rowY[middle] < lo.y { low = middle + 1 } else { high = middle }
          }
          var first = low
          while first < rowY.count && rowY[first] < hi.y {
            let y = rowY[first]
            crossings[first].append((lo.x + (y - lo.y) * (hi.x - lo.x) / (hi.y - lo.y), partIndex))
            first += 1
          }
        }
      }
    }
    var odd = Array(repeating: false, count: parts.count)
    for row in 0..<grid.rows where !crossings[row].isEmpty {
      let sorted = crossings[row].sorted { $0.x > $1.x }
      var next = 0
      var inside = Set<Int>()
      for column in stride(from: grid.columns - 1, through: 0, by: -1) {
        // `contains` counts the crossings east of the point: `point.x < crossX`.
        while next < sorted.count && columnX[column] < sorted[next].x {
          let part = sorted[next].part
          odd[part].toggle()
          if odd[part] { inside.insert(part) } else { inside.remove(part) }
          next += 1
        }
        if !inside.isEmpty { result[row * grid.columns + column] = inside.sorted() }
      }
      for part in inside { odd[part] = false }
    }
    return result
  }

  /// The number of areas the index was built over.
  public var count: Int { areaCount }

  /// The lowest-numbered area containing `point` under the half-open rule, or nil for none.
  @inlinable
  public func firstContaining(_ point: Point) -> Int? {
    var found: Int?
    visitContaining(point) { area in
      found = area
      return false
    }
    return found
  }

  /// Every area containing `point`, ascending (more than one only where areas overlap).
  public func allContaining(_ point: Point) -> [Int] {
    var found: [Int] = []
    visitContaining(point) { area in
      if found.last != area { found.append(area) }
      return true
    }
    return found
  }

  /// Calls `body` with each area containing the point, ascending, until it returns false.
  public func visitContaining(_ point: Point, _ body: (Int) -> Bool) {
    guard let cell = grid.cell(of: point) else { return }
    let value = cells[cell]
    if value >= 0 {
      _ = body(Int(value))
      return
    }
    if value == -1 { return }
    let group = Int(-2 - value)
    let start = Int(candidateStart[group])
    let end = Int(candidateStart[group + 1])
    for k in start..<end {
      let part = parts[Int(candidates[k])]
      if part.contains(point) && !body(Int(part.area)) { return }
    }
  }
}

/// One polygon (a part of an area) with its edges bucketed into horizontal bands.
struct IndexedPart: Sendable {
  let polygon: Polygon
  let area: Int32
  let box: BoundingBox
  /// Edge endpoints, two points per edge, grouped by band: band b's edges are
  /// `edges[bandStart[b] ..< bandStart[b + 1]]` (pairs).
  private let edges: [Point]
  private let bandStart: [Int32]
  private let bandHeight: Double

  var edgeCount: Int { polygon.rings.reduce(0) { $0 + $1.points.count - 1 } }

  init(polygon: Polygon, area: Int32) {
    self.polygon = polygon
    self.area = area
    box = polygon.boundingBox
    var all: [(Point, Point)] = []
    for ring in polygon.rings {
      let p = ring.points
      for i in 0..<(p.count - 1) where p[i].y != p[i + 1].y { all.append((p[i], p[i + 1])) }
    }
    // About 4 edges per band on average, at most 4096 bands.
    let bandCount = max(1, min(4096, all.count / 4))
    let height = box.height > 0 ? box.height / Double(bandCount) : 1
    bandHeight = height
    var buckets = Array(repeating: [(Point, Point)](), count: bandCount)
    for (a, b) in all {
      let low = Swift.min(a.y, b.y)
      let high = Swift.max(a.y, b.y)
      let first = Swift.max(0, Swift.min(bandCount - 1, Int((low - box.minY) / height)))
      let last = Swift.max(0, Swift.min(bandCount - 1, Int((high - box.minY) / height)))
      for band in first...last { buckets[band].append((a, b)) }
    }
    var edges: [Point] = []
    var bandStart: [Int32] = []
    for bucket in buckets {
      bandStart.append(Int32(edges.count / 2))
      for (a, b) in bucket {
        edges.append(a)
        edges.append(b)
      }
    }
    bandStart.append(Int32(edges.count / 2))
    self.edges = edges
    self.bandStart = bandStart
  }

  /// The half-open crossing test over the edges of the band holding `point.y`: the same answer
  /// as `Polygon.containsByHalfOpenRule`, since only edges spanning `point.y` can count and every
  /// such edge was put in each band its y-range touches.
  @inlinable
  func contains(_ point: Point) -> Bool {
    guard point.y >= box.minY, point.y <= box.maxY, point.x <= box.maxX, point.x >= box.minX
    else { return false }
    let bandCount = bandStart.count - 1
    let band = Swift.max(0, Swift.min(bandCount - 1, Int((point.y - box.minY) / bandHeight)))
    var odd = false
    edges.withUnsafeBufferPointer { e in
      for k in Int(bandStart[band])..<Int(bandStart[band + 1]) {
        let a = e[2 * k]
        let b = e[2 * k + 1]
        if (a.y > point.y) != (b.y > point.y) {
          let (lo, hi) = a.y < b.y ? (a, b) : (b, a)
          let crossX = lo.x + (point.y - lo.y) * (hi.x - lo.x) / (hi.y - lo.y)
          if point.x < crossX { odd.toggle() }
        }
      }
    }
    return odd
  }
}

/// A uniform grid of square-ish buckets over a box, for the polygon index only (not the cells an
/// analysis works on: those are `CellLayout`).
struct BucketGrid: Sendable {
  let box: BoundingBox
  let columns: Int
  let rows: Int
  let cellWidth: Double
  let cellHeight: Double
  /// Cells per unit of x and of y: a point's column and row take a multiplication, not a division.
  private let columnsPerUnit: Double
  private let rowsPerUnit: Double

  init(box: BoundingBox, targetCells: Int) {
    let width = Swift.max(box.width, 1e-9)
    let height = Swift.max(box.height, 1e-9)
    let side = (width * height / Double(Swift.min(targetCells, 2048 * 2048))).squareRoot()
    columns = Swift.max(1, Swift.min(2048, Int((width / side).rounded(.up))))
    rows = Swift.max(1, Swift.min(2048, Int((height / side).rounded(.up))))
    cellWidth = width / Double(columns)
    cellHeight = height / Double(rows)
    columnsPerUnit = Double(columns) / width
    rowsPerUnit = Double(rows) / height
    self.box = box
  }

  /// The column of `x` (clamped to the grid). Monotonic in `x`, as `row(of:)` is in `y`.
  @inline(__always)
  func column(of x: Double) -> Int { Swift.max(0, Swift.min(columns - 1, Int((x - box.minX) * columnsPerUnit))) }

  @inline(__always)
  func row(of y: Double) -> Int { Swift.max(0, Swift.min(rows - 1, Int((y - box.minY) * rowsPerUnit))) }

  var cellCount: Int { box.isEmpty ? 0 : columns * rows }

  /// The cell holding `point`, or nil outside the box. Points on the box's east or north edge
  /// belong to the last column or row.
  @inlinable
  func cell(of point: Point) -> Int? {
    guard !box.isEmpty, box.contains(point) else { return nil }
    return row(of: point.y) * columns + column(of: point.x)
  }

  func centre(of cell: Int) -> Point {
    Point(
      x: box.minX + (Double(cell % columns) + 0.5) * cellWidth,
      y: box.minY + (Double(cell / columns) + 0.5) * cellHeight)
  }

  /// Calls `body` for every cell in the range of cells that the segment's bounding box maps to.
  ///
  /// `cell(of:)` maps x and y through the same monotonic floating-point steps, so any point on the
  /// segment maps to a cell in this range: a cell never visited here holds no point of the segment.
  func forEachCell(touchedBy a: Point, _ b: Point, _ body: (Int) -> Void) {
    let i0 = column(of: Swift.min(a.x, b.x))
    let i1 = column(of: Swift.max(a.x, b.x))
    let j0 = row(of: Swift.min(a.y, b.y))
    let j1 = row(of: Swift.max(a.y, b.y))
    guard i0 <= i1, j0 <= j1 else { return }
    for j in j0...j1 {
      for i in i0...i1 { body(j * columns + i) }
    }
  }
}
