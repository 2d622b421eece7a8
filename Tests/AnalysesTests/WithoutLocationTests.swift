import Analyses
import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis
import TestSupport
import Testing

/// Rows without a location are kept by date and category so that a run's filter applies to them
/// as to the rows it counts (issue 21, point 6).
@Suite("Rows without location, after the filters")
struct WithoutLocationTests {
  static let csv = """
    id,x,y,date,category
    1,,,2024-01-15,Burglary
    2,,,2024-02-03,Anti-social behaviour
    3,,,2024-02-20,Anti-social behaviour
    4,,,,Burglary
    5,,,2024-02,Burglary
    6,10,10,2024-02-01,Burglary
    7,20,20,2024-03-01,Anti-social behaviour

    """

  func report() throws -> IncidentReadReport {
    let folder = try TemporaryFolder()
    let file = try folder.file("incidents.csv", Self.csv)
    var options = IncidentColumnOptions()
    options.declaredCRS = .planar
    return try IncidentReader.read(files: [file], options: options).1
  }

  @Test("the reader tallies rows without location by date and category, adding up to the count")
  func tally() throws {
    let report = try report()
    #expect(report.rowsWithoutLocation == 5)
    #expect(report.withoutLocation.reduce(0) { $0 + $1.count } == 5)
    let listed = report.withoutLocation.map {
      "\($0.date.packed == 0 ? "none" : $0.date.description) \($0.category ?? "-") \($0.count)"
    }
    #expect(
      listed == [
        "none Burglary 1", "2024-01-15 Burglary 1", "2024-02 Burglary 1", "2024-02-03 Anti-social behaviour 1",
        "2024-02-20 Anti-social behaviour 1",
      ])
  }

  @Test("a filter keeps, removes and classifies them as it does located rows")
  func filtered() throws {
    let report = try report()
    let all = report.withoutLocationOutcome(IncidentFilter())
    #expect(all.kept == 5 && all.removed == 0)
    let february = try Period(text: "2024-02")
    let month = report.withoutLocationOutcome(IncidentFilter(period: february))
    // Kept: the two ASB rows and the month-only Burglary row; January is outside, one has no date.
    #expect(month.kept == 3 && month.outsidePeriod == 1 && month.noDate == 1)
    let asb = report.withoutLocationOutcome(IncidentFilter(period: february, categories: ["Anti-social behaviour"]))
    #expect(asb.kept == 2 && asb.otherCategory == 1 && asb.removed == 3)
  }
}
