import GeoCore
import GeoIO
import SpatialAnalysis

/// A `backtest` run: did hot spots chosen on a training period predict the test period? Each
/// method scores every cell on the training incidents; the best cells at each area budget are
/// scored on the test incidents: hit rate, PAI (Chainey, Tompson & Uhlig 2008), PEI (Hunt 2016)
/// and RRI (Levine 2008), for one split or rolling origins.
public struct BacktestRequest: Sendable {
  /// One split, or rolling origins.
  public enum Plan: Equatable, Sendable {
    /// Train on one period, test on a later one.
    case split(train: Period, test: Period)
    /// Train on `trainMonths` whole months, test on the next `testMonths`, slide by `testMonths`,
    /// over `span` (nil: the months from the first to the last dated incident).
    case rolling(trainMonths: Int, testMonths: Int, span: Period?)

    /// Checks the periods: a split's test period must follow its training period without
    /// overlapping it; a rolling span must be whole months.
    /// - Throws: `RequestError` saying which.
    public func check() throws(RequestError) {
      switch self {
      case .split(let train, let test):
        if test.start <= train.end && train.start <= test.end {
          throw RequestError(
            "The test period \(test) overlaps the training period \(train); hot spots must be scored on incidents they were not chosen on."
          )
        }
        if test.end < train.start {
          throw RequestError("The test period \(test) comes before the training period \(train); it must come after.")
        }
      case .rolling(_, _, let span):
        if let span, span.wholeMonths == nil {
          throw RequestError(
            "The period '\(span)' for '--period' must be whole months with '--rolling' (like 2023-01..2024-12).")
        }
      }
    }
  }

  /// The incidents: files, columns and categories (the plan gives the periods).
  public var incidents: IncidentSource
  /// Repair invalid area polygons by the even-odd rule (`--repair`) instead of refusing them
  /// (`AreaValidity`); each change is reported among the warnings.
  public var repairAreas = false
  /// One split, or rolling origins.
  public var plan: Plan
  /// Budgets as shares (0–1) of the study area, ascending, each once.
  public var shares: [Double]
  /// Bandwidths in metres of the density methods, each once.
  public var bandwidths: [Double]
  /// Cell size in metres (the centre spacing for hexagons).
  public var cell: Double
  /// Pointy-top hexagons instead of squares.
  public var hex: Bool
  /// Grid extent in metres of the working CRS, used exactly.
  public var extent: BoundingBox?
  /// Study areas: only cells whose centre lies inside are analysed.
  public var areasFile: String?

  /// A request with the command line's defaults: budgets 1 %, 2 %, 5 %, 10 %; bandwidths 250,
  /// 400, 600 m; 150 m squares.
  public init(
    incidents: IncidentSource, plan: Plan, shares: [Double] = [0.01, 0.02, 0.05, 0.1],
    bandwidths: [Double] = [250, 400, 600],
    cell: Double = 150, hex: Bool = false, extent: BoundingBox? = nil, areasFile: String? = nil
  ) {
    self.incidents = incidents
    self.plan = plan
    self.shares = shares
    self.bandwidths = bandwidths
    self.cell = cell
    self.hex = hex
    self.extent = extent
    self.areasFile = areasFile
  }

  /// Reads the areas and incidents, lays out the cells and scores every method at every budget
  /// for each origin; `progress` hears of each origin when there are several.
  /// - Throws: `InputError` for unreadable inputs, incidents without dates or none in the span,
  ///   too few months for one origin; `RequestError` for periods out of order or a grid too large.
  public func run(progress: (String) -> Void = { _ in }) throws -> BacktestResult {
    try plan.check()
    let layer = try areasFile.map { file throws(InputError) in
      try AreaLayer.load(
        file: file, declaredCRS: incidents.declaredCRS, idField: nil, nameField: nil, repair: repairAreas)
    }
    var allPeriods = incidents
    allPeriods.filter = IncidentFilter(categories: incidents.filter.categories)
    let loaded = try IncidentInput.load(
      allPeriods, working: layer?.working, purpose: "analyse", extentFromIncidents: layer == nil && extent == nil)
    let (table, working, report, filtered, files) = (
      loaded.table, loaded.working, loaded.report, loaded.filtered, loaded.files
    )
    let fileList = files.joined(separator: ", ")
    guard let allDates = table.date else {
      throw InputError(
        file: fileList,
        reason: .other("has no date column; a backtest needs dates (name the column with --date-column)"))
    }

    // The origins, then only the incidents dated inside them.
    let dated = allDates.indices.filter { allDates[$0].packed != 0 }
    let undated = allDates.count - dated.count
    let origins = try self.origins(dates: dated.map { allDates[$0] }, file: fileList)
    guard let firstOrigin = origins.first, let lastOrigin = origins.last else {
      throw InputError(file: fileList, reason: .other("no origin to test"))
    }
    let whole = Period(start: firstOrigin.train.start, end: lastOrigin.test.end)
    let rows = dated.filter { whole.contains(allDates[$0]) }
    guard !rows.isEmpty else {
      throw InputError(file: fileList, reason: .other("no dated incident lies in \(whole)"))
    }
    let x = rows.map { table.x[$0] }
    let y = rows.map { table.y[$0] }
    let layout = try CellLayout.layout(
      cell: cell, hex: hex, extent: extent, areas: layer?.geometries,
      points: BoundingBox(x: x, y: y), hull: layer == nil && extent == nil ? ConvexHull(x: x, y: y) : nil)
    let backtest = Backtest(layout: layout, x: x, y: y, dates: rows.map { allDates[$0] })
    let methods = HotSpotMethod.standard(bandwidths: bandwidths)
    var results: [Backtest.OriginResult] = []
    for (index, origin) in origins.enumerated() {
      if origins.count > 1 {
        progress("origin \(index + 1) of \(origins.count): train \(origin.train), test \(origin.test)")
      }
      results.append(backtest.run(origin: origin, methods: methods, shares: shares))
    }

    var result = BacktestResult(
      plan: plan, layout: layout, methods: methods, shares: shares, results: results, working: working,
      report: report, filtered: filtered, undated: undated, outsideSpan: dated.count - rows.count,
      incidentsInSpan: rows.count, straddling: Self.straddling(dates: rows.map { allDates[$0] }, origins: origins),
      whole: whole,
      areasFile: areasFile, extentGiven: extent != nil, inputs: files + (layer?.source.files ?? []))
    // Whole months after the last test that no rolling origin reaches are said, not dropped silently.
    if case .rolling(_, _, let span) = plan {
      let lastTested = lastOrigin.test.end.monthIndex
      let lastMonth = span?.wholeMonths.map { $0.upperBound - 1 } ?? dated.map { allDates[$0].monthIndex }.max()
      if let lastMonth, lastMonth > lastTested {
        let period = Period(monthIndices: (lastTested + 1)..<(lastMonth + 1))
        result.recentLeftOut = (period, dated.filter { period.contains(allDates[$0]) }.count)
      }
    }
    return result
  }

  /// Incidents dated only to a month that straddles an end of a training, test or recent period
  /// (none for whole-month periods).
  static func straddling(dates: [IncidentDate], origins: [BacktestOrigin]) -> Int {
    let periods = origins.flatMap { [$0.train, $0.test, $0.recent] }.filter { $0.wholeMonths == nil }
    guard !periods.isEmpty else { return 0 }
    return dates.filter { date in periods.contains { $0.straddles(date) } }.count
  }

  /// The origins of the plan; rolling ones over the span or the months of `dates`.
  /// - Throws: `InputError` (naming `file`) when no incident has a date or the months are too few.
  public func origins(dates: [IncidentDate], file: String) throws(InputError) -> [BacktestOrigin] {
    switch plan {
    case .split(let train, let test):
      return [BacktestOrigin(train: train, test: test)]
    case .rolling(let t, let s, let span):
      let months: Range<Int>
      if let span, let whole = span.wholeMonths {
        months = whole
      } else {
        guard let first = dates.map(\.monthIndex).min(), let last = dates.map(\.monthIndex).max() else {
          throw InputError(file: file, reason: .other("no incident has a date"))
        }
        months = first..<(last + 1)
      }
      let origins = BacktestOrigin.rolling(
        firstMonth: months.lowerBound, lastMonth: months.upperBound - 1, trainMonths: t, testMonths: s)
      guard !origins.isEmpty else {
        let spanText = Period(monthIndices: months).description
        throw InputError(
          file: file,
          reason: .other(
            "the months \(spanText) (\(months.count)) are fewer than one origin needs (\(t) + \(s)); shorten '--rolling'"
          ))
      }
      return origins
    }
  }
}
