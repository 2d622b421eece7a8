import GeoCore
import SpatialAnalysis

/// The cells a `--cell` run analyses (`gistar`, `moran`, `patrol`, `cover`, `backtest`), built in
/// one place from `--cell`, `--hex`, `--extent` and the study areas, with the same size checks
/// everywhere. `CellLayout` (SpatialAnalysis) is the one idea of "the cells an analysis works on";
/// `SquareGrid` and `HexGrid` are the lattices beneath it.
extension CellLayout {
  /// The most cells a grid may have (a density surface or a grid of cells): 50,000,000.
  public static let maximumCells = 50_000_000

  /// In words, for provenance: the hexagon convention.
  public static let hexagonShape =
    "pointy-top hexagons, cell size = distance between neighbouring centres (sf::st_make_grid), first centre at the grid's south-west corner"

  /// The layout of `cell`-metre cells (hexagons when `hex`) over `extent` exactly, else the
  /// areas' bounding box, else `points` snapped outward; analysed where a centre lies inside an
  /// area; without areas, every cell of `extent`, or (with neither) the cells touching `hull`
  /// (the incidents' convex hull) buffered by half a cell.
  /// - Throws: `RequestError` when the grid would exceed `CellLayout.maximumCells` (checked in
  ///   floating point before anything is built) or has fewer than `minimumCells` to analyse.
  public static func layout(
    cell: Double, hex: Bool, extent: BoundingBox?, areas: [Geometry]?, points: BoundingBox, hull: ConvexHull? = nil,
    minimumCells: Int = 3
  ) throws(RequestError) -> CellLayout {
    // A tiny --cell would overflow Int, or give billions of cells to walk before the limit below
    // is reached.
    let areaBox = areas.map { $0.reduce(BoundingBox.empty) { $0.union($1.boundingBox) } }
    let span = extent ?? areaBox ?? points
    let estimate = ((span.width / cell).rounded(.up) + 1) * ((span.height / cell).rounded(.up) + 1)
    guard span.isEmpty || (estimate.isFinite && estimate <= 2 * Double(CellLayout.maximumCells)) else {
      throw RequestError(
        "'--cell \(NumberText.shortest(cell))m' gives a grid of more than \(CellLayout.maximumCells) cells; choose a larger cell size."
      )
    }
    let index = areas.map { PolygonIndex(areas: $0) }
    let layout = CellLayout(
      cellSize: cell, hexagons: hex, extent: extent, areaBounds: areaBox, pointBounds: points,
      inside: index.map { index in { index.firstContaining($0) != nil } }, hull: hull)
    guard layout.count >= minimumCells, layout.slotCount <= CellLayout.maximumCells else {
      throw RequestError(
        "The grid has \(layout.count) cells to analyse (of \(layout.slotCount)); choose a cell size giving \(minimumCells) to \(CellLayout.maximumCells)."
      )
    }
    return layout
  }
}
