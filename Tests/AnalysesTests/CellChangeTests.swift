import Analyses
import Foundation
import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis
import TestSupport
import Testing

@Suite("CellChange: per-cell change between two periods, with density, gistar cells and the map")
struct CellChangeTests {
  static let year2024 = try! Period(text: "2024")
  static let year2023 = try! Period(text: "2023")

  /// p-values by scipy.stats.binomtest(n1, n1 + n2, t1 / (t1 + t2)).pvalue (scipy 1.17.1), computed
  /// once: (n1, t1 months, n2, t2 months, p).
  static let scipy: [(Int, Int, Int, Int, Double)] = [
    (12, 12, 4, 12, 0.076812744140625), (0, 12, 5, 12, 0.0625), (3, 12, 3, 12, 1.0),
    (20, 12, 8, 12, 0.03569813817739487), (1, 12, 0, 12, 1.0), (10, 6, 30, 12, 0.31586101281279244),
    (30, 6, 30, 12, 0.008721507384379601),
  ]

  @Test("hand-made counts: change, percent, per month and the exact p equal scipy's binomtest")
  func handMadeCounts() throws {
    let change = CellChange(
      period: Self.year2024, baselinePeriod: Self.year2023, current: [12, 0, 3, 20, 1, nil],
      baseline: [4, 5, 3, 8, 0, nil], areCounts: true)
    #expect((0..<6).map { change.change($0) } == [8, -5, 0, 12, 1, nil])
    #expect(change.changePercent(0) == 200 && change.changePercent(1) == -100 && change.changePercent(4) == nil)
    #expect(!change.comparesPerMonth)
    #expect(abs((change.changePerMonth(0) ?? 0) - 8.0 / 12) < 1e-15)
    for (k, reference) in Self.scipy.prefix(5).enumerated() {
      let p = try #require(change.pValue(k))
      #expect(abs(p - reference.4) <= 1e-12 * max(1, reference.4), "cell \(k)")
    }
    #expect(change.pValue(5) == nil)
    #expect(change.totals == (36, 20))
  }

  @Test("periods of unequal length: p with months as exposures, the change and its percent per month")
  func unequalPeriods() throws {
    let half = try Period(text: "2024-01..2024-06")
    #expect(half.dayCount == 182)
    let change = CellChange(
      period: half, baselinePeriod: Self.year2023, current: [10, 30], baseline: [30, 30], areCounts: true)
    #expect(half.months == 6 && Self.year2023.months == 12)
    // 30 a half-year is 5 a month against 2.5: +100 % per month, where the totals are equal.
    #expect(change.changePercent(1) == 100)
    #expect(change.comparesPerMonth)
    #expect(change.change(1) == 0)
    #expect(change.changePerMonth(1) == 30.0 / 6 - 30.0 / 12)
    #expect(change.shownChange(0) == 10.0 / 6 - 30.0 / 12)
    for (k, reference) in Self.scipy.suffix(2).enumerated() {
      let p = try #require(change.pValue(k))
      #expect(abs(p - reference.4) <= 1e-12, "cell \(k)")
    }
    let densities = CellChange(
      period: half, baselinePeriod: Self.year2023, current: [1.5], baseline: [0.5], areCounts: false)
    #expect(densities.pValue(0) == nil)
  }

  /// Incidents in three 100 m cells along a row (BNG, south-west corner 400000, 500000): in 2024
  /// 12, 0 and 20; in 2023 4, 5 and 8; and 7 in 2022 that neither period holds.
  static func incidents() -> IncidentTable {
    var table = IncidentTable(crs: .britishNationalGrid)
    table.date = []
    func add(_ n: Int, cell: Int, year: Int) {
      for i in 0..<n {
        table.x.append(400_000 + 100 * Double(cell) + 10 + Double(i % 8) * 10)
        table.y.append(500_010 + Double(i / 8) * 10)
        table.date?.append(IncidentDate(year: year, month: 1 + i % 12)!)
      }
    }
    add(12, cell: 0, year: 2024)
    add(20, cell: 2, year: 2024)
    add(4, cell: 0, year: 2023)
    add(5, cell: 1, year: 2023)
    add(8, cell: 2, year: 2023)
    add(7, cell: 1, year: 2022)
    return table
  }

  @Test("gistar over cells with a baseline: each cell's counts in both periods on the same cells, p as scipy's")
  func gistarCells() throws {
    let source = IncidentSource(table: Self.incidents(), filter: IncidentFilter(period: Self.year2024))
    let features = FeatureSource(
      incidents: source, cell: 100, extent: BoundingBox(minX: 400_000, minY: 500_000, maxX: 400_300, maxY: 500_100))
    let result = try GistarRequest(features: features, baselinePeriod: Self.year2023).run()
    let change = try #require(result.change)
    #expect(change.current == [12, 0, 20])
    #expect(change.baseline == [4, 5, 8])
    #expect(change.count == result.features.values.count)
    for (k, reference) in [Self.scipy[0], Self.scipy[1], Self.scipy[3]].enumerated() {
      #expect(abs((change.pValue(k) ?? -1) - reference.4) <= 1e-12, "cell \(k)")
    }
    #expect(result.choices.contains { $0.0 == "baseline_incidents_in_cells" && $0.1 == .number(17) })
  }

  @Test("patrol with a baseline: the same cells counted in both periods")
  func patrolCells() throws {
    let source = IncidentSource(table: Self.incidents(), filter: IncidentFilter(period: Self.year2024))
    let result = try PatrolRequest(
      incidents: source, cell: 100, extent: BoundingBox(minX: 400_000, minY: 500_000, maxX: 400_300, maxY: 500_100),
      baselinePeriod: Self.year2023
    ).run()
    let change = try #require(result.change)
    #expect(result.counts == [12, 0, 20])
    #expect(change.baseline == [4, 5, 8])
    #expect(result.chosen == [2, 0])
    #expect(abs((change.pValue(2) ?? -1) - Self.scipy[3].4) <= 1e-12)
    #expect(result.baselineOutside == 0)
    let noPeriod = PatrolRequest(incidents: IncidentSource(table: Self.incidents()), baselinePeriod: Self.year2023)
    #expect(throws: RequestError.self) { try noPeriod.run() }
  }

  @Test("a baseline without a period, or over areas, is a RequestError")
  func invalid() {
    let table = Self.incidents()
    let noPeriod = FeatureSource(incidents: IncidentSource(table: table), cell: 100)
    #expect(throws: RequestError.self) {
      try GistarRequest(features: noPeriod, baselinePeriod: Self.year2023).validate()
    }
    let areas = FeatureSource(
      areasFile: TestData.geoData("divisions.geojson").path,
      incidents: IncidentSource(table: table, filter: IncidentFilter(period: Self.year2024)))
    #expect(throws: RequestError.self) { try GistarRequest(features: areas, baselinePeriod: Self.year2023).validate() }
    #expect(throws: RequestError.self) {
      try DensityRequest(incidents: IncidentSource(table: table), baselinePeriod: Self.year2023).validate()
    }
  }

  @Test("density with a baseline: both surfaces on one grid and bandwidth; the change is their difference")
  func density() throws {
    let extent = BoundingBox(minX: 399_500, minY: 499_500, maxX: 400_800, maxY: 500_600)
    let table = Self.incidents()
    let result = try DensityRequest(
      incidents: IncidentSource(table: table, filter: IncidentFilter(period: Self.year2024)), bandwidth: 200,
      cell: 50, extent: extent, baselinePeriod: Self.year2023
    ).run()
    let change = try #require(result.change)
    #expect(result.baselineIncidents == 17)
    #expect(change.current == result.density)
    // The baseline alone, on the same grid, is the baseline column.
    let alone = try DensityRequest(
      incidents: IncidentSource(table: table, filter: IncidentFilter(period: Self.year2023)), bandwidth: 200,
      cell: 50, extent: extent
    ).run()
    #expect(alone.grid == result.grid)
    #expect(change.baseline == alone.density)
    let k = try #require(result.density.indices.max { (change.change($0) ?? 0) < (change.change($1) ?? 0) })
    #expect(change.change(k) == (result.density[k] ?? 0) - (alone.density[k] ?? 0))
    // Each surface holds its incidents (the grid reaches a bandwidth past them).
    #expect(abs(alone.mass - 17) < 0.01 && abs(result.mass - 32) < 0.01)
    #expect(result.choices.contains { $0.0 == "baseline_period" && $0.1 == .string("2023-01..2023-12") })
  }

  @Test("the change layer: one grid for both periods, classes symmetric about 0, needs both periods")
  func mapLayer() throws {
    let divisions = TestData.geoData("divisions.geojson").path
    let incidents = IncidentSource(
      files: [TestData.geoData("incidents-police.csv").path], filter: IncidentFilter(period: Self.year2024))
    let result = try MapRequest(
      areasFile: divisions, incidents: incidents, layers: [.change], baselinePeriod: Self.year2023
    ).run()
    guard case .change(let bands, let bounds, let heading, _) = result.layers[0] else {
      Issue.record("no change layer")
      return
    }
    #expect(heading == "Change per km²")
    #expect(bounds.count == 4 && bounds == bounds.sorted() && bounds[0] > 0)
    #expect(bands.allSatisfy { $0.classIndex >= 0 && $0.classIndex < 7 })
    #expect(bands.contains { $0.classIndex == 3 })
    #expect(result.subtitle.hasPrefix("2024-01..2024-12 against 2023-01..2023-12"))
    #expect(
      result.choices.contains {
        $0.0 == "change_units" && $0.1 == .string("incidents per km², 2024-01..2024-12 minus 2023-01..2023-12")
      })
    #expect(throws: RequestError.self) {
      try MapRequest(areasFile: divisions, incidents: incidents, layers: [.change]).validate()
    }
  }
}
