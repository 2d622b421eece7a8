import Analyses
import Foundation
import GeoCore
import GeoIO
import Rendering
import Reports
import SpatialAnalysis
import TestSupport
import Testing

@Suite("CountTables: a count's area table")
struct CountTablesTests {
  @Test("2024 ASB per division: rate_per_1000 is count / population × 1000, per_km2 count / area_km2")
  func rates() throws {
    let start = try #require(IncidentDate(year: 2024, month: 1))
    let end = try #require(IncidentDate(year: 2024, month: 12))
    let period = try #require(Period(firstMonth: start, lastMonth: end))
    let result = try CountRequest(
      areasFile: TestData.geoData("divisions.geojson").path,
      incidents: IncidentSource(
        files: [TestData.geoData("incidents-police.csv").path],
        filter: IncidentFilter(period: period, categories: ["Anti-social behaviour"])),
      populationField: "population"
    ).run()
    let table = result.areaTable
    #expect(
      table.columns.map(\.name) == [
        "area_id", "area_name", "count", "population", "rate_per_1000", "area_km2", "per_km2",
      ])
    #expect(table.rows.count == 60)
    let population = result.layer.property("population").map { $0?.number }
    for (area, row) in table.rows.enumerated() {
      guard case .integer(let count) = row[2], case .number(let rate, let digits) = row[4] else {
        Issue.record("row \(area): \(row)")
        continue
      }
      #expect(count == result.tally.counts[area])
      #expect(digits == 4)
      let people = try #require(population[area])
      #expect(abs(rate - Double(count) / people * 1000) < 1e-9)
    }
    #expect(result.summaryText.hasPrefix("rows"))
    #expect(result.markdown().contains("| area_id |"))
  }
}
