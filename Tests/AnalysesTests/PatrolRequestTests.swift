import Analyses
import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis
import TestSupport
import Testing

@Suite("PatrolRequest: cells for hot-spot patrols")
struct PatrolRequestTests {
  static let incidents = IncidentSource(files: [TestData.geoData("incidents-police.csv").path])

  @Test("--coverage 25%: the fewest leading cells holding at least a quarter; shares and accounting add up")
  func coverage() throws {
    let result = try PatrolRequest(incidents: Self.incidents, rule: .coverage(0.25)).run()
    let chosen = result.chosen
    #expect(!chosen.isEmpty)
    #expect(result.incidentShare >= 0.25)
    // Cumulative shares: the chosen cells' counts add up to the share of the total.
    let counts = chosen.map { result.counts[$0] }
    #expect(abs(counts.reduce(0, +) / result.total - result.incidentShare) < 1e-12)
    // The fewest: without the last cell the share falls below 25 %.
    #expect(counts.dropLast().reduce(0, +) / result.total < 0.25)
    // Best first.
    #expect(zip(counts, counts.dropFirst()).allSatisfy { $0 >= $1 })
    // Every incident read is in the cells or outside them.
    #expect(Int(result.total) + result.outside == result.incidentsRead)
    #expect(result.counts.reduce(0, +) == result.total)
    #expect(result.areaShare == Double(chosen.count) / Double(result.layout.count))
    #expect(result.layout.cellSize == 150)
    #expect(result.working == .britishNationalGrid)
    #expect(result.ruleGiven)
    #expect(result.choices.first?.0 == "working_crs")
    #expect(result.inputs == [TestData.geoData("incidents-police.csv").path])
  }

  @Test("by default the 20 leading cells, the rule recorded as the default")
  func defaultTop() throws {
    let result = try PatrolRequest(incidents: Self.incidents).run()
    #expect(result.chosen.count == PatrolRequest.defaultTop)
    #expect(!result.ruleGiven)
    #expect(result.ruleDescription == "the 20 leading cells (the default, --top 20)")
  }

  @Test("a ranking that disagrees with its options is a request error, before anything is read")
  func rankingChecks() throws {
    let missing = IncidentSource(files: ["/nonexistent/incidents.csv"])
    #expect(throws: RequestError.self) { try PatrolRequest(incidents: missing, rankBy: .harm).run() }
    #expect(throws: RequestError.self) { try PatrolRequest(incidents: missing, bandwidth: 300).run() }
    #expect(throws: RequestError.self) {
      try PatrolRequest(incidents: missing, rankBy: .count, harmFile: "harm.json").run()
    }
  }
}
