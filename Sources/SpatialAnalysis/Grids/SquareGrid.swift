import GeoCore

/// Square cells over an extent, as METHODS.md ("Grids") fixes them.
///
/// ## Properties
/// - Columns run from the west edge, rows from the south edge; cell (i, j) has its centre at
///   (minX + (i + ½)c, minY + (j + ½)c). Cell index = j · columns + i.
/// - A point belongs to cell (⌊(x − minX)/c⌋, ⌊(y − minY)/c⌋): a point on a cell line goes to the
///   cell east or north of it; a point on the extent's east or north edge, or beyond, is outside.
/// - An automatic extent is snapped outward to multiples of c; an explicit one is used as given
///   (its columns and rows are ⌈width/c⌉ and ⌈height/c⌉, so the last cells may reach past it).
public struct SquareGrid: Hashable, Sendable {
  /// The west edge, in CRS units (metres).
  public let minX: Double
  /// The south edge, in CRS units (metres).
  public let minY: Double
  /// The side of a cell, in CRS units (metres); > 0.
  public let cellSize: Double
  /// Cells per row, west to east.
  public let columns: Int
  /// Rows, south to north.
  public let rows: Int

  /// A grid of `columns × rows` cells of `cellSize` from (minX, minY).
  public init(minX: Double, minY: Double, cellSize: Double, columns: Int, rows: Int) {
    precondition(cellSize > 0 && columns >= 0 && rows >= 0)
    self.minX = minX
    self.minY = minY
    self.cellSize = cellSize
    self.columns = columns
    self.rows = rows
  }

  /// The grid over `extent` exactly as given.
  public init(extent: BoundingBox, cellSize: Double) {
    self.init(
      minX: extent.minX, minY: extent.minY, cellSize: cellSize,
      columns: Swift.max(1, Int((extent.width / cellSize).rounded(.up))),
      rows: Swift.max(1, Int((extent.height / cellSize).rounded(.up))))
  }

  /// The grid over `box` snapped outward to multiples of `cellSize`
  /// (minX = ⌊minX/c⌋·c, maxX = ⌈maxX/c⌉·c, likewise for y).
  public init(snapping box: BoundingBox, cellSize: Double) {
    let minX = (box.minX / cellSize).rounded(.down) * cellSize
    let minY = (box.minY / cellSize).rounded(.down) * cellSize
    let maxX = (box.maxX / cellSize).rounded(.up) * cellSize
    let maxY = (box.maxY / cellSize).rounded(.up) * cellSize
    self.init(
      minX: minX, minY: minY, cellSize: cellSize,
      columns: Swift.max(1, Int(((maxX - minX) / cellSize).rounded())),
      rows: Swift.max(1, Int(((maxY - minY) / cellSize).rounded())))
  }

  /// `columns × rows`.
  public var cellCount: Int { columns * rows }
  /// The east edge of the cells, `minX + columns · cellSize` (may lie past an explicit extent).
  public var maxX: Double { minX + Double(columns) * cellSize }
  /// The north edge of the cells, `minY + rows · cellSize` (may lie past an explicit extent).
  public var maxY: Double { minY + Double(rows) * cellSize }
  /// The box the cells cover, (minX, minY)–(maxX, maxY).
  public var extent: BoundingBox { BoundingBox(minX: minX, minY: minY, maxX: maxX, maxY: maxY) }
  /// Area of one cell, in squared CRS units.
  public var cellArea: Double { cellSize * cellSize }

  /// The centre of cell (column, row).
  @inlinable
  public func centre(column: Int, row: Int) -> Point {
    Point(x: minX + (Double(column) + 0.5) * cellSize, y: minY + (Double(row) + 0.5) * cellSize)
  }

  /// The centre of the cell with index `cell` (row · columns + column).
  public func centre(of cell: Int) -> Point { centre(column: cell % columns, row: cell / columns) }

  /// The cell holding `point`, or nil outside the grid (east and north edges are outside).
  @inlinable
  public func cell(of point: Point) -> Int? {
    let fx = ((point.x - minX) / cellSize).rounded(.down)
    let fy = ((point.y - minY) / cellSize).rounded(.down)
    guard fx >= 0, fy >= 0, fx < Double(columns), fy < Double(rows) else { return nil }
    return Int(fy) * columns + Int(fx)
  }

  /// The square of cell `cell` as a closed counter-clockwise ring.
  public func square(of cell: Int) -> Ring {
    let x0 = minX + Double(cell % columns) * cellSize
    let y0 = minY + Double(cell / columns) * cellSize
    let x1 = x0 + cellSize
    let y1 = y0 + cellSize
    return Ring(uncheckedClosed: [
      Point(x: x0, y: y0), Point(x: x1, y: y0), Point(x: x1, y: y1), Point(x: x0, y: y1), Point(x: x0, y: y0),
    ])
  }
}
