import SpatialAnalysis
import Testing

@testable import GeoIO

@Suite("Month tally")
struct MonthTallyTests {
  @Test(
    "counts equal a dictionary's, in chronological order, for months near and centuries apart; draining zeroes the window"
  )
  func matchesDictionary() {
    var rng = SplitMix64(seed: 5)
    let window = UnsafeMutablePointer<Int>.allocate(capacity: MonthTally.windowSize)
    defer { window.deallocate() }
    window.initialize(repeating: 0, count: MonthTally.windowSize)
    var tally = MonthTally(window: window)
    for round in 0..<3 {
      var expected: [Int: Int] = [:]
      for _ in 0..<20_000 {
        // Mostly 2020s, some from years 1000–9999 (outside the 4,096-month window).
        let month =
          rng.next() % 10 == 0
          ? 12_000 + Int(rng.next() % 108_000) : 2_020 * 12 + Int(rng.next() % 60)
        tally.add(month)
        expected[month, default: 0] += 1
      }
      let counts = tally.drain()
      #expect(counts.map(\.month) == expected.keys.sorted(), "round \(round)")
      #expect(counts.map(\.count) == expected.keys.sorted().map { expected[$0] ?? 0 }, "round \(round)")
      #expect(tally.drain().isEmpty)
      #expect((0..<MonthTally.windowSize).allSatisfy { window[$0] == 0 }, "drained back to zeros")
    }
  }
}
