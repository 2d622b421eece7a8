import Analyses
import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis
import TestSupport
import Testing

@Suite("FilterCheck: a filter that matches nothing is an error that says what exists")
struct FilterCheckTests {
  let incidents = TestData.geoData("incidents-police.csv").path

  func loadError(_ filter: IncidentFilter) -> String? {
    do {
      _ = try IncidentInput.load(
        IncidentSource(files: [incidents], filter: filter), working: nil, purpose: "count", labels: true)
      return nil
    } catch {
      return error.description
    }
  }

  @Test("a category in the wrong case names the nearest one and the categories held")
  func wrongCase() throws {
    let message = try #require(loadError(IncidentFilter(categories: ["anti-social behaviour"])))
    #expect(message.contains("no incident has the category 'anti-social behaviour'"))
    #expect(message.contains("categories match exactly, case included"))
    #expect(message.contains("did you mean 'Anti-social behaviour'?"))
    #expect(message.contains("The files hold: "))
    // One file named, not a list of every input.
    #expect(message.hasPrefix(incidents + ": "))
  }

  @Test("a typo in one of two categories is an error too; both right is not")
  func oneTypo() throws {
    let message = try #require(loadError(IncidentFilter(categories: ["Anti-social behaviour", "Burglery"])))
    #expect(message.contains("'Burglery'"))
    #expect(message.contains("did you mean 'Burglary'?"))
    #expect(loadError(IncidentFilter(categories: ["Anti-social behaviour", "Burglary"])) == nil)
  }

  @Test("a period outside the data names the months the files cover")
  func emptyPeriod() throws {
    let first = try #require(IncidentDate(year: 2030, month: 1))
    let last = try #require(IncidentDate(year: 2030, month: 12))
    let period = try #require(Period(firstMonth: first, lastMonth: last))
    let message = try #require(loadError(IncidentFilter(period: period)))
    #expect(message.contains("no incident falls in the period 2030-01..2030-12 (the files cover 2023-01..2024-12)"))
  }

  @Test("nearest: same letters ignoring case first, then fewest edits, nothing when too far")
  func nearest() {
    let names = [("Anti-social behaviour", 3), ("Burglary", 2), ("Vehicle crime", 1)].map {
      (category: $0.0, count: $0.1)
    }
    #expect(
      FilterCheck.unknownCategories(["ANTI-SOCIAL BEHAVIOUR"], held: names)?
        .contains("did you mean 'Anti-social behaviour'?") == true)
    #expect(
      FilterCheck.unknownCategories(["Vehicle crimes"], held: names)?
        .contains("did you mean 'Vehicle crime'?") == true)
    let far = FilterCheck.unknownCategories(["Shoplifting"], held: names)
    #expect(far?.contains("did you mean") == false)
    #expect(FilterCheck.unknownCategories(["Burglary"], held: names) == nil)
  }

  @Test("a long list of files is shortened to the first, the last and how many")
  func filesText() {
    #expect(FilterCheck.filesText(["a.csv"]) == "a.csv")
    #expect(FilterCheck.filesText(["a.csv", "b.csv", "c.csv"]) == "a.csv … c.csv (3 files)")
  }
}
