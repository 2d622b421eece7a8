import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Backtest: origins, methods and the whole run")
struct BacktestTests {
  static func month(_ year: Int, _ month: Int) -> Int { year * 12 + month - 1 }

  static func period(_ start: String, _ end: String) throws -> Period {
    func date(_ text: String) throws -> IncidentDate {
      let parts = text.split(separator: "-").compactMap { Int($0) }
      return try #require(IncidentDate(year: parts[0], month: parts[1], day: parts[2]))
    }
    return Period(start: try date(start), end: try date(end))
  }

  @Test("rolling 6:1 over a year gives 6 origins testing July to December, each training on the 6 months before")
  func rollingMonthly() {
    let origins = BacktestOrigin.rolling(
      firstMonth: Self.month(2023, 1), lastMonth: Self.month(2023, 12), trainMonths: 6, testMonths: 1)
    #expect(origins.map(\.test.description) == ["2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12"])
    #expect(
      origins.map(\.train.description) == [
        "2023-01..2023-06", "2023-02..2023-07", "2023-03..2023-08", "2023-04..2023-09", "2023-05..2023-10",
        "2023-06..2023-11",
      ])
    #expect(origins.map(\.recent.description) == ["2023-06", "2023-07", "2023-08", "2023-09", "2023-10", "2023-11"])
  }

  @Test("rolling 3:2 slides by 2 months; test periods tile the span without overlap; a short span gives none")
  func rollingSlide() {
    let origins = BacktestOrigin.rolling(
      firstMonth: Self.month(2023, 1), lastMonth: Self.month(2023, 12), trainMonths: 3, testMonths: 2)
    #expect(
      origins.map(\.train.description) == [
        "2023-01..2023-03", "2023-03..2023-05", "2023-05..2023-07", "2023-07..2023-09",
      ])
    #expect(
      origins.map(\.test.description) == [
        "2023-04..2023-05", "2023-06..2023-07", "2023-08..2023-09", "2023-10..2023-11",
      ])
    #expect(
      origins.map(\.recent.description) == [
        "2023-02..2023-03", "2023-04..2023-05", "2023-06..2023-07", "2023-08..2023-09",
      ])
    // Across a year end.
    let december = BacktestOrigin.rolling(
      firstMonth: Self.month(2023, 11), lastMonth: Self.month(2024, 2), trainMonths: 2, testMonths: 1)
    #expect(december.map(\.test.description) == ["2024-01", "2024-02"])
    #expect(
      BacktestOrigin.rolling(
        firstMonth: Self.month(2023, 1), lastMonth: Self.month(2023, 6), trainMonths: 6, testMonths: 1
      ).isEmpty)
  }

  @Test(
    "the recent stretch is the end of training as long as the test: months, days across 29 February, or all of training"
  )
  func recentStretch() throws {
    let nineMonths = BacktestOrigin(
      train: try Self.period("2024-01-01", "2024-09-30"), test: try Self.period("2024-10-01", "2024-12-31"))
    #expect(nineMonths.recent.description == "2024-07..2024-09")
    let days = BacktestOrigin(
      train: try Self.period("2024-01-01", "2024-03-02"), test: try Self.period("2024-03-03", "2024-03-12"))
    #expect(days.recent.description == "2024-02-22..2024-03-02")
    #expect(days.recent.dayCount == 10)
    let fortnight = BacktestOrigin(
      train: try Self.period("2024-01-01", "2024-03-31"), test: try Self.period("2024-04-01", "2024-04-14"))
    #expect(fortnight.recent.description == "2024-03-18..2024-03-31")
    let longTest = BacktestOrigin(
      train: try Self.period("2024-01-01", "2024-01-31"), test: try Self.period("2024-02-01", "2024-05-31"))
    #expect(longTest.recent == longTest.train)
  }

  // MARK: - A tiny grid

  /// 4 × 2 cells of 100 m from (0, 0): cells 0–3 on the south row, 4–7 on the north row.
  static let layout = CellLayout(
    cellSize: 100, hexagons: false, extent: BoundingBox(minX: 0, minY: 0, maxX: 400, maxY: 200), areaBounds: nil,
    pointBounds: .empty, inside: nil)

  /// January: 3 in cell 0, 1 in cell 3; February: 2 in cell 5; March (test): 1 in cell 0, 2 in
  /// cell 5, 1 in cell 6, and 1 beyond the grid.
  static let incidents: [(x: Double, y: Double, date: IncidentDate)] = {
    func d(_ month: Int, _ day: Int) -> IncidentDate { IncidentDate(year: 2024, month: month, day: day)! }
    return [
      (50, 50, d(1, 3)), (20, 30, d(1, 9)), (90, 10, d(1, 20)), (350, 50, d(1, 31)),
      (150, 150, d(2, 1)), (120, 180, d(2, 29)),
      (50, 50, d(3, 1)), (150, 150, d(3, 2)), (160, 110, d(3, 15)), (250, 150, d(3, 31)), (900, 900, d(3, 5)),
    ]
  }()

  static func backtest(order: [Int]? = nil) -> Backtest {
    let rows = order ?? Array(incidents.indices)
    return Backtest(
      layout: layout, x: rows.map { incidents[$0].x }, y: rows.map { incidents[$0].y },
      dates: rows.map { incidents[$0].date })
  }

  @Test("count and previous on the tiny grid: hit rate, PAI, PEI, RRI and ties as computed by hand")
  func handComputedRun() throws {
    let origin = BacktestOrigin(
      train: try Self.period("2024-01-01", "2024-02-29"), test: try Self.period("2024-03-01", "2024-03-31"))
    #expect(origin.recent.description == "2024-02")
    let result = Self.backtest().run(origin: origin, methods: [.count, .previous], shares: [0.1, 0.25, 0.5])
    #expect(result.emptyBudgets == [0.1])  // ⌊0.8⌋ = 0 cells
    #expect(result.test.total == 4 && result.test.outside == 1 && result.train.total == 6)
    #expect(
      result.rows.map { "\($0.method.name) \($0.share) \($0.score.selectedCells)" } == [
        "count 0.25 2", "count 0.5 4", "previous 0.25 2", "previous 0.5 4",
      ])
    func check(_ row: Backtest.Row, n: Double, pai: Double, pei: Double, n1: Double, rri: Double, tied: Int) throws {
      #expect(row.score.captured == n, "\(row.method.name) \(row.share)")
      #expect(isClose(try #require(row.score.hitRate), n / 4, tolerance: 1e-12))
      #expect(isClose(try #require(row.score.pai), pai, tolerance: 1e-12))
      #expect(isClose(try #require(row.score.pei), pei, tolerance: 1e-12))
      #expect(row.score.trainCaptured == n1)
      #expect(isClose(try #require(row.score.rri), rri, tolerance: 1e-12))
      #expect(row.score.tiedLeftOut == tied, "\(row.method.name) \(row.share)")
    }
    // count ranks 0 (3), 5 (2), 3 (1), then the empty cells 1, 2, 4, 6, 7 in grid order.
    // 2 cells {0, 5}: 3 of 4 test incidents; PAI 0.75/0.25 = 3; the best 2 cells hold 3; RRI (3/4)/(5/6) = 0.9.
    try check(result.rows[0], n: 3, pai: 3, pei: 1, n1: 5, rri: 0.9, tied: 0)
    // 4 cells {0, 5, 3, 1}: 3 of 4; PAI 1.5; the best 4 hold 4; RRI 0.75/1; cells 2, 4, 6, 7 tie with cell 1 at 0.
    try check(result.rows[1], n: 3, pai: 1.5, pei: 0.75, n1: 6, rri: 0.75, tied: 4)
    // previous (February only) ranks 5, then 0, 1, 2, 3, 4, 6, 7.
    try check(result.rows[2], n: 3, pai: 3, pei: 1, n1: 5, rri: 0.9, tied: 6)
    // 4 cells {5, 0, 1, 2}: 3 of 4; training held 2 + 3 of 6.
    try check(result.rows[3], n: 3, pai: 1.5, pei: 0.75, n1: 5, rri: 0.9, tied: 4)
  }

  @Test(
    "density scores are the quartic sum at each centre from every training incident (brute force); Gi* is hotspot gistar's z"
  )
  func densityAndGistar() throws {
    let origin = BacktestOrigin(
      train: try Self.period("2024-01-01", "2024-02-29"), test: try Self.period("2024-03-01", "2024-03-31"))
    let backtest = Self.backtest()
    let train = backtest.incidents(in: origin.train)
    let recent = backtest.incidents(in: origin.recent)
    let h = 150.0
    let density = backtest.scores(.density(bandwidth: h), train: train, recent: recent)
    for k in 0..<Self.layout.count {
      let c = Self.layout.centre(of: k)
      var sum = 0.0
      for incident in Self.incidents where origin.train.contains(incident.date) {
        let d2 = (incident.x - c.x) * (incident.x - c.x) + (incident.y - c.y) * (incident.y - c.y)
        if d2 < h * h { sum += 3 / (Double.pi * h * h) * (1 - d2 / (h * h)) * (1 - d2 / (h * h)) }
      }
      #expect(isClose(density[k], sum * 1e6, tolerance: 1e-9 * max(1, sum * 1e6)), "cell \(k)")
    }
    let z = backtest.scores(.gistar, train: train, recent: recent)
    let direct = GetisOrdGiStar.compute(
      values: [3, 0, 0, 1, 0, 2, 0, 0],
      weights: SpatialWeights.gridBand(
        grid: SquareGrid(minX: 0, minY: 0, cellSize: 100, columns: 4, rows: 2), cells: Array(0..<8))
    ).z
    #expect(z == direct)
    #expect(backtest.scores(.count, train: train, recent: recent) == [3, 0, 0, 1, 0, 2, 0, 0])
    #expect(backtest.scores(.previous, train: train, recent: recent) == [0, 0, 0, 0, 0, 2, 0, 0])
  }

  @Test("the same incidents in another order give the same rows")
  func orderIndependent() throws {
    let origin = BacktestOrigin(
      train: try Self.period("2024-01-01", "2024-02-29"), test: try Self.period("2024-03-01", "2024-03-31"))
    let methods = HotSpotMethod.standard(bandwidths: [120, 300])
    let a = Self.backtest().run(origin: origin, methods: methods, shares: [0.25, 0.5, 1])
    let b = Self.backtest(order: Array(Self.incidents.indices.reversed())).run(
      origin: origin, methods: methods, shares: [0.25, 0.5, 1])
    #expect(a.rows == b.rows)
    #expect(a.rows.count == 5 * 3)
    // The whole study area captures every test incident: hit rate 1, PAI 1, PEI 1, whatever the method.
    for row in a.rows where row.share == 1 {
      #expect(row.score.hitRate == 1 && row.score.pai == 1 && row.score.pei == 1)
    }
  }

  @Test("a test period without incidents leaves hit rate, PAI and PEI undefined")
  func emptyTest() throws {
    let origin = BacktestOrigin(
      train: try Self.period("2024-01-01", "2024-02-29"), test: try Self.period("2024-04-01", "2024-04-30"))
    let result = Self.backtest().run(origin: origin, methods: [.count], shares: [0.5])
    let score = try #require(result.rows.first?.score)
    #expect(score.testIncidents == 0)
    #expect(score.hitRate == nil && score.pai == nil && score.pei == nil && score.rri == nil)
  }

  @Test("hexagons: density at their centres matches the brute-force sum, and counts fall in the nearest hexagon")
  func hexagons() throws {
    let layout = CellLayout(
      cellSize: 100, hexagons: true, extent: BoundingBox(minX: 0, minY: 0, maxX: 400, maxY: 200), areaBounds: nil,
      pointBounds: .empty, inside: nil)
    let xs = Self.incidents.map(\.x)
    let ys = Self.incidents.map(\.y)
    let backtest = Backtest(layout: layout, x: xs, y: ys, dates: Self.incidents.map(\.date))
    let origin = BacktestOrigin(
      train: try Self.period("2024-01-01", "2024-02-29"), test: try Self.period("2024-03-01", "2024-03-31"))
    let train = backtest.incidents(in: origin.train)
    #expect(train.total + Double(train.outside) == 6)
    let density = backtest.scores(.density(bandwidth: 180), train: train, recent: backtest.incidents(in: origin.recent))
    for k in 0..<layout.count {
      let c = layout.centre(of: k)
      var sum = 0.0
      for incident in Self.incidents where origin.train.contains(incident.date) {
        sum += Kernel.quartic.value(
          squaredDistance: (incident.x - c.x) * (incident.x - c.x) + (incident.y - c.y) * (incident.y - c.y),
          bandwidth: 180)
      }
      #expect(isClose(density[k], sum * 1e6, tolerance: 1e-9 * max(1, sum * 1e6)), "hexagon \(k)")
    }
    // (50, 50) lies nearest the centre (50, 86.6) of row 1, column 0.
    let cell = try #require(layout.cell(of: Point(x: 50, y: 50)))
    #expect(layout.centre(of: cell).x == 50)
    #expect(train.counts[cell] >= 1)
  }

  @Test("rolling summary: mean, sample standard deviation, minimum and maximum over origins")
  func spread() throws {
    let spread = try #require(BacktestSummary.Spread([2, 4, 6]))
    #expect(spread.count == 3 && spread.mean == 4 && spread.minimum == 2 && spread.maximum == 6)
    #expect(isClose(try #require(spread.standardDeviation), 2, tolerance: 1e-12))
    let one = try #require(BacktestSummary.Spread([7]))
    #expect(one.standardDeviation == nil && one.mean == 7)
    #expect(BacktestSummary.Spread([]) == nil)
  }

  @Test("rolling 1:1 over the tiny grid: two origins, the summary averages their PAI")
  func rollingSummary() throws {
    let origins = BacktestOrigin.rolling(
      firstMonth: Self.month(2024, 1), lastMonth: Self.month(2024, 3), trainMonths: 1, testMonths: 1)
    #expect(origins.count == 2)
    let backtest = Self.backtest()
    let results = origins.map { backtest.run(origin: $0, methods: [.count], shares: [0.25]) }
    // January's hot spots {0, 3} miss February's 2 incidents in cell 5: PAI 0, RRI 0.
    #expect(results[0].rows[0].score.pai == 0 && results[0].rows[0].score.rri == 0)
    // February's {5, 0} hold 3 of March's 4: PAI 3; RRI (3/4)/(2/2).
    #expect(results[1].rows[0].score.pai == 3)
    let row = try #require(BacktestSummary(results).rows.first)
    let pai = try #require(row.pai)
    #expect(row.origins == 2 && pai.mean == 1.5 && pai.minimum == 0 && pai.maximum == 3)
    #expect(isClose(try #require(pai.standardDeviation), 4.5.squareRoot(), tolerance: 1e-12))
    #expect(isClose(try #require(row.rri?.mean), 0.375, tolerance: 1e-12))
  }
}
