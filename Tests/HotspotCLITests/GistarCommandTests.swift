import Foundation
import TestSupport
import Testing

@testable import hotspot

/// Runs a command with `--format json` and returns the parsed document.
func jsonDocument(_ arguments: [String]) throws -> [String: Any] {
  let result = runHotspotRaw(arguments + ["--format", "json"])
  try #require(result.status == 0, "exit \(result.status): \(result.error)")
  return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
}

@Suite("hotspot gistar and moran")
struct GistarCommandTests {
  static let columbus = TestData.realData("libpysal-columbus")
  static var columbusArguments: [String] {
    [
      "--areas", columbus?.appendingPathComponent("columbus.json").path ?? "", "--crs", "planar",
      "--value-field", "CRIME", "--id-field", "POLYID",
    ]
  }

  static func esda() throws -> [String: Any] {
    let url = try #require(columbus).appendingPathComponent("REFERENCE-values.json")
    let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    return try #require(document["esda"] as? [String: Any])
  }

  @Test(
    "gistar on Columbus CRIME with queen weights matches esda's Gi* z-scores to 1e-9",
    .enabled(if: columbus != nil, "shared/realdata/libpysal-columbus is absent"))
  func columbusGiStar() throws {
    let document = try jsonDocument(["gistar"] + Self.columbusArguments)
    let features = try #require(document["features"] as? [[String: Any]])
    let block = try #require(try Self.esda()["GiStar_binary_queen_with_self"] as? [String: Any])
    let reference = try #require(block["z_by_POLYID"] as? [String: Double])
    #expect(features.count == 49)
    for feature in features {
      let id = try #require(feature["area_id"] as? String)
      let z = try #require((feature["z"] as? NSNumber)?.doubleValue)
      #expect(isClose(z, try #require(reference[id]), tolerance: 1e-9), "POLYID \(id)")
    }
    let summary = try #require(document["summary"] as? [String: Any])
    #expect((summary["islands"] as? NSNumber)?.intValue == 0)
    // CSV columns.
    let csv = runHotspotRaw(
      ["gistar"] + Self.columbusArguments + ["--format", "csv", "--permutations", "99", "--seed", "3"])
    #expect(csv.output.hasPrefix("area_id,area_name,value,z,p,class,neighbours,p_sim\r\n"))
    #expect(csv.output.contains("\r\n16,,"))
  }

  @Test(
    "moran on Columbus CRIME matches esda's Moran I, variances, z and p to 1e-9",
    .enabled(if: columbus != nil, "shared/realdata/libpysal-columbus is absent"))
  func columbusMoran() throws {
    let document = try jsonDocument(["moran"] + Self.columbusArguments + ["--permutations", "999"])
    let reference = try #require(try Self.esda()["Moran_queen_rowstd"] as? [String: Double])
    for key in ["I", "EI", "VI_norm", "z_norm", "p_norm", "VI_rand", "z_rand", "p_rand"] {
      let ours = try #require((document[key] as? NSNumber)?.doubleValue, "\(key)")
      #expect(isClose(ours, try #require(reference[key]), tolerance: 1e-9), "\(key)")
    }
    #expect((document["p_sim"] as? NSNumber)?.doubleValue == 0.001)
    let local = runHotspotRaw(["moran"] + Self.columbusArguments + ["--local", "--format", "csv"])
    #expect(local.status == 0, "\(local.error)")
    #expect(local.output.hasPrefix("area_id,area_name,value,Ii,p_sim,quadrant\r\n1,,15.72598,"))
    #expect(local.output.split(separator: "\r\n").count == 50)
  }

  static let incidents = """
    id,easting,northing
    1,420050,540050
    2,420060,540050
    3,420070,540050
    4,420150,540050
    5,420050,540150
    6,420150,540150
    7,420950,540950
    8,425000,545000
    """

  @Test("gistar over an explicit grid analyses every cell, empty ones included, and records its choices")
  func gridCells() throws {
    let folder = try TemporaryFolder()
    let points = try folder.file("incidents.csv", Self.incidents)
    let output = folder.path("gistar.csv")
    let result = runHotspotRaw([
      "gistar", "--incidents", points, "--cell", "100m", "--extent", "420000,540000,421000,541000",
      "--permutations", "99", "--seed", "5", "--fdr", "--output", output, "--quiet",
    ])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.error.contains("1 incidents lie outside the analysed cells"))
    let csv = try String(contentsOfFile: output, encoding: .utf8)
    let lines = csv.split(separator: "\r\n")
    #expect(lines.first == "x,y,value,z,p,class,neighbours,p_sim")
    #expect(lines.count == 101)
    #expect(lines[1].hasPrefix("420050,540050,3,"))
    #expect(lines[1].split(separator: ",")[6] == "3")
    let provenance = try String(contentsOfFile: output + ".provenance.json", encoding: .utf8)
    for fragment in [
      "cell band c·√2", "\"transform\": \"binary\"", "\"permutations\": 99", "\"seed\": 5", "Benjamini", "working_crs",
    ] {
      #expect(provenance.contains(fragment), "\(fragment)")
    }
    // The same run twice gives the same bytes.
    let again = runHotspotRaw([
      "gistar", "--incidents", points, "--cell", "100m", "--extent", "420000,540000,421000,541000",
      "--permutations", "99", "--seed", "5", "--fdr", "--format", "csv",
    ])
    #expect(again.output == csv)
  }

  @Test("counting incidents per area, rook and distance neighbours")
  func areasFromIncidents() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("squares.geojson", CountCommandTests.squares)
    let points = try folder.file("incidents.csv", CountCommandTests.incidents)
    let document = try jsonDocument(["gistar", "--areas", areas, "--incidents", points, "--neighbours", "rook"])
    let features = try #require(document["features"] as? [[String: Any]])
    #expect(features.map { $0["area_id"] as? String } == ["W1", "E1", "F1"])
    #expect(features.map { ($0["neighbours"] as? NSNumber)?.intValue } == [1, 1, 0])
    let summary = try #require(document["summary"] as? [String: Any])
    #expect((summary["islands"] as? NSNumber)?.intValue == 1)
    let band = try jsonDocument(["gistar", "--areas", areas, "--incidents", points, "--neighbours", "distance:10km"])
    let bandFeatures = try #require(band["features"] as? [[String: Any]])
    #expect(bandFeatures.map { ($0["neighbours"] as? NSNumber)?.intValue } == [2, 2, 2])
  }

  @Test("usage errors: cells need incidents, a value source is needed, a bad rule is refused")
  func usageErrors() {
    #expect(runHotspotRaw(["gistar", "--cell", "100m"]).status == 64)
    #expect(runHotspotRaw(["gistar", "--areas", "a.geojson"]).status == 64)
    let bad = runHotspotRaw(["gistar", "--areas", "a.geojson", "--value-field", "v", "--neighbours", "hex"])
    #expect(bad.status == 64)
    #expect(bad.error.contains("knn:8"))
    #expect(
      runHotspotRaw(["moran", "--areas", "a.geojson", "--value-field", "v", "--local", "--permutations", "0"]).status
        == 64)
    #expect(runHotspotRaw(["help", "gistar"]).output.contains("--snap-tolerance"))
  }
}
