import Analyses
import Foundation
import GeoCore
import Rendering
import SpatialAnalysis
import TestSupport
import Testing

@Suite("MapRequest: a map's layers as numbers")
struct MapRequestTests {
  static let incidents = TestData.geoData("incidents-police.csv").path
  static let divisions = TestData.geoData("divisions.geojson").path

  @Test("count, Gi* and points layers: counts add up, Gi* classes as gistar's, every incident a dot")
  func layers() throws {
    let result = try MapRequest(
      areasFile: Self.divisions, incidents: IncidentSource(files: [Self.incidents]),
      layers: [.count, .gistar, .points],
      labelCount: 3
    ).run()
    #expect(result.layers.count == 3)
    #expect(result.title == "Incidents by area")
    // The map shows the 19,700 incidents in the divisions; the 202 outside them are said apart.
    #expect(result.subtitle == "19,700 incidents in 60 areas · 202 outside them")
    #expect(result.labels.count == 3)
    guard case .choropleth(let values, let breaks, _, _, _) = result.layers[0],
      case .gistar(_, let classes) = result.layers[1], case .points(let positions) = result.layers[2]
    else {
      Issue.record("unexpected layers")
      return
    }
    #expect(values.count == 60)
    #expect(breaks.count == 5)
    let counted = values.compactMap { $0 }.reduce(0, +)
    #expect(counted <= 19_902 && counted > 19_000)
    #expect(positions.map(\.1).reduce(0, +) == 19_902)
    #expect(classes.filter { $0 > 0 }.count == 7)
    #expect(classes.filter { $0 < 0 }.count == 3)
    #expect(
      result.choices.map(\.0) == [
        "working_crs", "id_field", "classes", "palette", "layer", "breaks_incidents", "gistar_neighbours",
        "gistar_tolerance_m", "gistar_p",
      ])
    #expect(result.inputs == [Self.divisions, Self.incidents])
  }

  @Test("a layer that needs incidents without any, or an unknown palette, is a RequestError")
  func invalid() {
    #expect(throws: RequestError.self) { try MapRequest(areasFile: Self.divisions).validate() }
    #expect(throws: RequestError.self) {
      try MapRequest(areasFile: Self.divisions, layers: [.field("population")], palette: "Nope").validate()
    }
  }
}
