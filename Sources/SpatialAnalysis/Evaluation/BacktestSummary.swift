/// Rolling-origin results summarised per method and budget: the mean of each measure over the
/// origins and its spread (standard deviation, minimum, maximum).
///
/// ## Rules
/// - Each measure is summarised over the origins where it is defined (PAI is undefined at an
///   origin with no test incident, RRI where the cells held no training incident…); `origins`
///   counts the origins where PAI is defined.
/// - The standard deviation is the sample one (divisor n − 1), nil for fewer than two values.
/// - Sums run in origin order, so the result does not depend on anything else.
///
/// ## Example
/// PAI 2, 4 and 6 at three origins: mean 4, standard deviation 2, minimum 2, maximum 6.
public struct BacktestSummary: Sendable {
  /// Mean and spread of one measure over origins.
  public struct Spread: Hashable, Sendable {
    /// The number of origins where the measure is defined.
    public var count: Int
    /// The arithmetic mean over those origins.
    public var mean: Double
    /// Sample standard deviation (n − 1); nil for one value.
    public var standardDeviation: Double?
    /// The smallest value.
    public var minimum: Double
    /// The largest value.
    public var maximum: Double

    /// The spread of `values`, nil when there are none.
    /// - Complexity: O(n).
    public init?(_ values: [Double]) {
      guard let first = values.first else { return nil }
      count = values.count
      let n = Double(values.count)
      mean = values.reduce(0, +) / n
      let mean = mean
      standardDeviation =
        values.count > 1
        ? (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot() : nil
      minimum = values.reduce(first) { Swift.min($0, $1) }
      maximum = values.reduce(first) { Swift.max($0, $1) }
    }
  }

  /// One method at one budget over every origin.
  public struct Row: Hashable, Sendable {
    /// The hot-spot method.
    public var method: HotSpotMethod
    /// The budget, a fraction of the study area (as asked for).
    public var share: Double
    /// Cells selected (the same at every origin: the grid does not change).
    public var cells: Int
    /// Origins where PAI is defined.
    public var origins: Int
    /// Test incidents in the selected cells (n); defined at every origin.
    public var captured: Spread?
    /// Hit rate n/N, 0…1, over the origins with a test incident.
    public var hitRate: Spread?
    /// Predictive accuracy index (hit rate ÷ area share), over the origins where it is defined.
    public var pai: Spread?
    /// Predictive efficiency index n/n*, 0…1, over the origins where it is defined.
    public var pei: Spread?
    /// Recapture rate index (n/N)/(n₁/N₁), over the origins where it is defined.
    public var rri: Spread?
  }

  /// One row per method and share, in the order of the first origin's rows; empty without origins.
  public var rows: [Row]

  /// Rows in the order of the first origin's rows (method-major, shares as given).
  /// - Complexity: O(origins × rows).
  public init(_ results: [Backtest.OriginResult]) {
    guard let first = results.first else {
      rows = []
      return
    }
    rows = first.rows.indices.map { index in
      let scores = results.map { $0.rows[index].score }
      let row = first.rows[index]
      return Row(
        method: row.method, share: row.share, cells: row.score.selectedCells,
        origins: scores.compactMap(\.pai).count,
        captured: Spread(scores.map(\.captured)),
        hitRate: Spread(scores.compactMap(\.hitRate)),
        pai: Spread(scores.compactMap(\.pai)),
        pei: Spread(scores.compactMap(\.pei)),
        rri: Spread(scores.compactMap(\.rri)))
    }
  }
}
