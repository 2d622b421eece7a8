import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Comparing two counts")
struct CountComparisonTests {
  /// References from scipy 1.17 `binomtest(c1, c1 + c2, t1 / (t1 + t2)).pvalue` (two-sided,
  /// "minlike", relative tolerance 1 + 1e-7: the same rule).
  @Test(
    "p-values equal scipy's exact binomial test",
    arguments: [
      (38073, 366.0, 37519, 365.0, 0.10168825093692538),
      (12, 91.0, 5, 90.0, 0.14356688872466353),
      (0, 30.0, 4, 31.0, 0.12520156774875574),
      (100, 365.0, 100, 365.0, 1.0),
      (250, 181.0, 180, 184.0, 0.00041975145436181163),
      (7, 31.0, 0, 28.0, 0.01647701290162064),
      (1, 365.0, 1, 365.0, 1.0),
    ])
  func againstScipy(current: Int, t1: Double, baseline: Int, t2: Double, expected: Double) {
    let p = CountComparison.pValue(current: current, currentExposure: t1, baseline: baseline, baselineExposure: t2)
    #expect(isClose(p, expected, tolerance: 1e-9 * max(1, expected)), "p = \(p)")
  }

  @Test("no incidents in either period gives p = 1; a huge change gives a tiny p")
  func extremes() {
    #expect(CountComparison.pValue(current: 0, currentExposure: 1, baseline: 0, baselineExposure: 1) == 1)
    let p = CountComparison.pValue(current: 5000, currentExposure: 365, baseline: 100, baselineExposure: 365)
    #expect(p >= 0 && p < 1e-300)
  }

  @Test("rates never divide by zero")
  func rates() {
    #expect(Rates.perPopulation(5, population: 2000) == 2.5)
    #expect(Rates.perPopulation(5, population: 2000, per: 10_000) == 25)
    #expect(Rates.perPopulation(5, population: 0) == nil)
    #expect(Rates.perPopulation(5, population: nil) == nil)
    #expect(Rates.perPopulation(5, population: .nan) == nil)
    #expect(Rates.perSquareKilometre(10, areaSquareMetres: 2_000_000) == 5)
    #expect(Rates.percentChange(from: 0, to: 3) == nil)
    #expect(Rates.percentChange(from: 37519, to: 38073).map { isClose($0, 1.4765851968336, tolerance: 1e-9) } == true)
  }

  @Test("financial years and quarters start in April")
  func breakdownLabels() throws {
    let march = try #require(IncidentDate(year: 2024, month: 3))
    let april = try #require(IncidentDate(year: 2024, month: 4))
    #expect(Breakdown.financialYear.label(timeKey: Breakdown.financialYear.timeKey(march)) == "2023-24")
    #expect(Breakdown.financialYear.label(timeKey: Breakdown.financialYear.timeKey(april)) == "2024-25")
    #expect(Breakdown.financialQuarter.label(timeKey: Breakdown.financialQuarter.timeKey(march)) == "2023-24 Q4")
    #expect(Breakdown.financialQuarter.label(timeKey: Breakdown.financialQuarter.timeKey(april)) == "2024-25 Q1")
    #expect(Breakdown.quarter.label(timeKey: Breakdown.quarter.timeKey(april)) == "2024-Q2")
    #expect(Breakdown.month.label(timeKey: Breakdown.month.timeKey(march)) == "2024-03")
  }
}
