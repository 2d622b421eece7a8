import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Concentration: Lorenz curve, Gini, generalised Gini")
struct ConcentrationTests {
  /// Gini as the mean absolute difference over every ordered pair, Σᵢ Σⱼ |xᵢ − xⱼ| / (2 m² x̄):
  /// a definition independent of the sorted-rank formula the type uses.
  func meanDifferenceGini(_ x: [Double]) -> Double {
    let m = Double(x.count)
    let mean = x.reduce(0, +) / m
    var sum = 0.0
    for a in x { for b in x { sum += abs(a - b) } }
    return sum / (2 * m * m * mean)
  }

  @Test("all incidents in one of four places: G = 0.75, and G′ = G since incidents outnumber places")
  func onePlaceOfFour() throws {
    let c = try #require(Concentration(counts: [0, 0, 10, 0]))
    // 2 · (4 · 10) / (4 · 10) − 5/4 = 0.75.
    #expect(isClose(c.gini, 0.75, tolerance: 1e-15))
    #expect(isClose(c.generalisedGini, 0.75, tolerance: 1e-15))
    #expect(c.places == 4 && c.incidents == 10 && c.placesWithIncidents == 1)
    #expect(
      c.lorenz == [.init(places: 0, incidents: 0), .init(places: 0.75, incidents: 0), .init(places: 1, incidents: 1)])
    #expect(c.placesHolding(share: 0.5) == 1)
    #expect(c.incidentShare(ofBusiest: 1) == 1)
  }

  @Test("equal counts give G = 0 and a straight Lorenz curve; one place gives 0")
  func equalCounts() throws {
    let c = try #require(Concentration(counts: [3, 3, 3]))
    #expect(isClose(c.gini, 0, tolerance: 1e-15))
    #expect(isClose(c.generalisedGini, 0, tolerance: 1e-15))
    #expect(c.lorenz == [.init(places: 0, incidents: 0), .init(places: 1, incidents: 1)])
    #expect(c.placesHolding(share: 0.5) == 2)
    let single = try #require(Concentration(counts: [5]))
    #expect(isClose(single.gini, 0, tolerance: 1e-15))
  }

  @Test("fewer incidents than places: the most even spread has G′ = 0, all in one place 1 − 1/N")
  func fewerIncidentsThanPlaces() throws {
    // One incident in four places: G = 0.75 (the floor 1 − N/m), G′ = 4 · (0.75 − 1) + 1 = 0.
    let one = try #require(Concentration(counts: [0, 0, 0, 1]))
    #expect(isClose(one.gini, 0.75, tolerance: 1e-15))
    #expect(isClose(one.generalisedGini, 0, tolerance: 1e-15))
    // Two in four, apart: G = 2 · 7 / 8 − 5/4 = 0.5; G′ = 2 · (0.5 − 1) + 1 = 0.
    let apart = try #require(Concentration(counts: [1, 0, 1, 0]))
    #expect(isClose(apart.gini, 0.5, tolerance: 1e-15))
    #expect(isClose(apart.generalisedGini, 0, tolerance: 1e-15))
    // Two in four, together: G = 0.75; G′ = 2 · (0.75 − 1) + 1 = 0.5 = 1 − 1/N.
    let together = try #require(Concentration(counts: [0, 2, 0, 0]))
    #expect(isClose(together.gini, 0.75, tolerance: 1e-15))
    #expect(isClose(together.generalisedGini, 0.5, tolerance: 1e-15))
    // [0,0,0,0,0,1,2,3]: Σ i·x = 6 + 14 + 24 = 44; G = 88/48 − 9/8 = 17/24; G′ = 1 − (8/6)(7/24) = 11/18.
    let mixed = try #require(Concentration(counts: [3, 0, 0, 2, 0, 1, 0, 0]))
    #expect(isClose(mixed.gini, 17.0 / 24, tolerance: 1e-15))
    #expect(isClose(mixed.generalisedGini, 11.0 / 18, tolerance: 1e-15))
  }

  @Test("the Lorenz vertices of [1, 2, 3, 4] and the busiest places' shares")
  func lorenzVertices() throws {
    let c = try #require(Concentration(counts: [4, 1, 3, 2]))
    let expected: [(Double, Double)] = [(0, 0), (0.25, 0.1), (0.5, 0.3), (0.75, 0.6), (1, 1)]
    #expect(c.lorenz.count == expected.count)
    for (point, (p, s)) in zip(c.lorenz, expected) {
      #expect(isClose(point.places, p, tolerance: 1e-15) && isClose(point.incidents, s, tolerance: 1e-15))
    }
    // G = 2 · (1 + 4 + 9 + 16) / 40 − 5/4 = 0.25.
    #expect(isClose(c.gini, 0.25, tolerance: 1e-15))
    #expect(c.placesHolding(share: 0.5) == 2)  // 4 + 3 = 7 ≥ 5
    #expect(c.placesHolding(share: 0.7) == 2)  // exactly 7 of 10
    #expect(c.placesHolding(share: 0.71) == 3)
    #expect(c.placesHolding(share: 1) == 4)
    #expect(isClose(c.incidentShare(ofBusiest: 1), 0.4, tolerance: 1e-15))
    #expect(c.incidentShare(ofBusiest: 0) == 0 && c.incidentShare(ofBusiest: 9) == 1)
  }

  @Test("the sorted-rank Gini equals the mean absolute difference form on random counts", arguments: 0..<20)
  func agreesWithMeanDifference(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let m = 1 + Int(rng.next() % 60)
    let counts = (0..<m).map { _ in rng.next() % 3 == 0 ? 0 : Double(rng.next() % 40) }
    guard counts.contains(where: { $0 > 0 }) else { return }
    let c = try #require(Concentration(counts: counts))
    #expect(isClose(c.gini, meanDifferenceGini(counts), tolerance: 1e-12))
    // Independent of order.
    let reversed = try #require(Concentration(counts: counts.reversed()))
    #expect(reversed == c)
    // The Lorenz curve rises from (0, 0) to (1, 1), convex: slopes never fall.
    #expect(c.lorenz.first == .init(places: 0, incidents: 0) && c.lorenz.last == .init(places: 1, incidents: 1))
    var slope = -1.0
    for (a, b) in zip(c.lorenz, c.lorenz.dropFirst()) {
      let next = (b.incidents - a.incidents) / (b.places - a.places)
      #expect(next >= slope - 1e-12)
      slope = next
    }
  }

  @Test("no places, or no incidents, give no concentration")
  func undefined() {
    #expect(Concentration(counts: []) == nil)
    #expect(Concentration(counts: [0, 0]) == nil)
    #expect(Concentration(counts: [1, -1]) == nil)
  }
}
