import Analyses
import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis
import TestSupport
import Testing

@Suite("CoverRequest: coverage of sites and new sites")
struct CoverRequestTests {
  static let incidents = IncidentSource(files: [TestData.geoData("incidents-police.csv").path])
  static let sites = TestData.geoData("cctv-sites.csv").path

  @Test("the cameras of cctv-sites.csv cover some incidents; three new sites add to it, greedily")
  func camerasAndNewSites() throws {
    let result = try CoverRequest(incidents: Self.incidents, sitesFile: Self.sites, radius: 150, add: 3).run()
    let covering = result.covering
    #expect(result.existingSites?.count ?? 0 > 0)
    #expect(covering.initiallyCovered > 0)
    #expect(covering.initiallyCovered < result.incidents)
    #expect(covering.selections.count == 3)
    // Gains add up to the cumulative counts and the total; greedy gains never grow.
    var cumulative = covering.initiallyCovered
    for selection in covering.selections {
      cumulative += selection.gain
      #expect(selection.cumulative == cumulative)
    }
    #expect(cumulative == result.totalCovered)
    let gains = covering.selections.map(\.gain)
    #expect(zip(gains, gains.dropFirst()).allSatisfy { $0 >= $1 })
    #expect(covering.upperBound >= covering.gained)
    #expect(result.labels.count == 3)
    #expect(result.inputs.contains(Self.sites))
    let total = try #require(result.choices.first { $0.0 == "total_covered" }?.1)
    #expect(total == .number(Double(result.totalCovered)))
  }

  @Test("neither sites nor sites to add is a request error")
  func nothingToDo() throws {
    #expect(throws: RequestError.self) { try CoverRequest(incidents: Self.incidents, radius: 150).run() }
  }
}
