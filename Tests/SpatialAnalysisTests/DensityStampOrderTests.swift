import Testing

@testable import SpatialAnalysis

@Suite("Kernel density stamps")
struct DensityStampOrderTests {
  @Test(
    "distinct positions come sorted by (y, x), stacked weights summed in input order, as one stable sort gives them")
  func sortedLikeOneStableSort() {
    var rng = SplitMix64(seed: 11)
    // 300,000 positions (enough for the runs sorted in parallel), on a coarse lattice so that
    // many coincide, with weights whose sum depends on the order they are added in.
    let n = 300_000
    let x = (0..<n).map { _ in Double(rng.next() % 400) * 12.5 }
    let y = (0..<n).map { _ in Double(rng.next() % 400) * 12.5 }
    let w = (0..<n).map { _ in 1 + Double(rng.next() % 1_000) / 3 }
    var all = (0..<n).map { (x: x[$0], y: y[$0], weight: w[$0], index: $0) }
    all.sort { a, b in a.y != b.y ? a.y < b.y : a.x != b.x ? a.x < b.x : a.index < b.index }
    var expected: [(x: Double, y: Double, weight: Double)] = []
    for stamp in all {
      if let last = expected.last, last.x == stamp.x, last.y == stamp.y {
        expected[expected.count - 1].weight += stamp.weight
      } else {
        expected.append((stamp.x, stamp.y, stamp.weight))
      }
    }
    let found = KernelDensity.distinctPositions(x: x, y: y, weights: w)
    #expect(found.count == expected.count)
    #expect(found.map(\.x) == expected.map(\.x))
    #expect(found.map(\.y) == expected.map(\.y))
    #expect(found.map(\.weight.bitPattern) == expected.map(\.weight.bitPattern))
  }
}
