import Foundation
import TestSupport
import Testing

@testable import hotspot

@Suite("hotspot map")
struct MapCommandTests {
  static let divisions = TestData.geoData("divisions.geojson").path
  static let incidents = TestData.geoData("incidents-police.csv").path
  static let zones = TestData.geoData("licensing-zones.geojson").path

  @Test(
    "every layer gives valid SVG with a title, legend, scale bar, north arrow and attribution",
    arguments: [
      ["--layer", "count", "--labels", "5"],
      ["--layer", "rate", "--population-field", "population", "--classes", "quantile:4"],
      ["--layer", "field:population", "--classes", "breaks:5000,8000", "--palette", "Blues"],
      ["--layer", "density", "--layer", "zones:" + zones], ["--layer", "gistar"],
      ["--layer", "count", "--layer", "points", "--period", "2024-12"],
      ["--layer", "count", "--layer", "gistar", "--period", "2024-12", "--suppress-below", "5"],
    ])
  func layers(options: [String]) throws {
    let result = runHotspotRaw(["map", "--areas", Self.divisions, "--incidents", Self.incidents] + options)
    #expect(result.status == 0, "\(result.error)")
    let svg = result.output
    #expect(try xmlProblems(svg) == nil)
    for part in [
      "<title id=\"map-title\">", "<desc id=\"map-desc\">", "class=\"legend\"", "scale-bar\"", "north-arrow\"",
      "data.police.uk",
    ] {
      #expect(svg.contains(part), "\(part) missing for \(options)")
    }
  }

  @Test(
    "the 63-division County Durham choropleth stays under 120 KB and is written with its provenance",
    .enabled(if: TestData.realData("county-durham-boundaries") != nil, "shared/realdata is absent"))
  func durhamBudget() throws {
    let folder = try TemporaryFolder()
    let output = folder.path("durham.svg")
    let wards = try #require(TestData.realData("county-durham-boundaries/wards2013_E06000047_county_durham.geojson"))
      .path
    let police = try #require(TestData.realData("durham-police-2022-01/2022-01-durham-street.excerpt.csv")).path
    let result = runHotspotRaw(["map", "--areas", wards, "--incidents", police, "--output", output])
    #expect(result.status == 0, "\(result.error)")
    let size = try FileManager.default.attributesOfItem(atPath: output)[.size] as? Int ?? .max
    #expect(size < 120_000, "\(size) bytes")
    let svg = try String(contentsOfFile: output, encoding: .utf8)
    #expect(svg.contains("contains OS data © Crown copyright"), "ONS boundaries are recognised by WD13CD")
    let provenance = try String(contentsOfFile: output + ".provenance.json", encoding: .utf8)
    #expect(
      provenance.contains("\"classes\": \"natural breaks (Fisher-Jenks)\"")
        && provenance.contains("\"breaks_incidents\""))
  }

  @Test("the same inputs give the same bytes")
  func deterministic() {
    let arguments = ["map", "--areas", Self.divisions, "--incidents", Self.incidents, "--layer", "density"]
    #expect(runHotspotRaw(arguments).output == runHotspotRaw(arguments).output)
  }

  @Test("usage errors: unknown layer, class syntax, palette, rate without population, output not .svg")
  func usage() {
    let base = ["map", "--areas", Self.divisions, "--incidents", Self.incidents]
    #expect(runHotspotRaw(base + ["--layer", "heat"]).status == 64)
    #expect(runHotspotRaw(base + ["--classes", "jenks:12"]).status == 64)
    #expect(runHotspotRaw(base + ["--classes", "breaks:a,b"]).status == 64)
    #expect(runHotspotRaw(base + ["--palette", "Rainbow"]).error.contains("Unknown palette 'Rainbow'"))
    #expect(runHotspotRaw(base + ["--layer", "rate"]).status == 64)
    #expect(runHotspotRaw(base + ["--output", "map.png"]).status == 64)
    #expect(runHotspotRaw(["map", "--areas", Self.divisions]).status == 64)
    #expect(runHotspotRaw(["map", "--areas", Self.divisions, "--layer", "field:population"]).status == 0)
  }
}
