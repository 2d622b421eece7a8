import GeoCore

extension KernelDensity {
  /// Density per km² at each of `points` (hexagon centres, street-segment midpoints): the exact
  /// sum over every incident of weight · K(distance), as `evaluate(x:y:weights:grid:…)` gives at
  /// square cell centres.
  ///
  /// Distinct positions (stacked incidents summed first) are sorted into strips one kernel reach
  /// high and, within a strip, by x; a point reads the three strips around it and, in each, the
  /// positions within reach in x by bisection.
  ///
  /// - Parameters:
  ///   - points: where to evaluate, in the incidents' CRS (metres).
  ///   - x, y: incident positions; weights per incident (nil: 1 each).
  ///   - bandwidth: h in metres (> 0).
  /// - Complexity: O(P log P) to sort P distinct positions, then per point O(log P + the positions
  ///   within a 2r × 3r window), r the kernel's reach.
  ///
  /// ## Properties
  /// - Deterministic: each point sums its positions in one fixed order (strip, then x, then y),
  ///   whatever the thread count.
  /// - Agrees with the grid form at square cell centres to rounding (the sums run in another
  ///   order).
  public static func evaluate(
    at points: [Point], x: [Double], y: [Double], weights: [Double]? = nil, kernel: Kernel, bandwidth: Double
  ) -> [Double] {
    precondition(bandwidth > 0 && x.count == y.count)
    var density = [Double](repeating: 0, count: points.count)
    let reach = bandwidth * kernel.supportFactor
    var sorting = distinctPositions(x: x, y: y, weights: weights)
    guard !sorting.isEmpty, !points.isEmpty else { return density }
    let originY = sorting[0].y
    let strip: @Sendable (Double) -> Int = { value in
      let s = ((value - originY) / reach).rounded(.down)
      return s >= Double(Int.max / 2) ? Int.max / 2 : s <= Double(Int.min / 2) ? Int.min / 2 : Int(s)
    }
    sorting.sort { a, b in
      let sa = strip(a.y), sb = strip(b.y)
      if sa != sb { return sa < sb }
      return a.x != b.x ? a.x < b.x : a.y < b.y
    }
    let stamps = sorting
    // The distinct strips, ascending, and where each starts in `stamps`.
    var stripIDs: [Int] = []
    var stripStart: [Int] = []
    for (k, stamp) in stamps.enumerated() where stripIDs.last != strip(stamp.y) {
      stripIDs.append(strip(stamp.y))
      stripStart.append(k)
    }
    stripStart.append(stamps.count)
    let ids = stripIDs, starts = stripStart
    let xs = stamps.map(\.x)
    let perSquareKilometre = 1_000_000.0
    let reach2 = reach * reach
    density.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let out = DisjointWrites(base)
      Parallel.forEachRange(count: points.count, minimumChunk: 2048) { range in
        for q in range {
          let p = points[q]
          guard p.x.isFinite, p.y.isFinite else { continue }
          let home = strip(p.y)
          var sum = 0.0
          for s in [home &- 1, home, home &+ 1] {
            guard let index = firstIndex(ids, atLeast: s), ids[index] == s else { continue }
            var k = firstIndex(xs, atLeast: p.x - reach, in: starts[index]..<starts[index + 1])
            while k < starts[index + 1], xs[k] <= p.x + reach {
              let dx = xs[k] - p.x, dy = stamps[k].y - p.y
              let d2 = dx * dx + dy * dy
              if d2 < reach2 { sum += stamps[k].weight * kernel.value(squaredDistance: d2, bandwidth: bandwidth) }
              k += 1
            }
          }
          out[q] = sum * perSquareKilometre
        }
      }
    }
    return density
  }

  /// The first index of an ascending array holding a value ≥ `value`, nil when none does.
  private static func firstIndex(_ values: [Int], atLeast value: Int) -> Int? {
    var low = 0, high = values.count
    while low < high {
      let mid = (low + high) / 2
      if values[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low < values.count ? low : nil
  }

  /// The first index in `range` of an array ascending over it holding a value ≥ `value`
  /// (`range.upperBound` when none does).
  private static func firstIndex(_ values: [Double], atLeast value: Double, in range: Range<Int>) -> Int {
    var low = range.lowerBound, high = range.upperBound
    while low < high {
      let mid = (low + high) / 2
      if values[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
