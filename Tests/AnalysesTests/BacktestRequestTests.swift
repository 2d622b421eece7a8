import Analyses
import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis
import TestSupport
import Testing

@Suite("BacktestRequest: hot spots scored on the next period")
struct BacktestRequestTests {
  /// A 4 × 2 grid of 100 m cells: January 3 in cell 0, 1 in cell 3; February 2 in cell 5;
  /// March 1 in cell 0, 2 in cell 5, 1 in cell 6, 1 beyond the grid.
  static let incidents = """
    id,easting,northing,date
    1,420050,540050,2024-01-03
    2,420020,540030,2024-01-09
    3,420090,540010,2024-01-20
    4,420350,540050,2024-01-31
    5,420150,540150,2024-02-01
    6,420120,540180,2024-02-29
    7,420050,540050,2024-03-01
    8,420150,540150,2024-03-02
    9,420160,540110,2024-03-15
    10,420250,540150,2024-03-31
    11,425000,545000,2024-03-05
    """

  static func month(_ year: Int, _ month: Int) -> Period {
    Period(firstMonth: IncidentDate(year: year, month: month)!, lastMonth: IncidentDate(year: year, month: month)!)!
  }

  @Test("by hand: count at 25 % takes cells 0 and 5, 3 of 4 test incidents, hit rate 0.75, PAI 3")
  func handComputed() throws {
    let folder = try TemporaryFolder()
    let file = try folder.file("incidents.csv", Self.incidents)
    let train = Period(
      firstMonth: IncidentDate(year: 2024, month: 1)!, lastMonth: IncidentDate(year: 2024, month: 2)!)!
    let request = BacktestRequest(
      incidents: IncidentSource(files: [file]), plan: .split(train: train, test: Self.month(2024, 3)),
      shares: [0.1, 0.25, 0.5], bandwidths: [150], cell: 100,
      extent: BoundingBox(minX: 420000, minY: 540000, maxX: 420400, maxY: 540200))
    let result = try request.run()
    #expect(result.layout.count == 8)
    #expect(result.results.count == 1)
    let origin = result.results[0]
    #expect(origin.test.total == 4)
    #expect(origin.test.outside == 1)
    #expect(origin.emptyBudgets == [0.1])
    let count = try #require(origin.rows.first { $0.method == .count && $0.share == 0.25 })
    #expect(count.score.selectedCells == 2)
    #expect(count.score.captured == 3)
    #expect(count.score.hitRate == 0.75)
    #expect(count.score.pai == 3)
    #expect(count.score.rri.map { abs($0 - 0.9) < 1e-12 } == true)
    #expect(result.warnings.contains("budgets of 10 % of 8 cells hold less than one cell and are skipped"))
    #expect(result.inputs == [file])
  }

  @Test("a test period overlapping training is a request error")
  func overlap() throws {
    let plan = BacktestRequest.Plan.split(train: Self.month(2024, 3), test: Self.month(2024, 3))
    #expect(throws: RequestError.self) { try plan.check() }
    #expect(throws: RequestError.self) {
      try BacktestRequest(incidents: IncidentSource(files: ["/nonexistent.csv"]), plan: plan).run()
    }
  }
}
