import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("OS grid references")
struct OSGridReferenceTests {
  @Test("E 427411, N 542533 in Durham is NZ 27411 42533, and back")
  func durham() {
    #expect(OSGridReference.format(Point(x: 427411, y: 542533)) == "NZ 27411 42533")
    #expect(OSGridReference.parse("NZ 27411 42533") == Point(x: 427411, y: 542533))
  }

  @Test("the OS guide worked example is TG 51409 13177 (truncated, not rounded)")
  func workedExample() {
    #expect(OSGridReference.format(Point(x: 651409.903, y: 313177.270)) == "TG 51409 13177")
    #expect(OSGridReference.format(Point(x: 651409.903, y: 313177.270), digits: 6) == "TG 514 131")
  }

  @Test(
    "each 500 km square in use gets its letter",
    arguments: [
      (134200.0, 25300.0, "SW 34200 25300"),  // Land's End
      (632000.0, 141000.0, "TR 32000 41000"),  // Dover
      (325900.0, 673600.0, "NT 25900 73600"),  // Edinburgh
      (510000.0, 520000.0, "OV 10000 20000"),  // North Sea off Whitby
      (447600.0, 1141300.0, "HU 47600 41300"),  // Lerwick
    ])
  func firstLetters(x: Double, y: Double, reference: String) {
    #expect(OSGridReference.format(Point(x: x, y: y)) == reference)
    #expect(OSGridReference.parse(reference) == Point(x: x, y: y))
  }

  @Test("the 6-figure form is NZ 274 425, and parses to the south-west corner of its 100 m square")
  func sixFigures() {
    #expect(OSGridReference.format(Point(x: 427411, y: 542533), digits: 6) == "NZ 274 425")
    #expect(OSGridReference.parse("NZ 274 425") == Point(x: 427400, y: 542500))
    #expect(OSGridReference.format(Point(x: 427411, y: 542533), digits: 2) == "NZ 2 4")
    #expect(OSGridReference.format(Point(x: 427411, y: 542533), digits: 0) == "NZ")
    #expect(OSGridReference.format(Point(x: 400_005, y: 500_007), digits: 8) == "NZ 0000 0000")
  }

  @Test("positions outside the grid, and odd digit counts, give nil")
  func outside() {
    let outside = [
      Point(x: -1, y: 5), Point(x: 700_000, y: 5), Point(x: 5, y: 1_300_000), Point(x: 5, y: -0.5),
      Point(x: .nan, y: 5),
    ]
    for p in outside { #expect(OSGridReference.format(p) == nil) }
    #expect(OSGridReference.format(Point(x: 427411, y: 542533), digits: 3) == nil)
    #expect(OSGridReference.format(Point(x: 427411, y: 542533), digits: 12) == nil)
  }

  @Test("parsing accepts any case and optional spaces")
  func parseForms() {
    let expected = Point(x: 427411, y: 542533)
    #expect(OSGridReference.parse("nz2741142533") == expected)
    #expect(OSGridReference.parse("  Nz 2741142533 ") == expected)
    #expect(OSGridReference.parse("NZ27411 42533") == expected)
    #expect(OSGridReference.parse("NZ") == Point(x: 400_000, y: 500_000))
  }

  @Test(
    "parsing rejects what is not a grid reference",
    arguments: [
      "", "N", "NI 123 456", "NZ 274 4253", "NZ 27411 42533 1", "NZ 27411", "AA 123 456",
      "HA 123 456", "NZ 27A 425", "NZ 274114253300", "ÑZ 274 425", "NZ ２７４ ４２５",
    ])
  func parseRejects(text: String) {
    #expect(OSGridReference.parse(text) == nil)
  }

  @Test("format then parse gives the south-west corner of the square holding the point")
  func roundTrip() {
    var rng = SplitMix64(seed: 11)
    for _ in 0..<2_000 {
      let p = Point(
        x: Double.random(in: 0..<700_000, using: &rng),
        y: Double.random(in: 0..<1_300_000, using: &rng))
      for digits in [0, 2, 4, 6, 8, 10] {
        let size = [100_000.0, 10_000, 1_000, 100, 10, 1][digits / 2]
        guard let text = OSGridReference.format(p, digits: digits),
          let corner = OSGridReference.parse(text)
        else {
          Issue.record("\(p) at \(digits) digits did not round trip")
          continue
        }
        #expect(corner.x <= p.x && p.x < corner.x + size)
        #expect(corner.y <= p.y && p.y < corner.y + size)
        #expect(OSGridReference.format(corner, digits: digits) == text)
      }
    }
  }
}
