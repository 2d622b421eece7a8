import GeoCore

/// The cells an analysis works on: a square or hexagonal grid and which of its cells are analysed,
/// as METHODS.md ("Grids") fixes them for Gi* on cells, patrol cells and backtests.
///
/// - The grid is over `extent` exactly as given; without one, over the study areas' bounding box
///   (else the incidents', grown by half a cell) snapped outward to whole cells.
/// - With study areas, the cells analysed are those whose centre lies inside an area (the
///   half-open rule of `PolygonIndex`); with an extent alone, every cell of the grid; with
///   neither, the cells that touch the incidents' convex hull buffered by half a cell (as
///   sfhotspot's `hotspot_grid` keeps them), so the empty corners of the incidents' bounding box
///   do not lower the mean every statistic compares with. Empty cells are analysed.
/// - Analysed cells are numbered 0..<count in grid order (rows from the south, west to east), so
///   results do not depend on the order of the incidents.
///
/// Coordinates are in metres of the working CRS.
public struct CellLayout: Sendable {
  /// The grid's shape, with the grid.
  public enum Shape: Sendable {
    case square(SquareGrid)
    case hexagon(HexGrid)
  }

  /// How the grid's extent was fixed and which cells are analysed, in words for provenance.
  public enum Rule: String, Sendable {
    case extent = "every cell of the --extent grid, empty ones included"
    case extentInAreas = "cells of the --extent grid whose centre lies inside the areas, empty ones included"
    case areas = "cells whose centre lies inside the areas, empty ones included"
    case incidents = "every cell of the incidents' extent snapped outward to whole cells"
    case hull = "cells touching the incidents' convex hull buffered by half a cell (as sfhotspot), empty ones included"
  }

  /// The grid the cells come from.
  public let shape: Shape
  /// The grid slot of each analysed cell, ascending.
  public let slots: [Int]
  /// How the extent was fixed and which cells are analysed.
  public let rule: Rule
  /// Analysed position of each slot, −1 when the slot is not analysed.
  private let position: [Int32]

  /// Cells of `cellSize` (> 0) over `extent`, else `areaBounds`, else `pointBounds`; analysed
  /// where `inside` says a centre is (all cells when nil). With `hull` and neither `extent` nor
  /// `inside`, the grid is over `pointBounds` grown by half a cell, and the cells analysed are
  /// those within half a cell of the hull.
  ///
  /// - Complexity: O(slots) calls of `inside`, or O(slots × hull vertices).
  public init(
    cellSize: Double, hexagons: Bool, extent: BoundingBox?, areaBounds: BoundingBox?, pointBounds: BoundingBox,
    inside: ((Point) -> Bool)?, hull: ConvexHull? = nil
  ) {
    let hull = extent == nil && inside == nil ? hull.flatMap { $0.vertices.isEmpty ? nil : $0 } : nil
    let half = cellSize / 2
    let pointBounds =
      hull == nil
      ? pointBounds
      : BoundingBox(
        minX: pointBounds.minX - half, minY: pointBounds.minY - half, maxX: pointBounds.maxX + half,
        maxY: pointBounds.maxY + half)
    let ring: (Int) -> Ring
    let slotCount: Int
    let allSlots: [Int]
    let centre: (Int) -> Point
    if hexagons {
      let grid =
        extent.map { HexGrid(extent: $0, cellSize: cellSize) }
        ?? HexGrid(snapping: areaBounds ?? pointBounds, cellSize: cellSize)
      shape = .hexagon(grid)
      slotCount = grid.slotCount
      allSlots = grid.cells
      centre = grid.centre(of:)
      ring = grid.hexagon(of:)
    } else {
      let grid =
        extent.map { SquareGrid(extent: $0, cellSize: cellSize) }
        ?? SquareGrid(snapping: areaBounds ?? pointBounds, cellSize: cellSize)
      shape = .square(grid)
      slotCount = grid.cellCount
      allSlots = Array(0..<grid.cellCount)
      centre = grid.centre(of:)
      ring = grid.square(of:)
    }
    if let hull {
      // A cell touches the hull grown by r = c/2 when its outline lies within r of the hull: sure
      // when its centre does, impossible when its centre is farther than r plus the distance from
      // its centre to its corners (c/√2 for squares, c/√3 for hexagons; c covers both).
      slots = allSlots.filter { slot in
        let d = hull.distance(to: centre(slot))
        if d <= half { return true }
        if d > half + cellSize { return false }
        return hull.distance(toConvex: ring(slot).points) <= half
      }
      rule = .hull
    } else if let inside {
      slots = allSlots.filter { inside(centre($0)) }
      rule = extent == nil ? .areas : .extentInAreas
    } else {
      slots = allSlots
      rule = extent == nil ? .incidents : .extent
    }
    var position = [Int32](repeating: -1, count: slotCount)
    for (k, slot) in slots.enumerated() { position[slot] = Int32(k) }
    self.position = position
  }

  /// The number of cells analysed.
  public var count: Int { slots.count }
  /// The number of grid slots (analysed or not).
  public var slotCount: Int { position.count }

  /// c in metres: a square's side, or the distance between neighbouring hexagon centres.
  public var cellSize: Double {
    switch shape {
    case .square(let grid): grid.cellSize
    case .hexagon(let grid): grid.cellSize
    }
  }

  /// Area of one cell in square metres.
  public var cellArea: Double {
    switch shape {
    case .square(let grid): grid.cellArea
    case .hexagon(let grid): grid.cellArea
    }
  }

  /// The grid's extent.
  public var extent: BoundingBox {
    switch shape {
    case .square(let grid): grid.extent
    case .hexagon(let grid): grid.extent
    }
  }

  /// The centre of analysed cell `k`.
  public func centre(of k: Int) -> Point {
    switch shape {
    case .square(let grid): grid.centre(of: slots[k])
    case .hexagon(let grid): grid.centre(of: slots[k])
    }
  }

  /// The outline of analysed cell `k`, a closed counter-clockwise ring.
  public func ring(of k: Int) -> Ring {
    switch shape {
    case .square(let grid): grid.square(of: slots[k])
    case .hexagon(let grid): grid.hexagon(of: slots[k])
    }
  }

  /// The analysed cell holding `point`, or nil when it lies outside every analysed cell.
  public func cell(of point: Point) -> Int? {
    let slot: Int?
    switch shape {
    case .square(let grid): slot = grid.cell(of: point)
    case .hexagon(let grid): slot = grid.cell(of: point)
    }
    guard let slot, position[slot] >= 0 else { return nil }
    return Int(position[slot])
  }

  /// Incidents per analysed cell (each weighted by `weights[k]` when given) and the number of
  /// incidents outside every analysed cell.
  ///
  /// - Complexity: O(points).
  public func tally(x: [Double], y: [Double], weights: [Double]? = nil) -> (counts: [Double], outside: Int) {
    var counts = [Double](repeating: 0, count: count)
    let outside = tally(x: x, y: y, weights: weights, into: &counts)
    return (counts, outside)
  }

  /// Adds incidents to `counts` (one per analysed cell), as `tally(x:y:weights:)` counts them, and
  /// returns how many lie outside every analysed cell: for incidents that come in chunks.
  public func tally(x: [Double], y: [Double], weights: [Double]? = nil, into counts: inout [Double]) -> Int {
    precondition(x.count == y.count && (weights == nil || weights!.count == x.count) && counts.count == count)
    var outside = 0
    for k in x.indices {
      if let c = cell(of: Point(x: x[k], y: y[k])) {
        counts[c] += weights?[k] ?? 1
      } else {
        outside += 1
      }
    }
    return outside
  }
}
