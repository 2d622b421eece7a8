import GeoCore
import SpatialAnalysis
import Testing

@Suite("Periods as people write them")
struct PeriodTextTests {
  @Test("a year, months, days and years, inclusive at both ends")
  func accepted() throws {
    #expect(try Period(text: "2024").description == "2024-01..2024-12")
    #expect(try Period(text: "2024-02").dayCount == 29)
    #expect(try Period(text: "2024-01..2024-03").dayCount == 91)
    #expect(try Period(text: "2024-01-15..2024-02-14").dayCount == 31)
    #expect(try Period(text: "2023..2024").dayCount == 731)
  }

  @Test("what is refused, and why")
  func refused() {
    #expect(throws: Period.TextError.notAPeriod) { try Period(text: "2024-13") }
    #expect(throws: Period.TextError.notAPeriod) { try Period(text: "Nov-20") }
    #expect(throws: Period.TextError.notAPeriod) { try Period(text: "2024..2025..2026") }
    #expect(throws: Period.TextError.mixedUnits) { try Period(text: "2024..2025-03") }
    #expect(throws: Period.TextError.endsBeforeStart) { try Period(text: "2024-03..2024-01") }
  }
}
