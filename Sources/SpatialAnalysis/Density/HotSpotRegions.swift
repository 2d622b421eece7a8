import GeoCore

/// Turns a density surface into hot-spot regions: the cells chosen by a rule, with touching cells
/// (sharing an edge) dissolved into polygons.
///
/// ## Properties
/// - Cells are chosen among the analysed cells (those with a value; cells outside the study area
///   have none) and never with zero density.
/// - `.top(share)`: the ⌈share · analysed⌉ cells of highest density (ties by cell index);
///   `.threshold(value)`: cells at or above the value; `.volume(share)`: the fewest cells of highest
///   density whose density mass reaches that share of the total.
/// - Regions are 4-connected: cells touching only at a corner form separate regions.
/// - Outlines follow cell edges: exteriors counter-clockwise, holes clockwise, every vertex on the
///   grid, so neighbouring regions never overlap or leave gaps.
public enum HotSpotRegions {
  /// How cells are selected (see above): shares in 0…1, a threshold in incidents per km².
  public enum Rule: Hashable, Sendable {
    case top(share: Double)
    case threshold(Double)
    case volume(share: Double)
  }

  /// One region: selected cells joined by shared edges, with its outline and totals.
  public struct Region: Hashable, Sendable {
    /// Cell indices of the region, ascending.
    public var cells: [Int]
    /// The outline: one polygon per exterior ring, with its holes.
    public var geometry: Geometry
    /// Area in squared CRS units.
    public var area: Double
    /// The highest density in the region (per km²).
    public var peak: Double
    /// Incidents (weights) in the region's cells.
    public var incidents: Double
  }

  /// The cells a rule selects, as a mask.
  public static func select(_ rule: Rule, density: [Double?]) -> [Bool] {
    var selected = [Bool](repeating: false, count: density.count)
    let analysed = density.indices.filter { density[$0] != nil }
    switch rule {
    case .threshold(let value):
      for i in analysed where (density[i] ?? 0) >= value && (density[i] ?? 0) > 0 { selected[i] = true }
    case .top(let share):
      let ranked = analysed.sorted { (density[$0] ?? 0, -$0) > (density[$1] ?? 0, -$1) }
      let k = Int((share * Double(analysed.count)).rounded(.up))
      for i in ranked.prefix(k) where (density[i] ?? 0) > 0 { selected[i] = true }
    case .volume(let share):
      let ranked = analysed.sorted { (density[$0] ?? 0, -$0) > (density[$1] ?? 0, -$1) }
      let total = analysed.reduce(0) { $0 + (density[$1] ?? 0) }
      var mass = 0.0
      for i in ranked {
        guard mass < share * total, (density[i] ?? 0) > 0 else { break }
        selected[i] = true
        mass += density[i] ?? 0
      }
    }
    return selected
  }

  /// The regions of the selected cells, ordered by peak density (highest first), with the
  /// incidents at (x, y) (weights optional) counted into them.
  public static func regions(
    selected: [Bool], density: [Double?], grid: SquareGrid, x: [Double], y: [Double], weights: [Double]? = nil
  ) -> [Region] {
    var label = [Int](repeating: -1, count: selected.count)
    var components: [[Int]] = []
    for start in selected.indices where selected[start] && label[start] < 0 {
      var stack = [start]
      var cells: [Int] = []
      label[start] = components.count
      while let cell = stack.popLast() {
        cells.append(cell)
        let i = cell % grid.columns
        let j = cell / grid.columns
        for (ni, nj) in [(i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1)]
        where ni >= 0 && nj >= 0 && ni < grid.columns && nj < grid.rows {
          let neighbour = nj * grid.columns + ni
          if selected[neighbour] && label[neighbour] < 0 {
            label[neighbour] = components.count
            stack.append(neighbour)
          }
        }
      }
      components.append(cells.sorted())
    }
    var captured = [Double](repeating: 0, count: components.count)
    for k in x.indices {
      if let cell = grid.cell(of: Point(x: x[k], y: y[k])), label[cell] >= 0 {
        captured[label[cell]] += weights?[k] ?? 1
      }
    }
    let regions = components.enumerated().map { index, cells in
      Region(
        cells: cells, geometry: outline(cells: cells, grid: grid),
        area: Double(cells.count) * grid.cellArea,
        peak: cells.map { density[$0] ?? 0 }.max() ?? 0, incidents: captured[index])
    }
    return regions.sorted { ($0.peak, -($0.cells.first ?? 0)) > ($1.peak, -($1.cells.first ?? 0)) }
  }

  /// The outline of a set of cells, traced along cell edges with the region on the left,
  /// turning left first at corners where two cells touch diagonally.
  public static func outline(cells: [Int], grid: SquareGrid) -> Geometry {
    let member = Set(cells)
    func inRegion(_ i: Int, _ j: Int) -> Bool {
      i >= 0 && j >= 0 && i < grid.columns && j < grid.rows && member.contains(j * grid.columns + i)
    }
    // Directed boundary edges, region on the left, keyed by start vertex.
    var outgoing: [GridVertex: [GridVertex]] = [:]
    var edgeCount = 0
    for cell in cells {
      let i = cell % grid.columns
      let j = cell / grid.columns
      if !inRegion(i, j - 1) { outgoing[GridVertex(i: i, j: j), default: []].append(GridVertex(i: i + 1, j: j)) }
      if !inRegion(i + 1, j) {
        outgoing[GridVertex(i: i + 1, j: j), default: []].append(GridVertex(i: i + 1, j: j + 1))
      }
      if !inRegion(i, j + 1) {
        outgoing[GridVertex(i: i + 1, j: j + 1), default: []].append(GridVertex(i: i, j: j + 1))
      }
      if !inRegion(i - 1, j) { outgoing[GridVertex(i: i, j: j + 1), default: []].append(GridVertex(i: i, j: j)) }
    }
    edgeCount = outgoing.values.reduce(0) { $0 + $1.count }
    var rings: [[GridVertex]] = []
    var used = 0
    while used < edgeCount {
      // Start from the lowest remaining vertex, for a deterministic ring order and start point.
      guard let start = outgoing.filter({ !$0.value.isEmpty }).keys.min(by: { ($0.j, $0.i) < ($1.j, $1.i) }),
        let first = outgoing[start]?.first
      else { break }
      var ring = [start]
      var previous = start
      var current = first
      outgoing[start]?.removeFirst()
      used += 1
      while current != start {
        ring.append(current)
        let heading = (current.i - previous.i, current.j - previous.j)
        let options = outgoing[current] ?? []
        // Prefer a left turn, then straight on, then right.
        let left = (-heading.1, heading.0)
        let right = (heading.1, -heading.0)
        let preferred = [left, heading, right].compactMap { direction in
          options.firstIndex { $0.i - current.i == direction.0 && $0.j - current.j == direction.1 }
        }.first
        guard let choice = preferred else { break }
        let next = options[choice]
        outgoing[current]?.remove(at: choice)
        used += 1
        previous = current
        current = next
      }
      ring.append(start)
      rings.append(simplified(ring))
    }
    func point(_ v: GridVertex) -> Point {
      Point(x: grid.minX + Double(v.i) * grid.cellSize, y: grid.minY + Double(v.j) * grid.cellSize)
    }
    let geometryRings = rings.map { Ring(uncheckedClosed: $0.map(point)) }
    let exteriors = geometryRings.filter(\.isCounterClockwise)
    let holes = geometryRings.filter { !$0.isCounterClockwise }
    var holesOf = [[Ring]](repeating: [], count: exteriors.count)
    for hole in holes {
      let probe = Point(
        x: (hole.points[0].x + hole.points[1].x) / 2, y: (hole.points[0].y + hole.points[1].y) / 2)
      if let owner = exteriors.indices.first(where: { exteriors[$0].crossingParity(probe) }) {
        holesOf[owner].append(hole)
      }
    }
    let polygons = exteriors.indices.map { Polygon(exterior: exteriors[$0], holes: holesOf[$0]) }
    return polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(MultiPolygon(polygons))
  }

  /// The ring without vertices in the middle of straight runs.
  private static func simplified(_ ring: [GridVertex]) -> [GridVertex] {
    guard ring.count > 4 else { return ring }
    var result: [GridVertex] = []
    let open = Array(ring.dropLast())
    for k in open.indices {
      let a = open[(k + open.count - 1) % open.count]
      let b = open[k]
      let c = open[(k + 1) % open.count]
      let collinear = (b.i - a.i) * (c.j - b.j) == (b.j - a.j) * (c.i - b.i)
      if !collinear { result.append(b) }
    }
    result.append(result[0])
    return result
  }
}

/// A corner of the grid's cells, in whole cells from the grid's south-west corner.
struct GridVertex: Hashable {
  var i: Int
  var j: Int
}
