import Analyses
import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis
import TestSupport
import Testing

@Suite("FeatureSource.load hands the incidents it counts to a visitor: one read for totals and more")
struct FeatureSourceVisitTests {
  static let incidents = IncidentSource(
    files: [TestData.geoData("incidents-police.csv").path],
    filter: IncidentFilter(categories: ["Anti-social behaviour"]))

  /// The visited incidents, located, tallied per feature.
  static func visitedTotals(_ source: FeatureSource) throws -> (AnalysisFeatures, [Double], Int) {
    var totals: [Double] = []
    var visited = 0
    let loaded = try source.load { chunk, featureCount, locate in
      if totals.isEmpty { totals = [Double](repeating: 0, count: featureCount) }
      visited += chunk.count
      for row in 0..<chunk.count {
        if let k = locate(chunk.point(row)) { totals[k] += 1 }
      }
    }
    return (loaded, totals, visited)
  }

  @Test("areas: every kept incident is visited once, and located as the counts were")
  func areas() throws {
    let (loaded, totals, visited) = try Self.visitedTotals(
      FeatureSource(areasFile: TestData.geoData("divisions.geojson").path, incidents: Self.incidents))
    #expect(visited == loaded.filtered?.kept)
    #expect(visited == 9_945)
    #expect(totals == loaded.values)
  }

  @Test("cells binned while reading: the chunks add up to the kept incidents and to the cells' counts")
  func binnedCells() throws {
    let (loaded, totals, visited) = try Self.visitedTotals(
      FeatureSource(areasFile: TestData.geoData("divisions.geojson").path, incidents: Self.incidents, cell: 500))
    #expect(visited == loaded.filtered?.kept)
    #expect(totals == loaded.values)
  }

  @Test("cells laid out from the incidents' extent: visited whole once the layout is known")
  func heldCells() throws {
    let (loaded, totals, visited) = try Self.visitedTotals(FeatureSource(incidents: Self.incidents, cell: 1000))
    #expect(visited == loaded.filtered?.kept)
    #expect(totals == loaded.values)
  }
}
