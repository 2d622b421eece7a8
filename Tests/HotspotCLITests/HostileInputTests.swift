import Foundation
import GeoCore
import GeoIO
import TestSupport
import Testing

@testable import hotspot

/// Four 1 km squares in British National Grid meeting at (401000, 501000), as GeoJSON, with the
/// given ids and names (south-west, south-east, north-west, north-east).
func fourSquares(ids: [String] = ["SW", "SE", "NW", "NE"], names: [String]? = nil) -> String {
  let corners = [(400_000, 500_000), (401_000, 500_000), (400_000, 501_000), (401_000, 501_000)]
  let features = corners.enumerated().map { index, corner in
    let (x, y) = corner
    let ring = [(x, y), (x + 1000, y), (x + 1000, y + 1000), (x, y + 1000), (x, y)]
      .map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
    let name = jsonString(names?[index] ?? "Area \(ids[index])")
    return
      #"{"type":"Feature","properties":{"code":\#(jsonString(ids[index])),"name":\#(name)},"geometry":{"type":"Polygon","coordinates":[[\#(ring)]]}}"#
  }
  return #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:27700"}},"features":["#
    + features.joined(separator: ",") + "]}"
}

/// `text` as a JSON string literal.
func jsonString(_ text: String) -> String {
  var result = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": result += "\\\""
    case "\\": result += "\\\\"
    case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
    default: result.unicodeScalars.append(scalar)
    }
  }
  return result + "\""
}

@Suite("Hostile inputs to the commands")
struct CLIHostileInputTests {
  @Test("a point exactly on the vertex shared by four areas is counted once, in the north-east one")
  func sharedVertex() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("areas.geojson", fourSquares())
    let points = try folder.file("points.csv", "easting,northing\n401000,501000\n401000,500500\n400500,501000\n")
    let result = try countJSON(["--areas", areas, "--incidents", points])
    // The vertex goes north-east; a point on the vertical SW|SE edge goes east, on the
    // horizontal SW|NW edge north.
    #expect(counts(result.areas) == ["SW": 0, "SE": 1, "NW": 1, "NE": 1])
    #expect((result.summary["outside"] as? NSNumber)?.intValue == 0)
  }

  @Test("a zero-area area is refused (exit 65); repaired, it is left out and no density is inf or NaN")
  func zeroAreaArea() throws {
    let folder = try TemporaryFolder()
    let flat =
      #"{"type":"Feature","properties":{"code":"FLAT"},"geometry":{"type":"Polygon","coordinates":[[[400000,500000],[401000,500000],[402000,500000],[400000,500000]]]}}"#
    let areas = try folder.file(
      "areas.geojson", fourSquares().replacingOccurrences(of: #""features":["#, with: #""features":["# + flat + ","))
    let points = try folder.file("points.csv", "easting,northing\n400500,500000\n400500,500500\n")
    let refused = runHotspotRaw(["count", "--areas", areas, "--incidents", points])
    #expect(refused.status == 65)
    #expect(refused.error.contains("feature 0: invalid polygon: the exterior ring encloses no area"))
    for format in ["json", "csv", "md", "text", "geojson"] {
      let result = runHotspotRaw(["count", "--areas", areas, "--incidents", points, "--format", format, "--repair"])
      #expect(result.status == 0, "\(format): \(result.error)")
      for bad in ["inf", "nan", "NaN", "Infinity"] {
        #expect(!result.output.contains(bad), "\(format) holds \(bad)")
      }
    }
    let json = try countJSON(["--areas", areas, "--incidents", points, "--repair"])
    #expect(counts(json.areas)["FLAT"] == nil)
  }

  @Test("self-intersecting and repeated-vertex areas are refused, and with --repair count without losing a point")
  func degenerateAreas() throws {
    let folder = try TemporaryFolder()
    let bowTie =
      #"{"type":"Feature","properties":{"code":"BOW"},"geometry":{"type":"Polygon","coordinates":[[[400000,500000],[402000,502000],[402000,500000],[400000,502000],[400000,500000]]]}}"#
    let repeated =
      #"{"type":"Feature","properties":{"code":"REP"},"geometry":{"type":"Polygon","coordinates":[[[403000,500000],[403000,500000],[404000,500000],[404000,501000],[404000,501000],[403000,501000],[403000,500000]]]}}"#
    let areas = try folder.file(
      "areas.geojson", #"{"type":"FeatureCollection","features":["# + bowTie + "," + repeated + "]}")
    var csv = "easting,northing\n"
    for i in 0..<200 { csv += "\(400_000 + (i * 97) % 4500),\(500_000 + (i * 53) % 2200)\n" }
    let points = try folder.file("points.csv", csv)
    let refused = runHotspotRaw(["count", "--areas", areas, "--incidents", points, "--crs", "EPSG:27700"])
    #expect(refused.status == 65)
    #expect(refused.error.contains("feature 0: invalid polygon: the exterior ring crosses itself at (401000, 501000)"))
    let result = try countJSON(["--areas", areas, "--incidents", points, "--crs", "EPSG:27700", "--repair"])
    let counted = (result.summary["counted"] as? NSNumber)?.intValue ?? -1
    let outside = (result.summary["outside"] as? NSNumber)?.intValue ?? -1
    #expect(counted + outside == 200)
  }

  @Test("areas at ±1e300 and ±1e308 declared planar give an answer or a clear error, not a crash")
  func hugeCoordinates() throws {
    let folder = try TemporaryFolder()
    for value in ["1e300", "1e308", "1.7976931348623157e308"] {
      let areas = try folder.file(
        "areas.geojson",
        #"{"type":"Polygon","coordinates":[[[-\#(value),-\#(value)],[\#(value),-\#(value)],[\#(value),\#(value)],[-\#(value),\#(value)],[-\#(value),-\#(value)]]]}"#
      )
      let points = try folder.file("points.csv", "x,y\n0,0\n1e300,1e300\n")
      for command in ["count", "map"] {
        let result = runHotspotRaw(
          [command, "--areas", areas, "--incidents", points, "--crs", "planar", "--quiet"]
            + (command == "map" ? ["--output", folder.path("map.svg")] : []))
        #expect(result.status != ExitStatus.internalError, "\(command) \(value): \(result.error)")
      }
      let density = runHotspotRaw(["density", "--incidents", points, "--crs", "planar", "--quiet"])
      #expect(density.status != ExitStatus.internalError, "density \(value): \(density.error)")
    }
  }

  @Test("an empty collection of areas is a bad-data error naming the file")
  func emptyAreas() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("areas.geojson", #"{"type":"FeatureCollection","features":[]}"#)
    let points = try folder.file("points.csv", "easting,northing\n400500,500500\n")
    for command in ["count", "map", "gistar"] {
      let result = runHotspotRaw(
        [
          command, "--areas", areas, "--incidents", points, "--output",
          folder.path("out.\(command == "map" ? "svg" : "json")"),
        ])
      #expect(result.status == ExitStatus.badData, "\(command): \(result.error)")
      #expect(result.error.contains("areas.geojson"), "\(command): \(result.error)")
    }
  }

  @Test("an incident file of only a header, or of only blank lines, is a bad-data error naming it")
  func emptyIncidents() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("areas.geojson", fourSquares())
    let header = try folder.file("header.csv", "easting,northing\n")
    let result = runHotspotRaw(["count", "--areas", areas, "--incidents", header])
    #expect(result.status == ExitStatus.badData)
    #expect(result.error.contains("header.csv: no row has a usable location"))
    let blank = try folder.file("blank.csv", "\n\r\n\n")
    let blankResult = runHotspotRaw(["count", "--areas", areas, "--incidents", blank])
    #expect(blankResult.status == ExitStatus.badData)
    #expect(blankResult.error.contains("blank.csv"))
  }

  @Test("populations of 1e400, -0.0, \"NaN\", \"Infinity\", -5 and 1e-320 give empty rates, and maps of them draw")
  func hostilePopulations() throws {
    let folder = try TemporaryFolder()
    let populations = ["1e400", "-0.0", #""NaN""#, #""Infinity""#, "-5", "1e-320"]
    let features = populations.enumerated().map { index, population in
      let x = 400_000 + 1000 * index
      let ring = [(x, 500_000), (x + 1000, 500_000), (x + 1000, 501_000), (x, 501_000), (x, 500_000)]
        .map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
      return
        #"{"type":"Feature","properties":{"code":"A\#(index)","pop":\#(population)},"geometry":{"type":"Polygon","coordinates":[[\#(ring)]]}}"#
    }
    let areas = try folder.file(
      "areas.geojson", #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}")
    let points = try folder.file(
      "points.csv", "easting,northing\n" + (0..<6).map { "\(400_500 + 1000 * $0),500500\n" }.joined())
    for format in ["json", "csv", "md", "text", "geojson"] {
      let result = runHotspotRaw(
        ["count", "--areas", areas, "--incidents", points, "--population-field", "pop", "--format", format, "--quiet"])
      #expect(result.status == 0, "\(format): \(result.error)")
      #expect(
        !result.output.lowercased().contains("inf") && !result.output.lowercased().contains("nan"),
        "\(format): \(result.output)")
    }
    // Rates that overflowed, and a field of infinities, crashed the map (an empty palette indexed).
    for layer in ["rate", "field:pop"] {
      let output = folder.path("map-\(layer.replacingOccurrences(of: ":", with: "-")).svg")
      let result = runHotspotRaw(
        [
          "map", "--areas", areas, "--incidents", points, "--population-field", "pop", "--layer", layer, "--output",
          output, "--quiet",
        ])
      #expect(result.status == 0, "\(layer): \(result.error)")
    }
  }

  @Test("gistar and moran with a microscopic --cell are usage errors at once, not a crash or a hang")
  func microscopicCells() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("areas.geojson", fourSquares())
    let points = try folder.file("points.csv", "easting,northing\n400500,500500\n401500,501500\n400200,501700\n")
    for command in ["gistar", "moran"] {
      for cell in ["1e-300m", "0.001m"] {
        // 1e-300m overflowed Int when the grid was built (a crash); 0.001m walked 4e12 cells.
        for withAreas in [true, false] {
          let result = runHotspotRaw(
            [command, "--incidents", points, "--cell", cell] + (withAreas ? ["--areas", areas] : []))
          #expect(result.status == ExitStatus.usage, "\(command) \(cell): \(result.error)")
          #expect(result.error.contains("choose a larger cell size"), "\(command) \(cell): \(result.error)")
        }
      }
    }
  }
}
