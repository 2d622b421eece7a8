import GeoCore

/// Pointy-top hexagonal cells over an extent, as METHODS.md ("Grids", hexagons) fixes them.
///
/// The cell size c is the distance between the centres of neighbouring cells (R's
/// `sf::st_make_grid(square = FALSE, flat_topped = FALSE)`: the distance between opposite edges).
/// Rows are c·√3/2 apart; odd rows are shifted east by c/2; the first centre (column 0, row 0)
/// is the extent's south-west corner.
///
/// - Parameters: `cellSize` c in metres of the working CRS (> 0).
/// - Complexity: `cell(of:)` is O(1) (at most four candidate centres); building is O(1).
///
/// ## Properties
/// - Cell (column i, row j) has its centre at (minX + (i + ½·(j mod 2))·c, minY + j·c·√3/2);
///   cell index = j · columns + i.
/// - The grid holds the cells that reach into the extent: rows with j·c·√3/2 − R < height and
///   columns with centre x − c/2 < maxX (R = c/√3, the circumradius), so every point of the
///   extent lies in one of its cells; an odd row may have one cell fewer than an even row.
/// - A point belongs to the cell with the nearest centre (the hexagon holding it). A point at
///   the same distance from two or three centres (on a hexagon edge or corner; squared
///   distances within 1e-12 relative count as equal) goes to the highest cell index among them: the cell north of it, or east of it in the same row, as for
///   square cells.
/// - Hexagon area = c²·√3/2; its 6 neighbours are the cells at distance exactly c.
///
/// ## Parity
/// `sf::st_make_grid(square = FALSE)` spacing and orientation; centres here start at the corner.
///
/// ## Example
/// ```swift
/// let grid = HexGrid(extent: BoundingBox(minX: 0, minY: 0, maxX: 1000, maxY: 1000), cellSize: 100)
/// grid.centre(column: 0, row: 1)  // (50, 86.60…)
/// grid.cell(of: Point(x: 49, y: 80))  // the cell of (50, 86.6): index 1 · columns + 0
/// ```
public struct HexGrid: Hashable, Sendable {
  /// The west edge of the extent, metres: the x of column 0's centres in even rows.
  public let minX: Double
  /// The south edge of the extent, metres: the y of row 0's centres.
  public let minY: Double
  /// The extent the grid covers (its cells reach a little beyond it).
  public let maxX: Double
  /// The north edge of the extent the grid covers (its cells reach a little beyond it).
  public let maxY: Double
  /// c, the distance between neighbouring centres (= between opposite edges), metres; > 0.
  public let cellSize: Double
  /// Slots per row; an odd row's last slot may not be a cell (`isCell`).
  public let columns: Int
  /// Rows, south to north, `rowSpacing` apart.
  public let rows: Int

  /// Distance between rows, c·√3/2.
  public var rowSpacing: Double { cellSize * 3.0.squareRoot() / 2 }
  /// Centre-to-corner distance, c/√3.
  public var circumradius: Double { cellSize / 3.0.squareRoot() }
  /// Area of one hexagon, c²·√3/2, in squared CRS units.
  public var cellArea: Double { cellSize * cellSize * 3.0.squareRoot() / 2 }
  /// The extent the grid was made for (not the cells' full reach).
  public var extent: BoundingBox { BoundingBox(minX: minX, minY: minY, maxX: maxX, maxY: maxY) }
  /// The number of (column, row) slots; `isCell` says which hold a cell.
  public var slotCount: Int { columns * rows }

  /// The hexagons over `extent` exactly as given, the first centre at its south-west corner.
  public init(extent: BoundingBox, cellSize: Double) {
    precondition(cellSize > 0)
    minX = extent.minX
    minY = extent.minY
    maxX = Swift.max(extent.maxX, extent.minX)
    maxY = Swift.max(extent.maxY, extent.minY)
    self.cellSize = cellSize
    let width = maxX - minX
    let height = maxY - minY
    let spacing = cellSize * 3.0.squareRoot() / 2
    // Columns i with i·c − c/2 < width; rows j with j·spacing − R < height.
    columns = Swift.max(1, Int((width / cellSize + 0.5).rounded(.up)))
    rows = Swift.max(1, Int(((height + cellSize / 3.0.squareRoot()) / spacing).rounded(.up)))
  }

  /// The hexagons over `box` snapped outward to multiples of `cellSize` (as an automatic square
  /// grid's extent), the first centre at the snapped south-west corner.
  public init(snapping box: BoundingBox, cellSize: Double) {
    let snapped = BoundingBox(
      minX: (box.minX / cellSize).rounded(.down) * cellSize, minY: (box.minY / cellSize).rounded(.down) * cellSize,
      maxX: (box.maxX / cellSize).rounded(.up) * cellSize, maxY: (box.maxY / cellSize).rounded(.up) * cellSize)
    self.init(extent: snapped, cellSize: cellSize)
  }

  /// The centre of cell (column, row).
  @inlinable
  public func centre(column: Int, row: Int) -> Point {
    let shift = row & 1 == 0 ? 0.0 : 0.5
    return Point(x: minX + (Double(column) + shift) * cellSize, y: minY + Double(row) * rowSpacing)
  }

  /// The centre of the slot with index `cell` (row · columns + column).
  public func centre(of cell: Int) -> Point { centre(column: cell % columns, row: cell / columns) }

  /// True when slot (column, row) is a cell of the grid (its hexagon reaches into the extent).
  public func isCell(column: Int, row: Int) -> Bool {
    guard column >= 0, row >= 0, column < columns, row < rows else { return false }
    return centre(column: column, row: row).x - cellSize / 2 < maxX || column == 0
  }

  /// Every cell of the grid, ascending index.
  public var cells: [Int] {
    (0..<slotCount).filter { isCell(column: $0 % columns, row: $0 / columns) }
  }

  /// The cell holding `point` (nearest centre; ties to the highest index), or nil when that
  /// hexagon is not a cell of the grid.
  public func cell(of point: Point) -> Int? {
    guard point.x.isFinite, point.y.isFinite else { return nil }
    let spacing = rowSpacing
    let fy = ((point.y - minY) / spacing).rounded(.down)
    // Only rows ⌊·⌋ and ⌊·⌋ + 1 can hold the point: a hexagon reaches 2/3 of a row spacing.
    guard fy >= -1, fy < Double(rows) else { return nil }
    let row0 = Int(fy)
    var best: (d2: Double, column: Int, row: Int)?
    for row in row0...(row0 + 1) {
      let shift = row & 1 == 0 ? 0.0 : 0.5
      let fx = ((point.x - minX) / cellSize - shift).rounded(.down)
      guard fx >= -2, fx < Double(columns + 1) else { continue }
      let column0 = Int(fx)
      for column in column0...(column0 + 1) {
        let c = centre(column: column, row: row)
        let dx = point.x - c.x
        let dy = point.y - c.y
        let d2 = dx * dx + dy * dy
        // Candidates come in ascending index (row-major): a tie goes to the later one. Squared
        // distances within 1e-12 relative count as tied, so that rounding in the centres cannot
        // split an edge or corner point.
        if best.map({ d2 <= $0.d2 * (1 + 1e-12) }) ?? true { best = (d2, column, row) }
      }
    }
    guard let best, isCell(column: best.column, row: best.row) else { return nil }
    return best.row * columns + best.column
  }

  /// The hexagon of `cell` as a closed counter-clockwise ring, starting at its south corner.
  public func hexagon(of cell: Int) -> Ring {
    let c = centre(of: cell)
    let half = cellSize / 2
    let r = circumradius
    return Ring(uncheckedClosed: [
      Point(x: c.x, y: c.y - r), Point(x: c.x + half, y: c.y - r / 2), Point(x: c.x + half, y: c.y + r / 2),
      Point(x: c.x, y: c.y + r), Point(x: c.x - half, y: c.y + r / 2), Point(x: c.x - half, y: c.y - r / 2),
      Point(x: c.x, y: c.y - r),
    ])
  }

  /// The (column, row) steps to every cell whose centre lies within `limit` of a cell in a row of
  /// parity `parity` (0 even, 1 odd), itself excluded. Distances are exact: in units of c, a step's
  /// squared distance is Δx² + ¾Δrow² with Δx a multiple of ½.
  func steps(within limit: Double, parity: Int) -> [(dc: Int, dr: Int)] {
    // A relative allowance so that a band of exactly k·c includes the cells at k·c.
    let reach = limit / cellSize * (1 + 1e-9)
    let reach2 = reach * reach
    let maxRows = Int((reach / (3.0.squareRoot() / 2)).rounded(.down))
    let maxColumns = Int(reach.rounded(.down)) + 1
    var steps: [(dc: Int, dr: Int)] = []
    for dr in -maxRows...maxRows {
      let targetParity = (parity + dr) & 1
      let shift = 0.5 * Double(targetParity - parity)
      for dc in -maxColumns...maxColumns where !(dc == 0 && dr == 0) {
        let dx = Double(dc) + shift
        if dx * dx + 0.75 * Double(dr * dr) <= reach2 { steps.append((dc, dr)) }
      }
    }
    return steps
  }
}
