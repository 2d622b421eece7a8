import Dispatch
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
/// - Integrates to the total weight: Σ density · cell area (km²) = Σ weights, for incidents whose
///   kernel lies inside the grid (to the accuracy of the midpoint rule on the cells).
/// - Deterministic: rows of the output are split between threads, and every cell adds its
///   contributions in the same (sorted) order of positions, whatever the thread count.
/// - Complexity: O(P · (2r/c)²) for P distinct positions, reach r and cell size c.
public enum KernelDensity {
  /// Density per km² at each cell centre of `grid` (index j · columns + i).
  /// - Parameters:
  ///   - x: incident eastings in the grid's CRS (metres).
  ///   - y: incident northings, one per `x`.
  ///   - weights: per incident (nil: 1 each).
  ///   - grid: the cells whose centres are evaluated.
  ///   - kernel: the kernel K.
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
    // Positions come sorted by y, so a band of rows finds the positions that reach it by bisection.
    let sortedY = stamps.map(\.y)
    let perSquareKilometre = 1_000_000.0
    density.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let out = DisjointWrites(base)
      let bandRows = Swift.max(1, grid.rows / 64)
      let bands = (grid.rows + bandRows - 1) / bandRows
      Parallel.forEachRange(count: bands, minimumChunk: 1) { bandRange in
        for band in bandRange {
          let rowStart = band * bandRows
          let rowEnd = Swift.min(grid.rows, rowStart + bandRows)
          let bandMinY = grid.minY + (Double(rowStart) + 0.5) * grid.cellSize - reach
          let bandMaxY = grid.minY + (Double(rowEnd) - 0.5) * grid.cellSize + reach
          var k = lowerBound(sortedY, bandMinY)
          var columnDX2 = [Double]()
          while k < stamps.count, sortedY[k] <= bandMaxY {
            let stamp = stamps[k]
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
    let h2 = h * h
    let weight = stamp.weight * scale
    scratch.removeAll(keepingCapacity: true)
    switch kernel {
    case .quartic:
      // Per cell: (a − dx²/h²)² with a = 1 − dy²/h² per row; only the columns where it is positive.
      let inverseH2 = 1 / h2
      for i in i0...i1 {
        let dx = grid.minX + (Double(i) + 0.5) * c - stamp.x
        scratch.append(dx * dx * inverseH2)
      }
      let factor = weight * 3 / (Double.pi * h2)
      scratch.withUnsafeBufferPointer { u in
        for j in j0...j1 {
          let dy = grid.minY + (Double(j) + 0.5) * c - stamp.y
          let a = 1 - dy * dy * inverseH2
          guard a > 0 else { continue }
          let row = out.base + j * grid.columns + i0
          for k in 0..<u.count {
            let t = a - u[k]
            row[k] += t > 0 ? factor * t * t : 0
          }
        }
      }
    default:
      for i in i0...i1 {
        let dx = grid.minX + (Double(i) + 0.5) * c - stamp.x
        scratch.append(dx * dx)
      }
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

  /// Distinct finite positions sorted by (y, x), each with the summed weights of the incidents
  /// stacked there (summed in input order: the sort is stable).
  static func distinctPositions(x: [Double], y: [Double], weights: [Double]?) -> [(
    x: Double, y: Double, weight: Double
  )] {
    var all: [(x: Double, y: Double, weight: Double)] = []
    all.reserveCapacity(x.count)
    for i in x.indices where x[i].isFinite && y[i].isFinite { all.append((x[i], y[i], weights?[i] ?? 1)) }
    all = sortedByYX(all)
    var result: [(x: Double, y: Double, weight: Double)] = []
    result.reserveCapacity(all.count)
    for stamp in all {
      if let last = result.last, last.x == stamp.x, last.y == stamp.y {
        result[result.count - 1].weight += stamp.weight
      } else {
        result.append(stamp)
      }
    }
    return result
  }

  /// `stamps` sorted by (y, x), stably (equal positions keep their input order): contiguous runs
  /// are sorted on all cores, then merged pairwise with ties taken from the earlier run, which
  /// gives exactly the one stable order whatever the number of runs.
  /// - Complexity: O(n log n) work, O(n) extra memory.
  private static func sortedByYX(_ stamps: [(x: Double, y: Double, weight: Double)])
    -> [(x: Double, y: Double, weight: Double)]
  {
    typealias Stamp = (x: Double, y: Double, weight: Double)
    let less: @Sendable (Stamp, Stamp) -> Bool = { $0.y != $1.y ? $0.y < $1.y : $0.x < $1.x }
    let n = stamps.count
    let parts = Parallel.chunkCount(count: n, minimumChunk: 65_536)
    var sorted = stamps
    if parts == 1 {
      sorted.sort(by: less)
      return sorted
    }
    var runs = (0..<parts).map { part in (part * n / parts)..<((part + 1) * n / parts) }
    sorted.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let shared = DisjointWrites(base)
      let bounds = runs
      DispatchQueue.concurrentPerform(iterations: parts) { part in
        let run = bounds[part]
        var slice = UnsafeMutableBufferPointer(start: shared.base + run.lowerBound, count: run.count)
        slice.sort(by: less)
      }
    }
    while runs.count > 1 {
      var merged = [Stamp]()
      merged.reserveCapacity(n)
      var nextRuns: [Range<Int>] = []
      var r = 0
      while r < runs.count {
        let start = merged.count
        if r + 1 == runs.count {
          merged += sorted[runs[r]]
        } else {
          var i = runs[r].lowerBound
          var j = runs[r + 1].lowerBound
          let iEnd = runs[r].upperBound
          let jEnd = runs[r + 1].upperBound
          while i < iEnd && j < jEnd {
            // Ties go to the earlier run, so the merge is stable.
            if less(sorted[j], sorted[i]) {
              merged.append(sorted[j])
              j += 1
            } else {
              merged.append(sorted[i])
              i += 1
            }
          }
          merged += sorted[i..<iEnd]
          merged += sorted[j..<jEnd]
        }
        nextRuns.append(start..<merged.count)
        r += 2
      }
      sorted = merged
      runs = nextRuns
    }
    return sorted
  }

  /// The first index whose value is ≥ `value` in an ascending array.
  static func lowerBound(_ values: [Double], _ value: Double) -> Int {
    var low = 0
    var high = values.count
    while low < high {
      let mid = (low + high) / 2
      if values[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
