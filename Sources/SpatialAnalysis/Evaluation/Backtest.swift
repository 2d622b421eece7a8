import GeoCore

/// Chooses hot spots on a training period by several methods and scores each on the test period
/// at area budgets: "did last period's hot spots predict this period?" (DESIGN.md, "Backtesting
/// built in").
///
/// For one origin (training, test and recent periods) and every method: score each analysed
/// cell on the training incidents (`HotSpotMethod`), rank the cells (`HotSpotSelection`: score
/// descending, ties in grid order), take the best ⌊s · m⌋ for each budget share s, and measure
/// them against the test incidents (`HotSpotScore`: hit rate, PAI, PEI, RRI).
///
/// - The study area is the m cells analysed (`CellLayout`: inside the areas when given); N and
///   N₁ count the incidents inside them. Density alone uses every training incident, wherever it
///   lies, as METHODS.md fixes for density at cell centres.
/// - An incident belongs to a period by `Period.contains` (a police.uk month belongs to a period
///   only when the whole month does).
/// - A budget of 0 cells (s · m < 1) gives no row; `OriginResult.emptyBudgets` lists it.
///
/// - Complexity: per origin O(n) to split the incidents, O(m log m) per method to rank, the
///   density's cost per bandwidth, and O(m) for Gi*.
///
/// ## Properties
/// - Deterministic: the same incidents in any order and any thread count give the same rows
///   (counts are exact; density is deterministic; ties go by grid order).
public struct Backtest: Sendable {
  /// The cells analysed and their grid (metres of the working CRS).
  public let layout: CellLayout
  /// Incident positions in the layout's CRS (metres) and their dates.
  public let x: [Double]
  /// Incident northings (y) in the layout's CRS, metres, parallel to `x`.
  public let y: [Double]
  /// Incident dates, parallel to `x`; a month-only date belongs to a period only when its whole month does.
  public let dates: [IncidentDate]
  /// The analysed cell of each incident, −1 outside every analysed cell.
  private let cellOfIncident: [Int32]
  /// Binary neighbours of the analysed cells, without self: the 8 around a square (band c·√2),
  /// the 6 around a hexagon (band c).
  public let neighbours: SpatialWeights
  /// Hexagon centres of the analysed cells (empty for squares, whose density is evaluated on the grid).
  private let hexCentres: [Point]

  /// A backtest over `layout` of the incidents at (`x`, `y`) dated `dates`.
  /// - Complexity: O(n + m).
  public init(layout: CellLayout, x: [Double], y: [Double], dates: [IncidentDate]) {
    precondition(x.count == y.count && y.count == dates.count)
    self.layout = layout
    self.x = x
    self.y = y
    self.dates = dates
    cellOfIncident = x.indices.map { k in Int32(layout.cell(of: Point(x: x[k], y: y[k])) ?? -1) }
    switch layout.shape {
    case .square(let grid):
      neighbours = SpatialWeights.gridBand(grid: grid, cells: layout.slots)
      hexCentres = []
    case .hexagon(let grid):
      neighbours = SpatialWeights.hexBand(grid: grid, cells: layout.slots)
      hexCentres = (0..<layout.count).map { layout.centre(of: $0) }
    }
  }

  /// The incidents of one period.
  public struct PeriodIncidents: Sendable {
    /// Rows of the incidents in the period (in the cells analysed or not).
    public var rows: [Int]
    /// Incidents per analysed cell.
    public var counts: [Double]
    /// Incidents in the period outside every analysed cell.
    public var outside: Int
    /// Incidents in the cells analysed.
    public var total: Double { counts.reduce(0, +) }
  }

  /// The incidents dated in `period`, tallied by analysed cell.
  /// - Complexity: O(n).
  public func incidents(in period: Period) -> PeriodIncidents {
    var counts = [Double](repeating: 0, count: layout.count)
    var rows: [Int] = []
    var outside = 0
    for k in dates.indices where period.contains(dates[k]) {
      rows.append(k)
      let cell = cellOfIncident[k]
      if cell >= 0 { counts[Int(cell)] += 1 } else { outside += 1 }
    }
    return PeriodIncidents(rows: rows, counts: counts, outside: outside)
  }

  /// The score `method` gives each analysed cell from the training and recent incidents.
  public func scores(_ method: HotSpotMethod, train: PeriodIncidents, recent: PeriodIncidents) -> [Double] {
    switch method {
    case .count: return train.counts
    case .previous: return recent.counts
    case .gistar: return GetisOrdGiStar.compute(values: train.counts, weights: neighbours).z
    case .density(let bandwidth):
      let tx = train.rows.map { x[$0] }
      let ty = train.rows.map { y[$0] }
      switch layout.shape {
      case .square(let grid):
        let surface = KernelDensity.evaluate(x: tx, y: ty, grid: grid, kernel: .quartic, bandwidth: bandwidth)
        return layout.slots.map { surface[$0] }
      case .hexagon:
        return KernelDensity.evaluate(x: tx, y: ty, at: hexCentres, kernel: .quartic, bandwidth: bandwidth)
      }
    }
  }

  /// One row of results: a method at a budget share.
  public struct Row: Hashable, Sendable {
    /// The method that chose the cells.
    public var method: HotSpotMethod
    /// The budget, a fraction of the study area (as asked for; the cells taken are its floor).
    public var share: Double
    /// The selection's hit rate, PAI, PEI and RRI on the test period.
    public var score: HotSpotScore
  }

  /// Everything measured at one origin.
  public struct OriginResult: Sendable {
    /// The training, test and recent periods.
    public var origin: BacktestOrigin
    /// Method-major, shares in the order given.
    public var rows: [Row]
    /// The incidents of the training period, by analysed cell.
    public var train: PeriodIncidents
    /// The incidents of the test period, by analysed cell.
    public var test: PeriodIncidents
    /// The incidents of the recent stretch (what `previous` counts), by analysed cell.
    public var recent: PeriodIncidents
    /// Shares whose budget is 0 cells: no row.
    public var emptyBudgets: [Double]
  }

  /// Every method at every share for one origin.
  /// - Parameters:
  ///   - origin: the training, recent and test periods.
  ///   - methods: the ways of choosing cells, in the order the rows list them.
  ///   - shares: budget fractions (0 < s ≤ 1).
  public func run(origin: BacktestOrigin, methods: [HotSpotMethod], shares: [Double]) -> OriginResult {
    let train = incidents(in: origin.train)
    let test = incidents(in: origin.test)
    let recent = incidents(in: origin.recent)
    let best = HotSpotScore.bestCaptures(test: test.counts)
    let budgets = shares.map { HotSpotSelection.budget(share: $0, cells: layout.count) }
    var rows: [Row] = []
    for method in methods {
      let scores = scores(method, train: train, recent: recent)
      let ranking = HotSpotSelection.ranking(scores)
      for (share, k) in zip(shares, budgets) where k > 0 {
        let score = HotSpotScore(
          selection: ranking[0..<k], test: test.counts, train: train.counts, bestCaptured: best[k],
          tiedLeftOut: HotSpotSelection.tiedLeftOut(ranking: ranking, scores: scores, count: k))
        rows.append(Row(method: method, share: share, score: score))
      }
    }
    let empty = zip(shares, budgets).filter { $0.1 == 0 }.map(\.0)
    return OriginResult(origin: origin, rows: rows, train: train, test: test, recent: recent, emptyBudgets: empty)
  }
}
