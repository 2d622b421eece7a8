import GeoCore

/// The values a density run needs and does not get from the user: bandwidth, cell size, extent,
/// study-area mask, each with the rule that chose it, so that commands can print them and write
/// them into provenance.
///
/// ## Rules
/// - Bandwidth: ArcGIS's rule (`Bandwidth.arcGIS`).
/// - Cell size: a 250th of the extent's shorter side (ArcGIS's default), rounded to the nearest
///   1, 2, 2.5 or 5 × 10ᵏ metres.
/// - Extent: the study area's bounding box when areas are given, else the incidents' plus one
///   bandwidth on every side; snapped outward to whole cells. An explicit extent is used as given.
/// - Cells whose centre lies in no area are outside the study area (no data).
/// - A grid of more than `maximumCells` cells is refused with a cell size that would fit.
public struct DensityPlan: Sendable {
  /// h in CRS units (metres): as given, or by ArcGIS's rule.
  public var bandwidth: Double
  /// How `bandwidth` was chosen, in words: `given`, or the ArcGIS rule's formula.
  public var bandwidthRule: String
  /// The grid the density is evaluated on: the chosen cell size over the chosen extent.
  public var grid: SquareGrid
  /// How the cell size was chosen, in words: `given`, or the 250th-of-the-shorter-side rule.
  public var cellRule: String
  /// How the extent was chosen, in words: `given`, the study area's box or the incidents' box.
  public var extentRule: String
  /// Per cell, whether its centre lies in the study area; nil without areas.
  public var inside: [Bool]?
  /// Warnings for the user, each a sentence (a bandwidth smaller than a cell).
  public var warnings: [String] = []

  /// Why no plan could be made.
  public enum PlanError: Error, Equatable, CustomStringConvertible {
    case tooManyCells(cells: Int, limit: Int, suggestedCell: Double)
    case noSpread

    /// The problem and what to do about it, naming `--cell`, `--extent` or `--bandwidth`.
    public var description: String {
      switch self {
      case .tooManyCells(let cells, let limit, let suggested):
        "the grid would have \(cells) cells, more than the limit of \(limit); use --cell \(NumberText.shortest(suggested))m or larger, or a smaller --extent"
      case .noSpread:
        "the incidents lie at fewer than two distinct places, so no bandwidth can be estimated; give --bandwidth"
      }
    }
  }

  /// The plan for incidents at (`x`, `y`) (metres), with any of bandwidth, cell size and extent given
  /// and the others chosen by the rules above; `areas` set the extent and the `inside` mask.
  /// - Throws: `.noSpread` when the bandwidth must be estimated and cannot; `.tooManyCells` when the
  ///   grid would exceed `maximumCells`.
  public init(
    x: [Double], y: [Double], weights: [Double]?, areas: [Geometry]?, kernel: Kernel, bandwidth: Double?,
    cell: Double?, extent: BoundingBox?, maximumCells: Int
  ) throws(PlanError) {
    if let bandwidth {
      self.bandwidth = bandwidth
      bandwidthRule = "given"
    } else {
      guard let automatic = Bandwidth.arcGIS(x: x, y: y, weights: weights) else { throw .noSpread }
      self.bandwidth = automatic
      bandwidthRule = "ArcGIS rule: 0.9 · min(SD, √(1/ln 2) · Dm) · n^-0.2"
    }
    let reach = self.bandwidth * kernel.supportFactor
    let box: BoundingBox
    if let extent {
      box = extent
      extentRule = "given"
    } else if let areas {
      box = areas.reduce(BoundingBox.empty) { $0.union($1.boundingBox) }
      extentRule = "the study area's bounding box, snapped outward to whole cells"
    } else {
      let points = BoundingBox(x: x, y: y)
      box = BoundingBox(
        minX: points.minX - reach, minY: points.minY - reach, maxX: points.maxX + reach, maxY: points.maxY + reach)
      extentRule = "the incidents' bounding box plus the kernel's reach, snapped outward to whole cells"
    }
    let cellSize: Double
    if let cell {
      cellSize = cell
      cellRule = "given"
    } else {
      cellSize = DensityPlan.niceLength(Swift.min(box.width, box.height) / 250)
      cellRule = "a 250th of the extent's shorter side, rounded to 1, 2, 2.5 or 5 × 10^k"
    }
    let columns = (box.width / cellSize).rounded(.up)
    let rows = (box.height / cellSize).rounded(.up)
    let cells = columns * rows
    guard cells <= Double(maximumCells) else {
      let fitting = (box.width * box.height / Double(maximumCells)).squareRoot()
      throw .tooManyCells(
        cells: cells < Double(Int.max) ? Int(cells) : Int.max, limit: maximumCells,
        suggestedCell: DensityPlan.niceLength(fitting, roundingUp: true))
    }
    grid = extent != nil ? SquareGrid(extent: box, cellSize: cellSize) : SquareGrid(snapping: box, cellSize: cellSize)
    if self.bandwidth < cellSize {
      warnings.append(
        "the bandwidth (\(NumberText.fixed(self.bandwidth, digits: 1)) m) is smaller than a cell (\(NumberText.shortest(cellSize)) m): the surface will be spotty; use a larger --bandwidth or a smaller --cell"
      )
    }
    if let areas {
      let index = PolygonIndex(areas: areas)
      let grid = self.grid
      inside = (0..<grid.cellCount).map { index.firstContaining(grid.centre(of: $0)) != nil }
    }
  }

  /// The nearest of 1, 2, 2.5 and 5 × 10ᵏ to `length` (or the smallest not below it).
  public static func niceLength(_ length: Double, roundingUp: Bool = false) -> Double {
    guard length > 0, length.isFinite else { return 1 }
    var scale = 1.0
    while scale * 10 <= length { scale *= 10 }
    while scale > length { scale /= 10 }
    let candidates = [1.0, 2, 2.5, 5, 10].map { $0 * scale }
    if roundingUp { return candidates.first { $0 >= length } ?? candidates[candidates.count - 1] }
    return candidates.min { abs($0 - length) < abs($1 - length) } ?? scale
  }
}
