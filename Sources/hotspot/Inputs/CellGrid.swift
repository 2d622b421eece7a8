import GeoCore
import SpatialAnalysis

/// The cells of `--cell`, `--hex`, `--extent` and `--areas`, as `gistar` and `patrol` choose
/// them (METHODS.md, "Grids"; `CellLayout`): the grid over the extent exactly as given, else over
/// the areas' bounding box, else the incidents', snapped outward; with areas, the cells whose
/// centre lies inside them.
enum CellGrid {
  /// The cell layout, refused (before it is built) when the grid would exceed
  /// `DensityCommand.maximumCells` slots, and when fewer than `minimumCells` cells are analysed.
  /// - Parameters: x, y: incident positions in the working CRS (their box is the fallback extent).
  static func layout(
    cell: Double, hex: Bool, extent: BoundingBox?, areas: AreaLayer?, x: [Double], y: [Double], minimumCells: Int
  ) throws(UsageError) -> CellLayout {
    let areaBox = areas.map { $0.geometries.reduce(BoundingBox.empty) { $0.union($1.boundingBox) } }
    let pointBox = BoundingBox(points: zip(x, y).map { Point(x: $0, y: $1) })
    // The size of the grid, checked in floating point before it is built: a tiny --cell would
    // overflow Int, or give billions of cells to walk before the limit below is reached.
    let span = extent ?? areaBox ?? pointBox
    let estimate = ((span.width / cell).rounded(.up) + 1) * ((span.height / cell).rounded(.up) + 1)
    guard span.isEmpty || (estimate.isFinite && estimate <= 2 * Double(DensityCommand.maximumCells)) else {
      throw UsageError(
        "'--cell \(NumberText.shortest(cell))m' gives a grid of more than \(DensityCommand.maximumCells) cells; choose a larger cell size.")
    }
    let index = areas.map { PolygonIndex(areas: $0.geometries) }
    let layout = CellLayout(
      cellSize: cell, hexagons: hex, extent: extent, areaBounds: areaBox, pointBounds: pointBox,
      inside: index.map { index in { index.firstContaining($0) != nil } })
    guard layout.count >= minimumCells, layout.slotCount <= DensityCommand.maximumCells else {
      throw UsageError(
        "The grid has \(layout.count) cells to analyse (of \(layout.slotCount)); choose a cell size giving \(minimumCells) to \(DensityCommand.maximumCells).")
    }
    return layout
  }

  /// How the cells are shaped, in words for provenance.
  static let hexagonShape =
    "pointy-top hexagons, cell size = distance between neighbouring centres (sf::st_make_grid), first centre at the grid's south-west corner"
}
