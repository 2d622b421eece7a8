import GeoCore

// MARK: - Hexagonal cells

extension SpatialWeights {
  /// Binary weights between the `cells` of a hexagonal `grid` whose centres lie at most `limit`
  /// apart: with the default band (the cell size) the 6 surrounding cells; 750 m on 250 m
  /// hexagons gives 36. Cells not listed are not analysed.
  /// - Parameters:
  ///   - grid: the hexagonal grid the cells belong to.
  ///   - cells: hexagon indices (row · columns + column) of the features, in feature order.
  ///   - limit: the band in metres; nil = the cell size. A relative allowance of 1e-9 keeps
  ///     cells at exactly the band.
  /// - Complexity: O(cells × cells within the band); lattice steps, no pairwise search.
  public static func hexBand(grid: HexGrid, cells: [Int], limit: Double? = nil) -> SpatialWeights {
    let limit = limit ?? grid.cellSize
    let stepsByParity = [grid.steps(within: limit, parity: 0), grid.steps(within: limit, parity: 1)].map { steps in
      steps.map { (di: $0.dc, dj: $0.dr) }
    }
    return lattice(cells: cells, columns: grid.columns, rows: grid.rows) { stepsByParity[$0 & 1] }
  }
}

// MARK: - Default band for points

extension SpatialWeights {
  /// The smallest distance band giving every point at least one neighbour (ArcGIS's default
  /// for points): the largest nearest-neighbour distance, in metres. Use it with a relative
  /// allowance (`distanceBand(points:limit: band · (1 + 1e-9))`) so rounding keeps that pair.
  /// - Returns: 0 for fewer than 2 points.
  /// - Complexity: about O(n) (k = 1 nearest neighbours on a bucket grid).
  public static func smallestConnectingBand(points: [Point]) -> Double {
    guard points.count >= 2 else { return 0 }
    let w = nearestNeighbours(points: points, k: 1)
    var band = 0.0
    for i in points.indices {
      guard let j = w.neighbours(of: i).first else { continue }
      let dx = points[j].x - points[i].x
      let dy = points[j].y - points[i].y
      band = Swift.max(band, (dx * dx + dy * dy).squareRoot())
    }
    return band
  }
}
