import Foundation
import TestSupport
import Testing

@testable import hotspot

@Suite("hotspot demo")
struct DemoCommandTests {
  @Test("the demo writes every output, each with its provenance; the maps and report are well-formed")
  func demo() throws {
    let folder = try TemporaryFolder()
    let result = runHotspotRaw([
      "demo", "--output-dir", folder.url.path, "--data", TestData.packageRoot.appendingPathComponent("GeoData").path,
    ])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("Wrote 18 outputs"))
    #expect(result.output.contains("What the sample county says:"))
    #expect(result.output.contains("Patrol: 25"))
    #expect(result.output.contains("Prediction: in 1 % of the area"))
    #expect(result.output.contains("hotspot count --areas"))
    let names = ["counts-2024.csv", "counts-2024.md", "asb-by-quarter.csv", "risk-ranking.csv", "licensing-zones-2024.csv", "asb-density-2024.asc", "asb-hotspots-2024.geojson",
                 "asb-gistar-2024.csv", "map-asb-2024.svg", "patrol-cells.csv", "map-patrol.svg", "backtest.csv", "backtest-pai.svg",
                 "cctv-cover.csv", "licensing-evaluation.csv", "map-asb-density-2024.svg", "map-asb-gistar-2024.svg", "report.html"]
    for name in names {
      #expect(FileManager.default.fileExists(atPath: folder.path(name)), "\(name)")
      #expect(FileManager.default.fileExists(atPath: folder.path(name + ".provenance.json")), "\(name) provenance")
    }
    for name in names where name.hasSuffix(".svg") || name.hasSuffix(".html") {
      #expect(try xmlProblems(String(contentsOfFile: folder.path(name), encoding: .utf8)) == nil, "\(name)")
    }
  }

  @Test("without the sample data the demo says where to run it")
  func missingData() {
    let result = runHotspotRaw(["demo", "--data", "/nonexistent"])
    #expect(result.status == 66 && result.error.contains("run the demo from the package folder"))
  }
}
