import Analyses
import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Locational outliers left out of every grid derived from the incidents")
struct OutlierRunTests {
  /// 600 incidents over 6 months in a 4 km square, seeded; with `stray`, one more 300 km east
  /// on line 302 (the header is line 1).
  static func incidents(stray: Bool) -> String {
    var rng = SplitMix64(seed: 18)
    var csv = "easting,northing,month\n"
    for k in 0..<600 {
      if stray && k == 300 { csv += "700000,500000,2024-03\n" }
      // Two thirds in a 1 km core, a third over the square.
      let core = k % 3 != 0
      let x =
        400_000 + (core ? 1_500 + Double.random(in: 0..<1000, using: &rng) : Double.random(in: 0..<4000, using: &rng))
      let y =
        500_000 + (core ? 1_500 + Double.random(in: 0..<1000, using: &rng) : Double.random(in: 0..<4000, using: &rng))
      csv += "\(Int(x)),\(Int(y)),2024-0\(k % 6 + 1)\n"
    }
    return csv
  }

  @Test("backtest: grid, cells and PAI are those of the file without the stray; the accounting adds up")
  func backtest() throws {
    let folder = try TemporaryFolder()
    let with = try folder.file("with.csv", Self.incidents(stray: true))
    let without = try folder.file("without.csv", Self.incidents(stray: false))
    let plan = BacktestRequest.Plan.rolling(trainMonths: 3, testMonths: 1, span: nil)
    let a = try BacktestRequest(incidents: IncidentSource(files: [with]), plan: plan).run()
    let b = try BacktestRequest(incidents: IncidentSource(files: [without]), plan: plan).run()
    #expect(a.layout.extent == b.layout.extent)
    #expect(a.layout.count == b.layout.count)
    #expect(a.layout.rule == .hull)
    let paiA = a.results.flatMap { $0.rows.map(\.score.pai) }
    let paiB = b.results.flatMap { $0.rows.map(\.score.pai) }
    #expect(paiA == paiB)
    #expect(a.filtered.outliers == 1)
    #expect(a.filtered.kept == 600)
    #expect(a.report.rowsWithLocation == a.filtered.kept + a.filtered.outliers + a.filtered.removed)
    #expect(a.choices.contains { $0.0 == "incidents_outliers" && $0.1 == .number(1) })
    let warning = try #require(a.warnings.first { $0.contains("locational outlier") })
    #expect(warning.contains("line 302"))
    #expect(warning.contains("(700000, 500000)"))

    // --keep-outliers: the grid reaches the stray.
    var kept = IncidentSource(files: [with])
    kept.keepsOutliers = true
    let c = try BacktestRequest(incidents: kept, plan: plan, cell: 1000).run()
    #expect(c.layout.extent.maxX >= 700_000)
    #expect(c.filtered.outliers == 0)
  }

  @Test("a budget selecting fewer than 5 cells is warned about: its figures are noise")
  func tinyBudget() throws {
    let folder = try TemporaryFolder()
    let file = try folder.file("without.csv", Self.incidents(stray: false))
    let result = try BacktestRequest(
      incidents: IncidentSource(files: [file]), plan: .rolling(trainMonths: 3, testMonths: 1, span: nil),
      shares: [0.005, 0.1]
    ).run()
    let cells = Int((0.005 * Double(result.layout.count)).rounded(.down))
    #expect(cells > 0 && cells < 5)
    #expect(
      result.warnings.contains { $0.hasPrefix("budgets of 0.5") && $0.contains("fewer than 5 cells") },
      "\(result.warnings)")
  }

  @Test("patrol and density: the grid is that of the file without the stray; with --areas nothing is set aside")
  func patrolAndDensity() throws {
    let folder = try TemporaryFolder()
    let with = try folder.file("with.csv", Self.incidents(stray: true))
    let without = try folder.file("without.csv", Self.incidents(stray: false))
    let a = try PatrolRequest(incidents: IncidentSource(files: [with])).run()
    let b = try PatrolRequest(incidents: IncidentSource(files: [without])).run()
    #expect(a.layout.extent == b.layout.extent)
    #expect(a.counts == b.counts)
    #expect(a.filtered.outliers == 1)
    #expect(a.outside == 0)
    let d1 = try DensityRequest(incidents: IncidentSource(files: [with])).run()
    let d2 = try DensityRequest(incidents: IncidentSource(files: [without])).run()
    #expect(d1.setup.grid.extent == d2.setup.grid.extent)
    #expect(d1.setup.bandwidth == d2.setup.bandwidth)
    #expect(d1.filtered.outliers == 1)
    // With an extent the stray stays, outside the cells.
    let e = try PatrolRequest(
      incidents: IncidentSource(files: [with]),
      extent: BoundingBox(minX: 400_000, minY: 500_000, maxX: 404_000, maxY: 504_000)
    ).run()
    #expect(e.filtered.outliers == 0)
    #expect(e.outside == 1)
  }
}
