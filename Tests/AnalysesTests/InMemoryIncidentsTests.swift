import Analyses
import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Incidents a program already holds give the same results as their file")
struct InMemoryIncidentsTests {
  let divisions = TestData.geoData("divisions.geojson").path
  let file = TestData.geoData("incidents-police.csv").path

  func sources() throws -> (file: IncidentSource, memory: IncidentSource) {
    let filter = IncidentFilter(period: try Period(text: "2024"), categories: ["Anti-social behaviour"])
    let (table, _) = try IncidentReader.read(files: [file], options: IncidentColumnOptions())
    return (IncidentSource(files: [file], filter: filter), IncidentSource(table: table, filter: filter))
  }

  @Test("count: the same counts per area and the same filtering; no file recorded as an input")
  func count() throws {
    let (fromFile, fromMemory) = try sources()
    let a = try CountRequest(areasFile: divisions, incidents: fromFile).run()
    let b = try CountRequest(areasFile: divisions, incidents: fromMemory).run()
    #expect(a.tally.counts == b.tally.counts)
    #expect(a.tally.outside == b.tally.outside)
    #expect(a.filtered.kept == b.filtered.kept)
    #expect(b.inputs == [divisions])
    #expect(b.report.files == [IncidentSource.inMemoryName])
  }

  @Test("density and patrol: the same surface and the same cells")
  func densityAndPatrol() throws {
    let (fromFile, fromMemory) = try sources()
    let a = try DensityRequest(incidents: fromFile, areasFile: divisions, bandwidth: 400, cell: 200).run()
    let b = try DensityRequest(incidents: fromMemory, areasFile: divisions, bandwidth: 400, cell: 200).run()
    #expect(a.density == b.density)
    let p = try PatrolRequest(incidents: fromFile, areasFile: divisions, rule: .top(10)).run()
    let q = try PatrolRequest(incidents: fromMemory, areasFile: divisions, rule: .top(10)).run()
    #expect(p.chosen == q.chosen)
    #expect(p.counts == q.counts)
  }

  @Test("a category the table does not hold is refused as for a file")
  func unknownCategory() throws {
    let (table, _) = try IncidentReader.read(files: [file], options: IncidentColumnOptions())
    let source = IncidentSource(table: table, filter: IncidentFilter(categories: ["anti-social behaviour"]))
    #expect(throws: InputError.self) { try CountRequest(areasFile: divisions, incidents: source).run() }
  }
}
