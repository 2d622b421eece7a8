import Foundation
import TestSupport
import Testing

@Suite("golden maps and charts survive office suites")
struct OfficeSafeSnapshotTests {
  @Test("every recorded SVG uses nothing LibreOffice or Word drop, and fonts end with a generic family")
  func snapshots() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".svg") }
      .sorted()
    #expect(names.count >= 5)
    for name in names {
      let svg = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      #expect(officeSuiteProblems(svg) == [], "\(name)")
      #expect(svg.contains("font-family=\""), "\(name) names its fonts")
    }
  }

  @Test("labels on the rank map are a white halo text under a dark text, not one text with paint-order")
  func rankMapLabels() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let svg = try String(contentsOf: folder.appendingPathComponent("rank-map.svg"), encoding: .utf8)
    let halos = try #require(svg.range(of: "<g id=\"map-label-halos\""))
    let texts = try #require(svg.range(of: "<g id=\"map-label-text\" fill=\"#111111\">"))
    #expect(halos.upperBound < texts.lowerBound, "halos drawn first")
    let haloCount = svg[halos.upperBound..<texts.lowerBound].components(separatedBy: "<text ").count - 1
    let textCount =
      svg[texts.upperBound...].components(separatedBy: "</g>")[0].components(separatedBy: "<text ").count - 1
    #expect(haloCount > 0 && haloCount == textCount)
  }
}
