import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Nearest point")
struct NearestPointTests {
  /// The nearest point by scanning every one, ties to the lower index.
  func bruteForce(_ points: [Point], _ q: Point) -> Int {
    var best = 0
    var bestD2 = Double.infinity
    for (j, p) in points.enumerated() {
      let d2 = (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)
      if d2 < bestD2 {
        best = j
        bestD2 = d2
      }
    }
    return best
  }

  @Test("equals a brute-force scan, for queries inside and far outside the points", arguments: 0..<25)
  func matchesBruteForce(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let n = Int.random(in: 1...300, using: &rng)
    // Integer positions on a coarse lattice make exact ties common.
    let points = (0..<n).map { _ in
      Point(x: Double(Int.random(in: 0...40, using: &rng)) * 25, y: Double(Int.random(in: 0...20, using: &rng)) * 25)
    }
    let index = NearestPoint(points: points)
    for _ in 0..<400 {
      let q = Point(
        x: Double(Int.random(in: -200...1200, using: &rng)) * 2.5,
        y: Double(Int.random(in: -400...800, using: &rng)) * 2.5)
      #expect(index.nearest(to: q) == bruteForce(points, q))
    }
  }

  @Test("ties go to the point first in the file; the tally counts every incident once")
  func tiesAndTally() {
    let index = NearestPoint(points: [Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: 0, y: 0)])
    #expect(index.nearest(to: Point(x: 5, y: 3)) == 0)
    #expect(index.nearest(to: Point(x: 6, y: 0)) == 1)
    #expect(index.nearest(to: Point(x: -1e6, y: 0)) == 0)
    #expect(index.tally(x: [5, 6, -1, 100], y: [3, 0, 0, 0]) == [2, 2, 0])
    #expect(NearestPoint(points: []).nearest(to: Point(x: 0, y: 0)) == nil)
    #expect(NearestPoint(points: [Point(x: 3, y: 4)]).nearest(to: Point(x: 1e9, y: -1e9)) == 0)
  }

  @Test("the smallest connecting band is the largest nearest-neighbour distance")
  func connectingBand() {
    let points = [Point(x: 0, y: 0), Point(x: 100, y: 0), Point(x: 250, y: 0), Point(x: 0, y: 300)]
    #expect(SpatialWeights.smallestConnectingBand(points: points) == 300)
    let w = SpatialWeights.distanceBand(points: points, limit: 300 * (1 + 1e-9))
    #expect(w.islands.isEmpty)
    #expect(SpatialWeights.smallestConnectingBand(points: [Point(x: 1, y: 1)]) == 0)
  }
}
