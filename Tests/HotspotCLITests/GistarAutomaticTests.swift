import Analyses
import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@testable import hotspot

@Suite("hotspot gistar --neighbours auto")
struct GistarAutomaticTests {
  /// Incidents on a 40 × 40 grid of 100 m cells from (0, 0): blocks of `block` cells alternately
  /// busy (6 to 9 incidents a cell) and quiet (0 to 3); `block` 0 gives noise (0 to 3 everywhere).
  static func incidents(block: Int, seed: UInt64) -> String {
    var rng = SplitMix64(seed: seed)
    var lines = ["x,y"]
    for cell in 0..<1600 {
      let i = cell % 40
      let j = cell / 40
      let busy = block > 0 && (i / block + j / block) % 2 == 0
      let count = (busy ? 6 : 0) + Int.random(in: 0...3, using: &rng)
      for k in 0..<count { lines.append("\(i * 100 + 10 + k * 5),\(j * 100 + 50)") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func provenance(_ output: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: output + ".provenance.json"))
    let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return document
  }

  /// The value of `key` anywhere in the provenance document (it nests the choices).
  static func find(_ key: String, in value: Any) -> Any? {
    if let object = value as? [String: Any] {
      if let hit = object[key] { return hit }
      for child in object.values { if let hit = find(key, in: child) { return hit } }
    }
    return nil
  }

  @Test("on 600 m blocks of busy cells the band is the first peak, 200–400 m, with FDR on and every band recorded")
  func clustered() throws {
    let folder = try TemporaryFolder()
    let file = try folder.file("incidents.csv", Self.incidents(block: 6, seed: 3))
    let output = folder.path("gi.csv")
    let result = runHotspotRaw([
      "gistar", "--incidents", file, "--crs", "planar", "--cell", "100m", "--extent", "0,0,4000,4000",
      "--neighbours", "auto", "--output", output,
    ])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.error.contains("automatic scale (Optimized Hot Spot Analysis):"))
    #expect(result.error.contains("first significant peak of Moran's I z"))
    #expect(result.error.contains("false discovery rate correction: on"))
    let document = try Self.provenance(output)
    let band = try #require((Self.find("band_m", in: document) as? NSNumber)?.doubleValue)
    #expect(band >= 200 && band <= 400, "\(band)")
    let tried = try #require(Self.find("bands_tried", in: document) as? [[String: Any]])
    #expect(tried.count == 10)
    #expect((tried.first?["band_m"] as? NSNumber)?.doubleValue == 100)
    let fdr = try #require(Self.find("fdr", in: document) as? String)
    #expect(fdr.contains("always on with --neighbours auto"))
  }

  /// Noise can show a spurious significant peak among 10 bands (seed 11 gives one at 600 m): the seed
  /// is fixed to one whose z-scores have none.
  @Test("on noise the fallback is the mean distance to the 30th neighbour; without --cell the size is chosen")
  func fallbackAndCellSize() throws {
    let folder = try TemporaryFolder()
    let file = try folder.file("incidents.csv", Self.incidents(block: 0, seed: 1))
    let output = folder.path("gi.csv")
    let result = runHotspotRaw([
      "gistar", "--incidents", file, "--crs", "planar", "--cell", "100m", "--extent", "0,0,4000,4000",
      "--neighbours", "auto", "--output", output,
    ])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.error.contains("k = 30: 5 % of 1600 clamped to [3, 30]"))
    let document = try Self.provenance(output)
    let expected = IncrementalAutocorrelation.meanKthNeighbourDistance(
      (0..<1600).map { Point(x: Double($0 % 40) * 100 + 50, y: Double($0 / 40) * 100 + 50) }, k: 30)
    let band = try #require((Self.find("band_m", in: document) as? NSNumber)?.doubleValue)
    #expect(isClose(band, expected, tolerance: 1e-6))
    #expect((Self.find("band_k", in: document) as? NSNumber)?.intValue == 30)

    // No --cell: the shorter side of the incidents' extent (y from 50 to 3,950 m) / 50 = 78 m.
    let automatic = folder.path("auto.csv")
    let sized = runHotspotRaw([
      "gistar", "--incidents", file, "--crs", "planar", "--neighbours", "auto", "--output", automatic, "--quiet",
    ])
    #expect(sized.status == 0, "\(sized.error)")
    let sizedDocument = try Self.provenance(automatic)
    let cell = try #require((Self.find("cell_m", in: sizedDocument) as? NSNumber)?.doubleValue)
    #expect(isClose(cell, 3900.0 / 50, tolerance: 1e-9))
    #expect(Self.find("cell_size_rule", in: sizedDocument) != nil)
    #expect(NeighbourWeights.automaticCellSize(BoundingBox(minX: 0, minY: 0, maxX: 60_000, maxY: 45_000)) == 900)
  }

  @Test("fewer than 30 features is an error; auto needs something to analyse")
  func tooFew() throws {
    let folder = try TemporaryFolder()
    let file = try folder.file("incidents.csv", GistarCommandTests.incidents)
    let result = runHotspotRaw([
      "gistar", "--incidents", file, "--cell", "250m", "--extent", "420000,540000,421000,541000", "--neighbours",
      "auto",
    ])
    #expect(result.status == 65, "\(result.error)")
    #expect(result.error.contains("at least 30 features (found 16)"))
    #expect(runHotspotRaw(["gistar", "--neighbours", "auto"]).status == 64)
  }
}
