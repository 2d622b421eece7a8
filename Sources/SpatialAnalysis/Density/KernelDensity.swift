import Foundation
import GeoCore

/// Kernel density at the centre of every cell of a grid, evaluated exactly: the sum over every
/// incident, wherever it lies, of weight · K(distance to the cell centre), in incidents per km².
///
/// Each distinct position is stamped once onto the cells within the kernel's reach, with the
/// weights of the incidents stacked there summed first, so coincident points (police.uk snap
/// points) cost nothing extra. For the quartic kernel, a stamp computes 1 − dy²/h² once per row
/// and (·)² per cell.
///
/// ## Properties
/// - Exact: the value of the defining sum at each centre, not an FFT or binned approximation.
/// - Integrates to the total weight: Σ density · cell area = Σ weights, for incidents whose
///   kernel lies inside the grid (to the accuracy of the midpoint rule on the cells).
/// - Deterministic: rows of the output are split between threads, and every cell adds its
///   contributions in the same (sorted) order of positions, whatever the thread count.
/// - Complexity: O(P · (2r/c)²) for P distinct positions, reach r and cell size c.
public enum KernelDensity {
  /// Density per km² at each cell centre of `grid` (index j · columns + i).
  /// - Parameters:
  ///   - x, y: positions in the grid's CRS (metres).
  ///   - weights: per incident (nil: 1 each).
  ///   - bandwidth: h in metres (> 0).
  public static func evaluate(
    x: [Double], y: [Double], weights: [Double]? = nil, grid: SquareGrid, kernel: Kernel,
    bandwidth: Double
  ) -> [Double] {
    precondition(bandwidth > 0 && x.count == y.count)
    let stamps = distinctPositions(x: x, y: y, weights: weights)
    let reach = bandwidth * kernel.supportFactor
    var density = [Double](repeating: 0, count: grid.cellCount)
    guard !stamps.isEmpty, grid.cellCount > 0 else { return density }
    // Positions sorted by y, so a band of rows finds the positions that reach it by bisection.
    let order = stamps.indices.sorted { (stamps[$0].y, stamps[$0].x) < (stamps[$1].y, stamps[$1].x) }
    let sortedY = order.map { stamps[$0].y }
    let perSquareKilometre = 1_000_000.0
    density.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let out = DisjointWrites(base)
      let bandRows = Swift.max(1, grid.rows / 64)
      let bands = (grid.rows + bandRows - 1) / bandRows
      Parallel.forEachRange(count: bands, minimumChunk: 1) { bandRange in
        for band in bandRange {
          let rowStart = band * bandRows, rowEnd = Swift.min(grid.rows, rowStart + bandRows)
          let bandMinY = grid.minY + (Double(rowStart) + 0.5) * grid.cellSize - reach
          let bandMaxY = grid.minY + (Double(rowEnd) - 0.5) * grid.cellSize + reach
          var k = lowerBound(sortedY, bandMinY)
          var columnDX2 = [Double]()
          while k < order.count, sortedY[k] <= bandMaxY {
            let stamp = stamps[order[k]]
            k += 1
            stampOnto(
              out, grid: grid, rows: rowStart..<rowEnd, stamp: stamp, kernel: kernel, bandwidth: bandwidth,
              reach: reach, scale: perSquareKilometre, scratch: &columnDX2)
          }
        }
      }
    }
    return density
  }

  /// Adds one position's kernel to the cells of `rows` within reach.
  @inline(__always)
  private static func stampOnto(
    _ out: DisjointWrites<Double>, grid: SquareGrid, rows: Range<Int>, stamp: (x: Double, y: Double, weight: Double),
    kernel: Kernel, bandwidth h: Double, reach: Double, scale: Double, scratch: inout [Double]
  ) {
    let c = grid.cellSize
    // Columns and rows whose centres may lie within reach.
    let i0 = Swift.max(0, Int(((stamp.x - reach - grid.minX) / c - 0.5).rounded(.up)))
    let i1 = Swift.min(grid.columns - 1, Int(((stamp.x + reach - grid.minX) / c - 0.5).rounded(.down)))
    let j0 = Swift.max(rows.lowerBound, Int(((stamp.y - reach - grid.minY) / c - 0.5).rounded(.up)))
    let j1 = Swift.min(rows.upperBound - 1, Int(((stamp.y + reach - grid.minY) / c - 0.5).rounded(.down)))
    guard i0 <= i1, j0 <= j1 else { return }
    scratch.removeAll(keepingCapacity: true)
    for i in i0...i1 {
      let dx = grid.minX + (Double(i) + 0.5) * c - stamp.x
      scratch.append(dx * dx)
    }
    let h2 = h * h
    let weight = stamp.weight * scale
    switch kernel {
    case .quartic:
      let factor = weight * 3 / (Double.pi * h2)
      for j in j0...j1 {
        let dy = grid.minY + (Double(j) + 0.5) * c - stamp.y
        let a = 1 - dy * dy / h2
        guard a > 0 else { continue }
        let rowBase = j * grid.columns
        for (offset, dx2) in scratch.enumerated() {
          let t = a - dx2 / h2
          if t > 0 { out[rowBase + i0 + offset] += factor * t * t }
        }
      }
    default:
      for j in j0...j1 {
        let dy = grid.minY + (Double(j) + 0.5) * c - stamp.y
        let dy2 = dy * dy
        let rowBase = j * grid.columns
        for (offset, dx2) in scratch.enumerated() {
          let value = kernel.value(squaredDistance: dx2 + dy2, bandwidth: h)
          if value > 0 { out[rowBase + i0 + offset] += weight * value }
        }
      }
    }
  }

  /// Distinct positions with their summed weights, in first-seen order.
  static func distinctPositions(x: [Double], y: [Double], weights: [Double]?) -> [(x: Double, y: Double, weight: Double)] {
    var index: [Point: Int] = [:]
    var result: [(x: Double, y: Double, weight: Double)] = []
    for i in x.indices where x[i].isFinite && y[i].isFinite {
      let w = weights?[i] ?? 1
      let p = Point(x: x[i], y: y[i])
      if let k = index[p] {
        result[k].weight += w
      } else {
        index[p] = result.count
        result.append((p.x, p.y, w))
      }
    }
    return result
  }

  /// The first index whose value is ≥ `value` in an ascending array.
  private static func lowerBound(_ values: [Double], _ value: Double) -> Int {
    var low = 0, high = values.count
    while low < high {
      let mid = (low + high) / 2
      if values[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
