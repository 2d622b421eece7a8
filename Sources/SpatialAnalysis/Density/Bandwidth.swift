import Foundation

/// Automatic bandwidth by the rule of ArcGIS Kernel Density (since 10.2.1), a spatial variant of
/// Silverman's rule of thumb:
/// h = 0.9 · min(SD, √(1/ln 2) · Dm) · n^−0.2, with SD the standard distance
/// √(Σ((x − x̄)² + (y − ȳ)²)/n), Dm the median distance to the mean centre (x̄, ȳ), n the number
/// of incidents (or the sum of weights).
///
/// ## Properties
/// - In the units of the coordinates (metres in a projected CRS).
/// - nil for fewer than 2 distinct positions (no spread to measure).
/// - Without weights the median is the usual one (numpy's); with weights, the weighted median.
/// - Complexity: O(n log n) for the median.
public enum Bandwidth {
  /// ArcGIS's bandwidth for the incidents at (`x`, `y`), weighted by `weights` (nil: 1 each), in CRS
  /// units; nil for fewer than 2 incidents, a total weight ≤ 0 or no spread.
  public static func arcGIS(x: [Double], y: [Double], weights: [Double]? = nil) -> Double? {
    let n = x.count
    guard n >= 2 else { return nil }
    let w = weights ?? Array(repeating: 1, count: n)
    let total = w.reduce(0, +)
    guard total > 0 else { return nil }
    var sx = 0.0
    var sy = 0.0
    for i in 0..<n {
      sx += w[i] * x[i]
      sy += w[i] * y[i]
    }
    let mx = sx / total
    let my = sy / total
    var squares = 0.0
    var distances: [(Double, Double)] = []
    distances.reserveCapacity(n)
    for i in 0..<n {
      let d2 = (x[i] - mx) * (x[i] - mx) + (y[i] - my) * (y[i] - my)
      squares += w[i] * d2
      distances.append((d2.squareRoot(), w[i]))
    }
    let standardDistance = (squares / total).squareRoot()
    distances.sort { $0.0 < $1.0 }
    let median: Double
    if weights == nil {
      // The usual median (the mean of the middle two for even n), as numpy computes it.
      median = n % 2 == 1 ? distances[n / 2].0 : (distances[n / 2 - 1].0 + distances[n / 2].0) / 2
    } else {
      // The weighted median: the first distance at which half the weight is reached.
      var cumulative = 0.0
      var found = distances[n - 1].0
      for (distance, weight) in distances {
        cumulative += weight
        if cumulative >= total / 2 {
          found = distance
          break
        }
      }
      median = found
    }
    let spread = Swift.min(standardDistance, (1 / 0.693_147_180_559_945_3).squareRoot() * median)
    guard spread > 0 else { return nil }
    return 0.9 * spread * pow(total, -0.2)
  }
}
