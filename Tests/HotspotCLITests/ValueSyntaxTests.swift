import GeoCore
import Testing

@testable import hotspot

@Suite("Value syntax: distances, areas, shares, periods")
struct ValueSyntaxTests {
  @Test(
    "distances take m and km; a bare number is metres",
    arguments: [
      ("400m", 400.0), ("1.5km", 1500.0), ("250", 250.0), ("0.25KM", 250.0), (" 75 m", 75.0),
    ])
  func distances(text: String, metres: Double) throws {
    #expect(try ValueSyntax.distance(text, option: "cell") == metres)
  }

  @Test("bad distances are usage errors", arguments: ["", "m", "-5m", "0m", "abc", "1e400m", "5 miles"])
  func badDistances(text: String) {
    #expect(throws: UsageError.self) { try ValueSyntax.distance(text, option: "cell") }
  }

  @Test("areas take km2, ha and m2")
  func areas() throws {
    #expect(try ValueSyntax.area("2km2", option: "area-budget") == 2_000_000)
    #expect(try ValueSyntax.area("50ha", option: "area-budget") == 500_000)
    #expect(try ValueSyntax.area("5000m2", option: "area-budget") == 5000)
  }

  @Test("shares take a percentage or a fraction")
  func shares() throws {
    #expect(try ValueSyntax.share("5%", option: "top") == 0.05)
    #expect(try ValueSyntax.share("0.25", option: "top") == 0.25)
    #expect(throws: UsageError.self) { try ValueSyntax.share("150%", option: "top") }
  }

  @Test("periods: months, days, a single month, a single year")
  func periods() throws {
    #expect(try ValueSyntax.period("2024-01..2024-12", option: "period").description == "2024-01..2024-12")
    #expect(try ValueSyntax.period("2024-01-01..2024-03-31", option: "period").description == "2024-01..2024-03")
    #expect(try ValueSyntax.period("2024-01-15..2024-03-31", option: "period").description == "2024-01-15..2024-03-31")
    #expect(try ValueSyntax.period("2024-02", option: "period").dayCount == 29)
    #expect(try ValueSyntax.period("2023", option: "period").dayCount == 365)
  }

  @Test(
    "bad periods are usage errors",
    arguments: [
      "2024-13..2024-12", "2024-12..2024-01", "2024-01..2024-02-01", "2024-02-30..2024-03-01", "24-01", "x",
      "2024-01..2024-02..2024-03",
    ])
  func badPeriods(text: String) {
    #expect(throws: UsageError.self) { try ValueSyntax.period(text, option: "period") }
  }
}
