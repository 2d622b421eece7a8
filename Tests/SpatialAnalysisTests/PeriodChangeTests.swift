import GeoCore
import SpatialAnalysis
import Testing

@Suite("Period comparisons of different lengths")
struct PeriodChangeTests {
  private func period(_ text: String) throws -> Period { try Period(text: text) }

  @Test("3 months against 12: a rate that rose sixfold reads +500 %, not the +50 % of the totals")
  func perMonthChange() throws {
    // 30 incidents in 2020-09..2020-11 (10 a month) against 20 in 2019 (1.67 a month).
    let change = PeriodChange(
      current: 30, in: try period("2020-09..2020-11"), baseline: 20, in: try period("2019"))
    #expect(!change.sameLength)
    #expect(change.currentMonths == 3 && change.baselineMonths == 12)
    #expect(abs(change.currentPerMonth - 10) < 1e-12)
    #expect(abs(change.baselinePerMonth - 20.0 / 12) < 1e-12)
    #expect(abs((change.percent ?? 0) - 500) < 1e-9)
    #expect(abs(change.change - (10 - 20.0 / 12)) < 1e-12)
    // scipy.stats.binomtest(30, 50, 3/15).pvalue: exposures are the months.
    #expect(abs(change.p - 6.936746603338707e-10) / 6.936746603338707e-10 < 1e-9)
  }

  @Test("periods of equal length compare their totals: 2024 and 2023 are both 12 months")
  func equalLengths() throws {
    let change = PeriodChange(current: 90, in: try period("2024"), baseline: 120, in: try period("2023"))
    #expect(change.sameLength)
    #expect(change.change == -30)
    #expect(abs((change.percent ?? 0) + 25) < 1e-12)
    #expect(
      change.p == CountComparison.pValue(current: 90, currentExposure: 1, baseline: 120, baselineExposure: 1))
    #expect(PeriodChange(current: 3, in: try period("2024"), baseline: 0, in: try period("2023")).percent == nil)
  }

  @Test("the same period and overlapping periods cannot be compared; disjoint ones can")
  func comparisonProblems() throws {
    #expect(try period("2024").comparisonProblem(baseline: try period("2024")) == "the baseline is the period itself")
    #expect(
      try period("2024").comparisonProblem(baseline: try period("2023-07..2024-06"))?.contains("share days") == true)
    #expect(try period("2024").comparisonProblem(baseline: try period("2023")) == nil)
  }

  @Test("clipping to the data's months and the whole months inside a day-level period")
  func clippingAndWholeMonths() throws {
    let months = 2018 * 12 + 3...2020 * 12 + 10  // 2018-04..2020-11
    #expect(try period("2020").clipped(toMonths: months)?.description == "2020-01..2020-11")
    #expect(try period("2020").clipped(toMonths: months)?.months == 11)
    #expect(try period("2019").clipped(toMonths: months) == (try period("2019")))
    #expect(try period("2017").clipped(toMonths: months) == nil)
    #expect(try period("2020-01-15..2020-04-14").wholeMonthsInside?.description == "2020-02..2020-03")
    #expect(try period("2020-01-15..2020-02-14").wholeMonthsInside == nil)
    #expect(try period("2020-01..2020-03").wholeMonthsInside == (try period("2020-01..2020-03")))
  }
}
