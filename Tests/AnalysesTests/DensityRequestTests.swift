import Analyses
import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("DensityRequest: the kernel density surface as a library call")
struct DensityRequestTests {
  static let incidents = TestData.geoData("incidents-police.csv").path
  static let divisions = TestData.geoData("divisions.geojson").path

  @Test("without a study area the surface integrates to the number of incidents (within 0.5 %)")
  func integratesToIncidents() throws {
    let result = try DensityRequest(incidents: IncidentSource(files: [Self.incidents]), cell: 250).run()
    #expect(result.incidents == 19_902)
    #expect(result.filtered.kept == result.incidents)
    #expect(result.report.dataRows == result.incidents + result.report.rowsWithoutLocation + result.report.skippedRows)
    #expect(abs(result.mass - Double(result.incidents)) / Double(result.incidents) < 0.005)
    #expect(result.density.allSatisfy { $0 != nil })
    #expect(result.regions.isEmpty)
    #expect(result.working == .britishNationalGrid)
    #expect(result.choices.first?.0 == "working_crs")
    #expect(result.inputs == [Self.incidents])
  }

  @Test("with the divisions: cells outside are no-data, the top 1 % gives regions holding their share")
  func studyAreaAndRegions() throws {
    let result = try DensityRequest(
      incidents: IncidentSource(files: [Self.incidents]), areasFile: Self.divisions, cell: 250,
      regions: .top(share: 0.01)
    ).run()
    #expect(result.grid.columns == 223 && result.grid.rows == 172)
    #expect(result.density.contains { $0 == nil })
    #expect(result.regions.count == 6)
    #expect(result.mass < Double(result.incidents))
    let selected = result.regions.map(\.cells.count).reduce(0, +)
    let withData = result.density.compactMap { $0 }.count
    #expect(abs(Double(selected) / Double(withData) - 0.01) < 0.001)
    #expect(result.inputs == [Self.incidents, Self.divisions])
  }

  @Test("edge correction without a study area is a RequestError")
  func edgeCorrectNeedsAreas() {
    #expect(throws: RequestError.self) {
      try DensityRequest(incidents: IncidentSource(files: [Self.incidents]), edgeCorrect: true).run()
    }
  }
}
