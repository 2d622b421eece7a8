import GeoCore

/// Chosen patrol cells merged into patrol zones: cells that share an edge belong to one zone.
///
/// - Square cells touch when they share an edge (the 4 around a cell); cells meeting only at a
///   corner are separate zones, as in `HotSpotRegions`: a team walking between them would cross
///   unchosen ground.
/// - Hexagonal cells touch when they share an edge (the 6 around a cell).
/// - Zones are numbered 1, 2, … in the order of their best-ranked cell: zone 1 holds the rank-1
///   cell. Within a zone, cells keep their rank order.
///
/// - Complexity: O(k) neighbour look-ups for k chosen cells.
///
/// ## Example
/// Chosen cells in rank order [5, 6, 9] on a 4-column square grid: 5 and 6 share an edge (same
/// row), 9 lies above 5; all three form zone 1.
public enum PatrolZones {
  /// The zone (1-based) of each of `chosen` (analysed cell indices, best first), in the same order.
  public static func zones(of chosen: [Int], layout: CellLayout) -> [Int] {
    var position: [Int: Int] = [:]
    for (k, cell) in chosen.enumerated() { position[cell] = k }
    var zone = [Int](repeating: 0, count: chosen.count)
    var next = 0
    for start in chosen.indices where zone[start] == 0 {
      next += 1
      zone[start] = next
      var stack = [start]
      while let k = stack.popLast() {
        for neighbour in edgeNeighbours(of: chosen[k], layout: layout) {
          if let j = position[neighbour], zone[j] == 0 {
            zone[j] = next
            stack.append(j)
          }
        }
      }
    }
    return zone
  }

  /// The analysed cells sharing an edge with analysed cell `k`, ascending.
  public static func edgeNeighbours(of k: Int, layout: CellLayout) -> [Int] {
    let c = layout.centre(of: k)
    let size = layout.cellSize
    let steps: [(Double, Double)]
    switch layout.shape {
    case .square:
      steps = [(size, 0), (-size, 0), (0, size), (0, -size)]
    case .hexagon(let grid):
      let dy = grid.rowSpacing
      steps = [(size, 0), (-size, 0), (size / 2, dy), (-size / 2, dy), (size / 2, -dy), (-size / 2, -dy)]
    }
    // The neighbour's centre lies inside the neighbour (far from its edges), so the cell of that
    // point is the neighbour itself.
    return steps.compactMap { layout.cell(of: Point(x: c.x + $0.0, y: c.y + $0.1)) }.filter { $0 != k }.sorted()
  }
}
