import GeoCore
import SpatialAnalysis

/// The candidate cells of a `cover` run: only those whose centre can cover an incident.
public enum CandidateCells {
  /// The analysed cells of `layout` whose centre lies within `radius` metres of some point,
  /// ascending: the only cells that can cover anything (every cell for hexagons).
  /// - Complexity: O(points × (radius / cell)²).
  public static func near(_ points: [Point], radius: Double, layout: CellLayout) -> [Int] {
    guard case .square(let grid) = layout.shape else { return Array(0..<layout.count) }
    var near = [Bool](repeating: false, count: layout.count)
    let c = grid.cellSize
    let r2 = radius * radius
    for p in points {
      // One column and row of margin either side: the exact test below decides.
      let (i0, i1) = span(p.x - radius, p.x + radius, origin: grid.minX, size: c, count: grid.columns)
      let (j0, j1) = span(p.y - radius, p.y + radius, origin: grid.minY, size: c, count: grid.rows)
      guard i0 <= i1, j0 <= j1 else { continue }
      for j in j0...j1 {
        for i in i0...i1 {
          let centre = grid.centre(column: i, row: j)
          let dx = centre.x - p.x
          let dy = centre.y - p.y
          guard dx * dx + dy * dy <= r2, let k = layout.cell(of: centre) else { continue }
          near[k] = true
        }
      }
    }
    return near.indices.filter { near[$0] }
  }

  /// The columns (or rows) whose centres may lie in [low, high], with a margin of one, clamped.
  private static func span(_ low: Double, _ high: Double, origin: Double, size: Double, count: Int) -> (Int, Int) {
    let limit = Double(count)
    let first = Swift.min(limit, Swift.max(-1, ((low - origin) / size - 0.5).rounded(.up) - 1))
    let last = Swift.min(limit, Swift.max(-1, ((high - origin) / size - 0.5).rounded(.down) + 1))
    return (Swift.max(0, Int(first)), Swift.min(count - 1, Int(last)))
  }
}
