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
    #expect(result.output.contains("Wrote 20 outputs"))
    #expect(result.output.contains("What the sample county says:"))
    #expect(result.output.contains("Patrol: 25"))
    #expect(result.output.contains("Prediction: in 1 % of the area"))
    #expect(result.output.contains("hotspot count --areas"))
    let names = [
      "counts-2024.csv", "counts-2024.md", "asb-by-quarter.csv", "risk-ranking.csv", "licensing-zones-2024.csv",
      "asb-density-2024.asc", "asb-hotspots-2024.geojson",
      "asb-gistar-2024.csv", "map-asb-2024.svg", "patrol-cells.csv", "map-patrol.svg", "backtest.csv",
      "backtest-pai.svg",
      "cctv-cover.csv", "licensing-evaluation.csv", "map-asb-density-2024.svg", "map-asb-gistar-2024.svg",
      "asb-emerging-cells.csv", "map-asb-emerging.svg", "report.html",
    ]
    for name in names {
      #expect(FileManager.default.fileExists(atPath: folder.path(name)), "\(name)")
      #expect(FileManager.default.fileExists(atPath: folder.path(name + ".provenance.json")), "\(name) provenance")
    }
    for name in names where name.hasSuffix(".svg") || name.hasSuffix(".html") {
      #expect(try xmlProblems(String(contentsOfFile: folder.path(name), encoding: .utf8)) == nil, "\(name)")
    }
    for name in names where name.hasSuffix(".svg") {
      #expect(officeSuiteProblems(try String(contentsOfFile: folder.path(name), encoding: .utf8)) == [], "\(name)")
    }
  }

  @Test("the printed command lines write the same files as the demo's typed requests")
  func commandLinesMatchRequests() throws {
    let demoFolder = try TemporaryFolder()
    let cliFolder = try TemporaryFolder()
    let demo = runHotspotRaw([
      "demo", "--output-dir", demoFolder.url.path, "--data",
      TestData.packageRoot.appendingPathComponent("GeoData").path,
    ])
    #expect(demo.status == 0, "\(demo.error)")
    let lines = demo.output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("  hotspot ") }
    #expect(lines.count == 18)
    for line in lines {
      let words = try #require(Self.shellWords(String(line.dropFirst("  hotspot ".count))), "\(line)")
      #expect(words.contains { $0.hasPrefix(demoFolder.url.path + "/") }, "\(line)")
      let redirected = words.map { $0.replacingOccurrences(of: demoFolder.url.path, with: cliFolder.url.path) }
      let run = runHotspotRaw(redirected)
      #expect(run.status == 0, "\(line)\n\(run.error)")
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: demoFolder.url.path).sorted()
    // each output and its provenance; .groups.csv, .zones.csv, .existing.csv (the cameras), .prj
    #expect(names.count == 20 * 2 + 4, "\(names)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: cliFolder.url.path).sorted() == names)
    for name in names {
      var expected = try Data(contentsOf: URL(fileURLWithPath: demoFolder.path(name)))
      let actual = try Data(contentsOf: URL(fileURLWithPath: cliFolder.path(name)))
      if name.hasSuffix(".provenance.json") {
        let text = String(decoding: expected, as: UTF8.self)
        expected = Data(text.replacingOccurrences(of: demoFolder.url.path, with: cliFolder.url.path).utf8)
      }
      #expect(expected == actual, "\(name) differs between the demo and its printed command line")
    }
  }

  /// Splits a line printed by `DemoCommand.quoted` into words: spaces separate, '…' quotes
  /// (with '\'' for a quote inside), a backslash escapes the next character. Nil if a quote is open.
  static func shellWords(_ line: String) -> [String]? {
    var words: [String] = []
    var word = ""
    var inWord = false
    var quoted = false
    var escaped = false
    for character in line {
      if escaped {
        word.append(character)
        escaped = false
      } else if quoted {
        if character == "'" { quoted = false } else { word.append(character) }
      } else if character == "'" {
        quoted = true
        inWord = true
      } else if character == "\\" {
        escaped = true
        inWord = true
      } else if character == " " {
        if inWord { words.append(word) }
        word = ""
        inWord = false
      } else {
        word.append(character)
        inWord = true
      }
    }
    if inWord { words.append(word) }
    return quoted || escaped ? nil : words
  }

  @Test("without the sample data the demo says where to run it")
  func missingData() {
    let result = runHotspotRaw(["demo", "--data", "/nonexistent"])
    #expect(result.status == 66 && result.error.contains("run the demo from the package folder"))
  }
}
