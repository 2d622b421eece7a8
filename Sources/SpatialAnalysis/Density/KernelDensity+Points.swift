import GeoCore

extension KernelDensity {
  /// Density per km² at each of `points` (hexagon centres, any places): the exact sum over every
  /// incident, wherever it lies, of weight · K(distance), as `evaluate(x:y:weights:grid:kernel:bandwidth:)`
  /// gives at square cell centres.
  ///
  /// Distinct positions (stacked incidents merged, weights summed) are put in bands of rows one
  /// kernel reach high, sorted by x within a band; each point visits the three bands within reach
  /// and, by bisection, only the positions within reach in x.
  ///
  /// - Parameters:
  ///   - x: incident eastings in the points' CRS (metres).
  ///   - y: incident northings, one per `x`.
  ///   - weights: per incident (nil: 1 each).
  ///   - points: where the density is wanted, in the same CRS.
  ///   - kernel: the kernel K.
  ///   - bandwidth: h in metres (> 0).
  /// - Returns: one density per point, in incidents per km².
  /// - Complexity: O(P log P) to sort the P distinct positions, then per point O(log P + the
  ///   positions in a 2r × 3r window).
  ///
  /// ## Properties
  /// - At the centres of a square grid, equal to the grid evaluation up to rounding (the terms
  ///   are the same; the grid's quartic is arranged differently).
  /// - Deterministic: each point sums its terms in a fixed order (band, then x, then y), whatever
  ///   the thread count.
  public static func evaluate(
    x: [Double], y: [Double], weights: [Double]? = nil, at points: [Point], kernel: Kernel, bandwidth: Double
  ) -> [Double] {
    precondition(bandwidth > 0 && x.count == y.count)
    let reach = bandwidth * kernel.supportFactor
    var density = [Double](repeating: 0, count: points.count)
    let stamps = distinctPositions(x: x, y: y, weights: weights)
    guard let first = stamps.first, !points.isEmpty else { return density }
    // Bands of rows of height `reach` counted from the lowest position; only bands holding a
    // position are kept (their numbers ascending, as the positions come sorted by y); within a
    // band, positions are sorted by x.
    let originY = first.y
    var bandNumbers: [Double] = []
    var bands: [[(x: Double, y: Double, weight: Double)]] = []
    for stamp in stamps {
      let number = ((stamp.y - originY) / reach).rounded(.down)
      if bandNumbers.last != number {
        bandNumbers.append(number)
        bands.append([])
      }
      bands[bands.count - 1].append(stamp)
    }
    for b in bands.indices { bands[b].sort { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y } }
    let bandX = bands.map { $0.map(\.x) }
    let frozenBands = bands
    let frozenNumbers = bandNumbers
    let reach2 = reach * reach
    let perSquareKilometre = 1_000_000.0
    density.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let out = DisjointWrites(base)
      Parallel.forEachRange(count: points.count, minimumChunk: 256) { range in
        for p in range {
          let point = points[p]
          let centreBand = ((point.y - originY) / reach).rounded(.down)
          guard centreBand.isFinite else { continue }
          var sum = 0.0
          var b = lowerBound(frozenNumbers, centreBand - 1)
          while b < frozenNumbers.count, frozenNumbers[b] <= centreBand + 1 {
            let band = frozenBands[b]
            var k = lowerBound(bandX[b], point.x - reach)
            while k < band.count, band[k].x <= point.x + reach {
              let dx = band[k].x - point.x
              let dy = band[k].y - point.y
              let d2 = dx * dx + dy * dy
              if d2 <= reach2 { sum += band[k].weight * kernel.value(squaredDistance: d2, bandwidth: bandwidth) }
              k += 1
            }
            b += 1
          }
          out[p] = sum * perSquareKilometre
        }
      }
    }
    return density
  }
}
