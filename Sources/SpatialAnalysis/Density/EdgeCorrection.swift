import GeoCore

/// The edge correction of spatstat's `density.ppp(edge = TRUE)` (Diggle 1985): each cell's density
/// is divided by the share of the kernel's mass, centred on that cell, that falls inside the study
/// area, so that places near the edge of a county are not under-weighted by the empty land or sea
/// beyond it.
///
/// The share is computed on the grid: Σ K(offset) over the kernel's cells whose centres lie inside
/// the study area, over Σ K(offset) over all of them (cells beyond the grid count as outside).
///
/// ## Properties
/// - 1 for a cell whose kernel lies wholly inside; between 0 and 1 otherwise; nil for cells
///   outside the study area.
/// - A corrected surface no longer integrates to the number of incidents.
/// - Complexity: O(cells inside · kernel cells).
public enum EdgeCorrection {
  /// The share of kernel mass inside the study area for each cell (nil outside it).
  public static func shares(inside: [Bool], grid: SquareGrid, kernel: Kernel, bandwidth: Double) -> [Double?] {
    precondition(inside.count == grid.cellCount)
    let c = grid.cellSize
    let reachCells = Int((bandwidth * kernel.supportFactor / c).rounded(.down))
    var stencil: [(di: Int, dj: Int, weight: Double)] = []
    var total = 0.0
    for dj in -reachCells...reachCells {
      for di in -reachCells...reachCells {
        let d2 = Double(di * di + dj * dj) * c * c
        let weight = kernel.value(squaredDistance: d2, bandwidth: bandwidth)
        if weight > 0 {
          stencil.append((di, dj, weight))
          total += weight
        }
      }
    }
    var shares = [Double?](repeating: nil, count: grid.cellCount)
    guard total > 0 else { return inside.map { $0 ? 1 : nil } }
    let weights = stencil
    let totalWeight = total
    shares.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let out = DisjointWrites(base)
      Parallel.forEachRange(count: grid.rows, minimumChunk: 16) { rows in
        for j in rows {
          for i in 0..<grid.columns where inside[j * grid.columns + i] {
            var mass = 0.0
            for s in weights {
              let ii = i + s.di
              let jj = j + s.dj
              if ii >= 0, jj >= 0, ii < grid.columns, jj < grid.rows, inside[jj * grid.columns + ii] {
                mass += s.weight
              }
            }
            out[j * grid.columns + i] = mass / totalWeight
          }
        }
      }
    }
    return shares
  }
}
