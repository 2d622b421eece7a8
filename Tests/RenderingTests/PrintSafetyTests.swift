import Foundation
import GeoCore
import Rendering
import TestSupport
import Testing

@Suite("Maps that survive office suites and greyscale print")
struct PrintSafetyTests {
  @Test("CIE L* of reference colours: black 0, white 100, mid grey #777777 50.0, pure sRGB primaries")
  func lightness() throws {
    #expect(Palette.lightness("#000000") == 0)
    #expect(abs(try #require(Palette.lightness("#ffffff")) - 100) < 1e-9)
    // References computed independently in Python from the same published sRGB and CIE formulas.
    #expect(abs(try #require(Palette.lightness("#777777")) - 50.0344) < 1e-3)
    #expect(abs(try #require(Palette.lightness("#ff0000")) - 53.2329) < 1e-3)
    #expect(abs(try #require(Palette.lightness("#00ff00")) - 87.7370) < 1e-3)
    #expect(abs(try #require(Palette.lightness("#0000ff")) - 32.3026) < 1e-3)
    #expect(abs(try #require(Palette.lightness("#010101")) - 0.2742) < 1e-3, "the linear segment near black")
    #expect(
      Palette.lightness("red") == nil && Palette.lightness("#12345") == nil && Palette.lightness("#gg0000") == nil)
  }

  /// The smallest lightness difference between any two of `colours`, and the pair.
  static func closest(_ colours: [String]) -> (Double, Int, Int) {
    var best = (Double.infinity, 0, 0)
    for i in colours.indices {
      for j in colours.indices where j > i {
        let d = abs(Palette.lightness(colours[i])! - Palette.lightness(colours[j])!)
        if d < best.0 { best = (d, i, j) }
      }
    }
    return best
  }

  @Test("Gi* classes: every pair at least 10 L* apart, hot and cold of one confidence too, darker = stronger")
  func gistarGreyscale() throws {
    let l = Palette.hotCold.map { Palette.lightness($0)! }
    #expect(l.count == 7)
    for k in 1...3 { #expect(abs(l[3 + k] - l[3 - k]) >= 10, "hot and cold at confidence level \(k)") }
    for i in 1..<7 { #expect(abs(l[i] - l[i - 1]) >= 10, "neighbours \(i - 1) and \(i)") }
    let (smallest, i, j) = Self.closest(Palette.hotCold)
    #expect(smallest >= 10, "classes \(i - 3) and \(j - 3) print as one grey")
    // Lightness falls with confidence on each side: not significant lightest.
    #expect(l[3] > l[4] && l[4] > l[5] && l[5] > l[6])
    #expect(l[3] > l[2] && l[2] > l[1] && l[1] > l[0])
    // The white areas that are suppressed or without data are hatched, so the lightest class
    // cannot be taken for them; the hatch lines themselves are mid grey.
    #expect(abs(Palette.lightness(Palette.noDataHatch)! - 58.25) < 0.01)
  }

  @Test("LISA categories: all five at least 10 L* apart")
  func lisaGreyscale() {
    #expect(Palette.lisa.count == 5)
    let (smallest, i, j) = Self.closest(Palette.lisa)
    #expect(smallest >= 10, "categories \(i) and \(j) print as one grey")
  }

  @Test("a map with labels and a suppressed area uses nothing LibreOffice or Word drop")
  func officeSafeMap() throws {
    let svg = try MapDocumentTests.document(values: [3, 10, 12], suppressBelow: 5).svg()
    #expect(officeSuiteProblems(svg) == [])
    #expect(try xmlProblems(svg) == nil)
    // The label: a white halo text, then the dark text at the same place, halos drawn first.
    let halo = try #require(svg.range(of: "<text x=\"113.3\" y=\"232\">Crook &amp; Willington</text>"))
    let text = try #require(
      svg.range(of: "<text x=\"113.3\" y=\"232\">Crook &amp; Willington</text>", range: halo.upperBound..<svg.endIndex))
    let between = svg[halo.upperBound..<text.lowerBound]
    #expect(between.contains("<g id=\"map-label-text\" fill=\"#111111\">"))
    #expect(svg.contains("<g id=\"map-label-halos\" fill=\"#ffffff\" stroke=\"#ffffff\" stroke-width=\"2.5\""))
  }

  @Test("the checker catches paint-order, CSS, filters and fonts without a generic family")
  func checkerCatches() {
    #expect(officeSuiteProblems("<text paint-order=\"stroke\">a</text>") == ["uses paint-order"])
    #expect(officeSuiteProblems("<style>.a{fill:red}</style>") == ["uses <style"])
    #expect(officeSuiteProblems("<g filter=\"url(#f)\"/>") == ["uses  filter="])
    #expect(
      officeSuiteProblems("<svg font-family=\"Helvetica, Arial\">") == [
        "font-family \"Helvetica, Arial\" has no generic fallback"
      ])
    #expect(
      officeSuiteProblems("<svg font-family=\"Helvetica, Arial, sans-serif\"><desc>filtered, masked</desc>") == [])
  }

  @Test("suppressed areas are hatched grey, in the map and its legend; the lowest class starts at the limit")
  func suppressedHatch() throws {
    let svg = try MapDocumentTests.document(values: [3, 10, 12], suppressBelow: 5).svg()
    #expect(svg.contains("<pattern id=\"map-no-data\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">"))
    #expect(svg.components(separatedBy: "fill=\"url(#map-no-data)\"").count - 1 == 2, "one area, one swatch")
    #expect(svg.contains(">fewer than 5 (suppressed)  (1)</text>"))
    #expect(!svg.contains("≤ "), "no class label overlapping 'fewer than 5'")
    #expect(svg.contains(">5 – 10  (1)</text>") && svg.contains(">11 – 12  (1)</text>"))
    #expect(ClassBreaks.label(class: 0, breaks: [10, 12], digits: 0, lowest: 5) == "5 – 10")
    #expect(ClassBreaks.label(class: 0, breaks: [5, 12], digits: 0, lowest: 5) == "5")
    #expect(ClassBreaks.label(class: 0, breaks: [10, 12], digits: 0) == "≤ 10")
    // A map where every area has a class needs no pattern.
    #expect(!(try MapDocumentTests.document(values: [3, 10, 12]).svg().contains("<defs>")))
  }

  @Test("the recorded map snapshots are office-safe")
  func snapshots() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".svg") }
    #expect(!names.isEmpty)
    for name in names {
      let svg = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      #expect(officeSuiteProblems(svg) == [], "\(name)")
    }
  }
}
