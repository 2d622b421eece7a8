import Analyses
import Foundation
import GeoCore
import GeoIO
import Rendering
import Reports
import SpatialAnalysis
import TestSupport
import Testing

@Suite("PatrolResult tables: the chosen cells as rows")
struct PatrolTablesTests {
  @Test("one row per chosen cell, best first; the last cumulative share is the incident share")
  func cellTable() throws {
    let source = IncidentSource(files: [TestData.geoData("incidents-police.csv").path])
    let result = try PatrolRequest(incidents: source, rule: .coverage(0.25), zones: true).run()
    let table = result.cellTable
    #expect(
      table.columns.map(\.name) == [
        "rank", "x", "y", "count", "share", "cumulative_share", "cumulative_area_share", "lon", "lat", "grid_ref",
        "location", "zone",
      ])
    #expect(table.rows.count == result.chosen.count)
    let csv = CSVTable.render(table).split(separator: "\r\n").map { $0.split(separator: ",").map(String.init) }
    #expect(csv.count == result.chosen.count + 1)
    #expect(csv[1][0] == "1")
    let last = try #require(Double(csv[csv.count - 1][5]))
    #expect(abs(last - result.incidentShare) < 1e-6)
    // Grid references in British National Grid, 10 figures after the two letters.
    #expect(csv[1][9].filter(\.isNumber).count == 10)
    #expect(csv[1][9].prefix(2).allSatisfy { $0.isLetter })
    let zones = try #require(result.zoneTable)
    #expect(zones.rows.count == Set(result.zoneOfChosen ?? []).count)
    // The text table leaves out x and y when grid references are given.
    #expect(!result.textTable.columns.map(\.name).contains("x"))
    #expect(result.summary.hasPrefix("cells            "))
  }
}
