import SpatialAnalysis
import Testing

@Suite("RiskScore and RankUncertainty")
struct RiskScoreTests {
  @Test("percentile ranks by hand: ties share the average, all-equal values give 50")
  func percentiles() {
    #expect(RiskScore.normalise([1, 2, 2, 4], .percentile) == [0, 50, 50, 100])
    #expect(RiskScore.normalise([7, 7, 7], .percentile) == [50, 50, 50])
    #expect(RiskScore.normalise([3], .percentile) == [50])
    #expect(RiskScore.normalise([1, nil, 3], .percentile) == [0, nil, 100])
    // z: mean 2, population sd √(2/3).
    let z = RiskScore.normalise([1, 2, 3], .z).map { $0! }
    #expect(abs(z[0] + 1.224744871391589) < 1e-12 && z[1] == 0)
    #expect(RiskScore.normalise([5, 5], .z) == [0, 0])
  }

  @Test("weighted score and ranks by hand; ties go to the first area")
  func scoreAndTies() {
    let rate = RiskScore.Component(key: "rate", values: [10, 20, 30, 20], weight: 3)
    let harm = RiskScore.Component(key: "harm", values: [4, 1, 2, 3], weight: 1)
    let result = RiskScore.compute(components: [rate, harm])
    // rate percentiles 0, 50, 100, 50; harm 100, 0, 33.3, 66.7; weights 0.75, 0.25.
    #expect(result.kept.map(\.weight) == [0.75, 0.25])
    #expect(abs(result.scores[0] - 25) < 1e-12)
    #expect(abs(result.scores[1] - 37.5) < 1e-12)
    #expect(abs(result.scores[2] - (75 + 25.0 / 3)) < 1e-12)
    #expect(abs(result.scores[3] - (37.5 + 50.0 / 3)) < 1e-12)
    #expect(result.ranks == [4, 3, 1, 2])
    let tied = RiskScore.compute(components: [RiskScore.Component(key: "x", values: [1, 2, 2, 1], weight: 1)])
    #expect(tied.ranks == [3, 1, 2, 4])
  }

  @Test("a lower-is-worse indicator is reversed")
  func reversed() {
    let income = RiskScore.Component(key: "income", values: [30, 10, 20], direction: .lower, weight: 1)
    let result = RiskScore.compute(components: [income])
    #expect(result.normalised[0] == [0, 100, 50])
    #expect(result.ranks == [3, 1, 2])
  }

  @Test("missing values take the median; a component with no values is dropped, its weight shared")
  func missing() {
    let rate = RiskScore.Component(key: "rate", values: [nil, nil, nil], weight: 0.5)
    let indicator = RiskScore.Component(key: "deprivation", values: [1, nil, 3], weight: 0.25)
    let harm = RiskScore.Component(key: "harm", values: [3, 2, 1], weight: 0.25)
    let result = RiskScore.compute(components: [rate, indicator, harm])
    #expect(result.dropped == ["rate"])
    #expect(result.kept.map(\.key) == ["deprivation", "harm"])
    #expect(result.kept.map(\.weight) == [0.5, 0.5])
    #expect(result.normalised[0] == [0, 50, 100])
    #expect(result.filled == [[1], []])
    #expect(result.scores == [50, 50, 50])
    #expect(result.ranks == [1, 2, 3])
  }

  @Test("ranks within groups")
  func groups() {
    #expect(RiskScore.ranks(scores: [1, 5, 3, 4], groups: [0, 0, 1, 1]) == [2, 1, 2, 1])
  }

  @Test("count components by hand: trend, persistence, rate, harm")
  func components() {
    var counts = RiskCounts(areas: 5, months: 12, categories: 2)
    for month in 0..<12 { counts[0, month, 0] = 2 }  // steady
    for month in 9..<12 { counts[1, month, 1] = 4 }  // new
    counts[2, 0, 0] = 1
    let trend = RiskComponents.trend(counts)
    #expect(abs(trend.ratio[0]! - (6.5 / 3) / (18.5 / 9)) < 1e-12)
    #expect(abs(trend.ratio[1]! - (12.5 / 3) / (0.5 / 9)) < 1e-12)
    #expect(trend.p[1]! < 1e-6)
    let persistence = RiskComponents.persistence(counts)
    // Top fifth of 5 areas = the one highest (ties included, zeros never).
    #expect(persistence.months == [9, 3, 0, 0, 0])  // area 1 tops months 10–12
    #expect(RiskComponents.rate(counts, population: [1000, 2000, nil, 0, 500]) == [24, 6, nil, nil, 0])
    #expect(RiskComponents.harm(counts, weights: [1, 3]) == [24, 36, 1, 0, 0])
    var short = RiskCounts(areas: 2, months: 1, categories: 1)
    short[0, 0, 0] = 3
    #expect(RiskComponents.trend(short).ratio == [nil, nil])
    #expect(RiskComponents.persistence(short).share == [nil, nil])
  }

  @Test("rank intervals narrow as counts grow, and the same seed gives the same answer")
  func intervals() {
    let base = [10, 12, 14, 16, 18, 20]
    func width(_ scale: Int) -> Int {
      let cells = base.map { $0 * scale }
      let result = RankUncertainty.compute(cells: cells, resamples: 199, seed: 7, k: 2, groups: nil) {
        $0.map(Double.init)
      }
      return zip(result.high, result.low).map { $0 - $1 }.reduce(0, +)
    }
    #expect(width(100) < width(1))
    #expect(width(100) == 0)
    let a = RankUncertainty.compute(cells: base, resamples: 99, seed: 3, k: 1, groups: nil) { $0.map(Double.init) }
    let b = RankUncertainty.compute(cells: base, resamples: 99, seed: 3, k: 1, groups: nil) { $0.map(Double.init) }
    #expect(a.low == b.low && a.high == b.high && a.pTop == b.pTop)
    #expect(abs(a.pTop.reduce(0, +) - 1) < 1e-12)
    var rng = SplitMix64(seed: 1)
    let mean = (0..<20_000).reduce(0) { sum, _ in sum + RankUncertainty.poisson(45, using: &rng) }
    #expect(abs(Double(mean) / 20_000 - 45) < 0.2)
  }
}

@Suite("DesignationScreen")
struct DesignationScreenTests {
  @Test("rate ratios against all areas together, tests with their bounds, statuses by hand")
  func byHand() {
    // All: 30 incidents / 3,000 people = 0.01; area 0: 20 / 1,000 = 0.02 → 2; area 1: 10 / 2,000 → 0.5.
    #expect(DesignationScreen.rateRatio(counts: [20, 10, 5], population: [1000, 2000, nil]) == [2, 0.5, nil])
    #expect(DesignationScreen.Test.atLeast(1.5).passes(1.5))
    #expect(!DesignationScreen.Test.atMost(3).passes(3.01))
    #expect(DesignationScreen.Test.between(1, 3).passes(1) && DesignationScreen.Test.between(1, 3).passes(3))
    #expect(!DesignationScreen.Test.atLeast(0).passes(nil))
    #expect(DesignationScreen.passes([2, 1.6], .atLeast(1.5)) && !DesignationScreen.passes([2, 1.4], .atLeast(1.5)))
    let statuses = [[true, true], [true, false], [false, false], [false, true]].map(DesignationScreen.status)
    #expect(statuses == [.qualifies, .nearMiss, .fails, .nearMiss])
    #expect(DesignationScreen.listed(statuses) == [0, 1, 3])
  }
}
