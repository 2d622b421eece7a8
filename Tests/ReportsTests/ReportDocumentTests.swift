import Analyses
import Foundation
import GeoCore
import GeoIO
import Reports
import SpatialAnalysis
import TestSupport
import Testing

@Suite("ReportRequest and its HTML document")
struct ReportDocumentTests {
  @Test(
    "the 2024 ASB report: three maps and the emerging map, the ranked table cut to top, patrol cells, counts that agree with count"
  )
  func sampleReport() throws {
    let divisions = TestData.geoData("divisions.geojson").path
    let incidents = IncidentSource(
      files: [TestData.geoData("incidents-police.csv").path],
      filter: IncidentFilter(
        period: Period(
          firstMonth: try #require(IncidentDate(year: 2024, month: 1)),
          lastMonth: try #require(IncidentDate(year: 2024, month: 12))),
        categories: ["Anti-social behaviour"]))
    let count = CountRequest(areasFile: divisions, incidents: incidents, populationField: "population")
    let request = ReportRequest(
      count: count, map: MapRequest(areasFile: divisions, incidents: incidents), title: "ASB 2024", top: 5)
    let result = try request.run()
    let counted = try count.run()
    #expect(result.count.tally.counts == counted.tally.counts)
    #expect(result.maps.map { $0.layer } == ReportRequest.mapLayers)
    #expect(result.patrol?.selection.count == ReportRequest.patrolCells)
    let html = result.html()
    #expect(html.components(separatedBy: "<svg").count - 1 == 4)
    #expect(html.contains("<title>ASB 2024</title>"))
    #expect(html.contains("The 5 areas with the most incidents"))
    #expect(!html.contains("<script"))
  }
}
