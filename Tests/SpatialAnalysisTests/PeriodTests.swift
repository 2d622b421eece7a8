import GeoCore
import SpatialAnalysis
import Testing

@Suite("Periods and incident filters")
struct PeriodTests {
  func date(_ y: Int, _ m: Int, _ d: Int? = nil) -> IncidentDate {
    (d.map { IncidentDate(year: y, month: m, day: $0) } ?? IncidentDate(year: y, month: m))
      ?? IncidentDate(packed: 0)
  }

  @Test("whole-month periods include both end months")
  func wholeMonths() throws {
    let period = try #require(Period(firstMonth: date(2024, 1), lastMonth: date(2024, 12)))
    #expect(period.description == "2024-01..2024-12")
    #expect(period.dayCount == 366)
    #expect(period.contains(date(2024, 1)) && period.contains(date(2024, 12)))
    #expect(period.contains(date(2024, 12, 31)) && !period.contains(date(2025, 1, 1)))
    #expect(!period.contains(date(2023, 12)))
  }

  @Test("a month that straddles a day-level period's end is outside, and says so")
  func straddlingMonths() {
    let period = Period(start: date(2024, 1, 15), end: date(2024, 3, 31))
    #expect(period.description == "2024-01-15..2024-03-31")
    #expect(!period.contains(date(2024, 1)) && period.straddles(date(2024, 1)))
    #expect(period.contains(date(2024, 2)) && period.contains(date(2024, 3)))
    #expect(!period.straddles(date(2024, 4)))
    #expect(period.contains(date(2024, 1, 15)) && !period.contains(date(2024, 1, 14)))
  }

  @Test("day numbers follow the civil calendar")
  func dayCounts() {
    #expect(Period(start: date(2024, 2, 28), end: date(2024, 3, 1)).dayCount == 3)
    #expect(Period(start: date(2023, 4, 1), end: date(2024, 3, 31)).dayCount == 366)
    #expect(Period(start: date(1970, 1, 1), end: date(1970, 1, 1)).dayCount == 1)
  }

  @Test("a filter keeps rows by period and category and counts what it removed")
  func filter() {
    var table = IncidentTable(crs: .britishNationalGrid)
    table.x = [1, 2, 3, 4, 5]
    table.y = [1, 2, 3, 4, 5]
    table.date = [date(2024, 1), date(2024, 2), IncidentDate(packed: 0), date(2024, 6), date(2024, 2, 10)]
    var category = CodedColumn()
    for c in ["Nuisance", "Personal", "Nuisance", "Nuisance", "Environmental"] { category.append(c) }
    table.category = category
    let filter = IncidentFilter(
      period: Period(firstMonth: date(2024, 1), lastMonth: date(2024, 3)),
      categories: ["Nuisance", "Environmental"])
    let (kept, outcome) = filter.apply(to: table)
    #expect(kept.x == [1, 5])
    #expect(outcome.kept == 2 && outcome.noDate == 1 && outcome.outsidePeriod == 1)
    #expect(outcome.otherCategory == 1)
    #expect(kept.category?[1] == "Environmental")
  }
}
