import Analyses
import Foundation
import GeoCore
import Rendering
import Reports
import TestSupport
import Testing

@Suite("Gi*, Moran and density outputs: the command line's text, from the library")
struct AutocorrelationOutputTests {
  static let incidents = TestData.geoData("incidents-police.csv").path
  static let divisions = TestData.geoData("divisions.geojson").path

  static func snapshot(_ name: String) throws -> String {
    try String(
      contentsOf: TestData.packageRoot.appendingPathComponent("Tests/HotspotCLITests/Snapshots/\(name)"),
      encoding: .utf8)
  }

  @Test("GistarResult.text and MoranResult.text are the golden outputs of gistar and moran")
  func goldenText() throws {
    let features = FeatureSource(areasFile: Self.divisions, incidents: IncidentSource(files: [Self.incidents]))
    #expect(try GistarRequest(features: features).run().text == Self.snapshot("gistar-text.txt"))
    #expect(try MoranRequest(features: features).run().text == Self.snapshot("moran-text.txt"))
  }

  @Test("DensityResult.text is the golden output of density; its CSV has one row per cell with data")
  func densityText() throws {
    let result = try DensityRequest(
      incidents: IncidentSource(files: [Self.incidents]), areasFile: Self.divisions, cell: 250,
      regions: .top(share: 0.01)
    ).run()
    #expect(result.text == (try Self.snapshot("density-text.txt")))
    #expect(try result.cellTable().rows.count == result.density.compactMap { $0 }.count)
  }

  @Test("MapResult.svg draws every layer: one dot per distinct position, Gi* legend, attribution of police.uk")
  func mapSVG() throws {
    let result = try MapRequest(
      areasFile: Self.divisions, incidents: IncidentSource(files: [Self.incidents]), layers: [.gistar]
    ).run()
    let svg = result.svg()
    #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
    #expect(svg.contains("Getis-Ord Gi*"))
    #expect(svg.contains("Hot spot, 99 % confidence"))
    #expect(svg.contains("data.police.uk"))
    let layers = MapDrawing.layers(result.layers, areas: result.areas, palette: "YlOrRd", classesDescription: "x")
    #expect(layers.count == 1)
  }
}
