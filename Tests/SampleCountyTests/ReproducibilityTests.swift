import Foundation
import TestSupport
import Testing

@testable import hotspot_sample

/// The committed `GeoData/` files are exactly what the generator writes.
@Suite("the sample county is reproducible")
struct ReproducibilityTests {
  @Test("re-running the generator reproduces every committed GeoData file byte for byte")
  func reproducesCommittedFiles() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("hotspot-sample-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let names = try SampleCounty.write(to: folder.path)
    #expect(names.count == 9)
    for name in names {
      let fresh = try Data(contentsOf: folder.appendingPathComponent(name))
      let committed = try Data(contentsOf: TestData.geoData(name))
      #expect(
        fresh == committed,
        "GeoData/\(name) is not what the generator writes: run `swift run hotspot-sample`")
    }
  }

  @Test("GeoData holds the generated files and its README, nothing else")
  func noStaleFiles() throws {
    let present = try FileManager.default.contentsOfDirectory(
      atPath: TestData.packageRoot.appendingPathComponent("GeoData").path
    ).filter { !$0.hasPrefix(".") }.sorted()
    let expected = (SampleCounty.files().map(\.name) + ["README.md"]).sorted()
    #expect(present == expected)
  }

  @Test("the sample stays small: under 6 MB in all")
  func small() {
    let total = SampleCounty.files().reduce(0) { $0 + $1.bytes.count }
    #expect(total < 6_000_000, "\(total) bytes")
  }
}
