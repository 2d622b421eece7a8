import Analyses
import Foundation
import GeoCore
import GeoIO
import Reports
import SpatialAnalysis
import TestSupport
import Testing

@Suite("The report's emerging hot spots section")
struct ReportEmergingTests {
  static func months(_ y1: Int, _ m1: Int, _ y2: Int, _ m2: Int) throws -> Period {
    let first = try #require(IncidentDate(year: y1, month: m1))
    let last = try #require(IncidentDate(year: y2, month: m2))
    return try #require(Period(firstMonth: first, lastMonth: last))
  }

  @Test("2024 against 2023: 24 months of ASB by division, the same categories as hotspot emerging, counted and named")
  func sampleSection() throws {
    let divisions = TestData.geoData("divisions.geojson").path
    let file = TestData.geoData("incidents-police.csv").path
    let asb2024 = IncidentSource(
      files: [file],
      filter: IncidentFilter(period: try Self.months(2024, 1, 2024, 12), categories: ["Anti-social behaviour"]))
    let count = CountRequest(
      areasFile: divisions, incidents: asb2024, baselinePeriod: try Self.months(2023, 1, 2023, 12),
      populationField: "population")
    let request = ReportRequest(count: count, map: MapRequest(areasFile: divisions, incidents: asb2024), title: "ASB")
    // The section's request spans the period and the comparison period together.
    #expect(request.emergingRequest.features.incidents.filter.period == (try Self.months(2023, 1, 2024, 12)))
    let result = try request.run()
    let emerging = try #require(result.emerging)
    #expect(emerging.cube.stepCount == 24 && emerging.locationCount == 60)
    // The same as `hotspot emerging` on the same months, by hand.
    let direct = try EmergingRequest(
      features: FeatureSource(
        areasFile: divisions,
        incidents: IncidentSource(
          files: [file],
          filter: IncidentFilter(period: try Self.months(2023, 1, 2024, 12), categories: ["Anti-social behaviour"]))
      )
    ).run()
    #expect((0..<60).map(emerging.category) == (0..<60).map(direct.category))
    #expect(emerging.categoryCounts.map(\.count).reduce(0, +) == 60)
    let html = result.html()
    #expect(html.contains("<h2>Emerging hot spots</h2>"))
    #expect(html.contains("2023-01 to 2024-12 (24 months)"))
    // Every category present is a row with its count; the strongest consecutive hot spot is named.
    for (category, n) in emerging.categoryCounts where n > 0 {
      #expect(html.contains("<td>\(category.rawValue)</td>"), "\(category)")
    }
    let wexcombe = try #require(emerging.locations(in: .consecutiveHotSpot).first)
    #expect(html.contains("Wexcombe (z ") && emerging.locationName(wexcombe).hasPrefix("Wexcombe"))
    // The emerging map's legend uses the conventional colours.
    #expect(html.contains(EmergingPalette.colour(.consecutiveHotSpot)))
    #expect(html.contains(EmergingPalette.colour(.sporadicColdSpot)))
    #expect(try xmlProblems(html) == nil)
    // Its choices are recorded, prefixed.
    #expect(result.choices.contains { $0.0 == "emerging_steps" })
    #expect(result.choices.contains { $0.0 == "emerging_category_counts" })
  }

  @Test("incidents without dates: no emerging section, a sentence saying why, the rest of the report intact")
  func undated() throws {
    let folder = try TemporaryFolder()
    let divisions = TestData.geoData("divisions.geojson").path
    let incidents = try folder.file(
      "undated.csv", "easting,northing\n437650,542300\n437660,542310\n452500,537600\n428500,552000\n")
    let count = CountRequest(areasFile: divisions, incidents: IncidentSource(files: [incidents]))
    let request = ReportRequest(
      count: count, map: MapRequest(areasFile: divisions, incidents: IncidentSource(files: [incidents])))
    let result = try request.run()
    #expect(result.emerging == nil)
    let note = try #require(result.emergingNote)
    #expect(note.contains("no incident has a date"))
    let html = result.html()
    #expect(html.contains("<h2>Emerging hot spots</h2>") && html.contains("no incident has a date"))
    #expect(html.components(separatedBy: "<svg").count - 1 == 3)
  }
}
