/// Class breaks for choropleth maps, as mapclassify computes them (METHODS.md, "Class breaks").
///
/// Breaks are class upper bounds: class c holds the values y with bins[c − 1] < y ≤ bins[c], the
/// first class everything up to bins[0]; the last bound is the maximum.
///
/// - Quantiles: numpy's linear-interpolation quantiles at c/k (mapclassify `Quantiles`), repeated
///   bounds dropped.
/// - Equal interval: min + (max − min) · c/k (mapclassify `EqualInterval`).
/// - Fisher–Jenks: the exact partition minimising the within-class sum of squared deviations
///   (Fisher 1958), by dynamic programme, O(k n²) on the distinct sorted values; above
///   `jenksExactLimit` values it runs on an evenly spaced sample of the sorted values (including
///   the minimum and maximum) and says so.
/// - Head/tail (Jiang 2013; mapclassify `HeadTailBreaks`): the mean as a bound, repeated on the
///   values above it until one distinct value is left.
/// - Standard deviation (mapclassify `StdMean`): mean + (−2, −1, +1, +2)·sd (the sample sd, n − 1, as mapclassify), then
///   the maximum; bounds at or above the maximum dropped (bounds below the minimum are kept, and
///   their classes are empty, as mapclassify keeps them).
/// - Manual: the bounds given, then the maximum if above them.
public enum ClassBreaks {
  /// A classification method (see above); the `Int` is the number of classes k, the manual bounds
  /// are upper bounds.
  public enum Method: Hashable, Sendable {
    case quantiles(Int)
    case equalInterval(Int)
    case naturalBreaks(Int)
    case headTail
    case standardDeviation
    case manual([Double])
  }

  /// Fisher–Jenks runs exactly on at most this many values.
  public static let jenksExactLimit = 3_000

  /// The class upper bounds for `values` (non-finite values ignored); empty when there are none.
  public static func breaks(_ values: [Double], method: Method) -> [Double] {
    let sorted = values.filter(\.isFinite).sorted()
    guard let minimum = sorted.first, let maximum = sorted.last else { return [] }
    switch method {
    case .quantiles(let k):
      precondition(k >= 1)
      return unique((1...k).map { quantile(sorted, Double($0) / Double(k)) })
    case .equalInterval(let k):
      precondition(k >= 1)
      return (1...k).map { $0 == k ? maximum : minimum + (maximum - minimum) * Double($0) / Double(k) }
    case .naturalBreaks(let k):
      precondition(k >= 1)
      return fisherJenks(sorted, k: k)
    case .headTail:
      var bounds: [Double] = []
      var rest = sorted
      while let first = rest.first, let last = rest.last, first < last {
        let mean = rest.reduce(0, +) / Double(rest.count)
        bounds.append(mean)
        rest = rest.filter { $0 > mean }
      }
      return bounds + [maximum]
    case .standardDeviation:
      let mean = sorted.reduce(0, +) / Double(sorted.count)
      let squares = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      let sd = sorted.count > 1 ? (squares / Double(sorted.count - 1)).squareRoot() : 0
      let inner = [-2.0, -1, 1, 2].map { mean + $0 * sd }.filter { $0 < maximum }
      return unique(inner + [maximum])
    case .manual(let bounds):
      let given = unique(bounds.filter(\.isFinite).sorted())
      return given.last.map { $0 >= maximum ? given : given + [maximum] } ?? [maximum]
    }
  }

  /// The class of `value` (0-based): the first bound it does not exceed; the last class for
  /// values above every bound.
  public static func classIndex(of value: Double, breaks: [Double]) -> Int {
    var low = 0
    var high = breaks.count - 1
    while low < high {
      let mid = (low + high) / 2
      if value <= breaks[mid] { high = mid } else { low = mid + 1 }
    }
    return low
  }

  /// Values per class.
  public static func counts(_ values: [Double], breaks: [Double]) -> [Int] {
    var counts = [Int](repeating: 0, count: breaks.count)
    for value in values where value.isFinite { counts[classIndex(of: value, breaks: breaks)] += 1 }
    return counts
  }

  /// Goodness of variance fit: 1 − (within-class sum of squared deviations) / (total sum).
  public static func goodnessOfVarianceFit(_ values: [Double], breaks: [Double]) -> Double {
    let finite = values.filter(\.isFinite)
    let mean = finite.reduce(0, +) / Double(finite.count)
    let total = finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return total == 0 ? 1 : 1 - withinClassDeviations(finite, breaks: breaks) / total
  }

  /// The within-class sum of squared deviations about the class means.
  public static func withinClassDeviations(_ values: [Double], breaks: [Double]) -> Double {
    var groups = [[Double]](repeating: [], count: breaks.count)
    for value in values where value.isFinite { groups[classIndex(of: value, breaks: breaks)].append(value) }
    return groups.reduce(0) { total, group in
      guard !group.isEmpty else { return total }
      let mean = group.reduce(0, +) / Double(group.count)
      return total + group.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    }
  }

  /// numpy's default quantile (linear interpolation between the closest ranks).
  static func quantile(_ sorted: [Double], _ q: Double) -> Double {
    let position = q * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = Swift.min(sorted.count - 1, lower + 1)
    let fraction = position - Double(lower)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
  }

  private static func unique(_ bounds: [Double]) -> [Double] {
    var result: [Double] = []
    for bound in bounds where result.last != bound { result.append(bound) }
    return result
  }

  /// Exact Fisher–Jenks on sorted values (sampled above `jenksExactLimit`).
  static func fisherJenks(_ sorted: [Double], k: Int) -> [Double] {
    var values = sorted
    if values.count > jenksExactLimit {
      let step = Double(values.count - 1) / Double(jenksExactLimit - 1)
      values = (0..<jenksExactLimit).map { sorted[Int((Double($0) * step).rounded())] }
    }
    let n = values.count
    let classes = Swift.min(k, Set(values).count)
    guard classes > 1 else { return [values[n - 1]] }
    // Prefix sums for the sum of squared deviations of values[i..<j].
    var s1 = [Double](repeating: 0, count: n + 1)
    var s2 = [Double](repeating: 0, count: n + 1)
    for i in 0..<n {
      s1[i + 1] = s1[i] + values[i]
      s2[i + 1] = s2[i] + values[i] * values[i]
    }
    func deviations(_ i: Int, _ j: Int) -> Double {
      let sum = s1[j] - s1[i]
      return Swift.max(0, (s2[j] - s2[i]) - sum * sum / Double(j - i))
    }
    // cost[c][j]: the best split of values[0..<j] into c classes; start[c][j]: where the last begins.
    var cost = [[Double]](repeating: [Double](repeating: .infinity, count: n + 1), count: classes + 1)
    var start = [[Int]](repeating: [Int](repeating: 0, count: n + 1), count: classes + 1)
    cost[0][0] = 0
    for c in 1...classes {
      for j in c...n {
        var best = Double.infinity
        var bestStart = c - 1
        for i in (c - 1)..<j {
          let candidate = cost[c - 1][i] + deviations(i, j)
          // A class never splits equal values: a boundary lies between different values.
          if candidate < best && (i == 0 || values[i - 1] < values[i]) {
            best = candidate
            bestStart = i
          }
        }
        cost[c][j] = best
        start[c][j] = bestStart
      }
    }
    var bounds: [Double] = []
    var end = n
    for c in stride(from: classes, through: 1, by: -1) {
      bounds.append(values[end - 1])
      end = start[c][end]
    }
    return bounds.reversed()
  }
}
