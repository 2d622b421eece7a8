import Analyses
import Foundation
import GeoIO
import TestSupport
import Testing

@testable import hotspot

/// The `sha256` of each input in a provenance file, by file.
private func provenanceDigests(_ output: String) throws -> [String: String] {
  let data = try Data(contentsOf: URL(fileURLWithPath: Provenance.path(beside: output)))
  let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  let inputs = try #require(document["inputs"] as? [[String: String]])
  var digests: [String: String] = [:]
  for input in inputs { digests[input["file", default: ""]] = input["sha256"] }
  return digests
}

@Suite("Input checksums for provenance")
struct InputDigestTests {
  @Test("a run with --output records each input's SHA-256, hashed while the command ran")
  func digestsOfARun() throws {
    let folder = try TemporaryFolder()
    let areas = TestData.geoData("divisions.geojson").path
    let incidents = TestData.geoData("incidents-police.csv").path
    let output = folder.path("counts.csv")
    let result = runHotspotRaw(["count", "--areas", areas, "--incidents", incidents, "--output", output, "--quiet"])
    #expect(result.status == 0, "\(result.error)")
    let digests = try provenanceDigests(output)
    #expect(digests[areas] == (try SHA256.hex(file: areas)))
    #expect(digests[incidents] == (try SHA256.hex(file: incidents)))
    #expect(digests.count == 2)
  }

  @Test("a file rewritten after it was hashed is hashed again, even at the same size")
  func rewrittenFile() throws {
    let folder = try TemporaryFolder()
    let file = try folder.file("incidents.csv", "easting,northing,category\n424000,539000,Nuisance\n")
    InputDigests.shared.prefetch([file])
    let first = try InputDigests.shared.hex(file: file)
    #expect(first == (try SHA256.hex(file: file)))
    try folder.file("incidents.csv", "easting,northing,category\n424000,539000,Personal\n")
    let second = try InputDigests.shared.hex(file: file)
    #expect(second == (try SHA256.hex(file: file)))
    #expect(second != first)
  }

  @Test("the files a command line names: --areas and --incidents expanded, never --output")
  func inputFilesOfACommandLine() throws {
    let folder = try TemporaryFolder()
    let a = try folder.file("a.csv", "x,y\n1,2\n")
    let b = try folder.file("b.csv", "x,y\n1,2\n")
    let areas = try folder.file("areas.geojson", "{}")
    let parsed = try ArgumentParser.parse(
      ["--areas", areas, "--incidents", folder.url.path, "--output", folder.path("out.csv")],
      spec: CountCommand.spec)
    #expect(parsed.inputFiles(spec: CountCommand.spec) == [areas, a, b])
  }
}
