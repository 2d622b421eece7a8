import GeoCore
import GeoIO
import TestSupport
import Testing

@testable import hotspot_sample

/// The incident files read as users will read them, and hold the structure `GeoData/README.md`
/// says was planted.
@Suite("the sample county's incidents")
struct IncidentFileTests {
  static let police = read("incidents-police.csv")

  static func read(_ name: String) -> (table: IncidentTable, report: IncidentReadReport) {
    do {
      return try IncidentReader.read(
        files: [TestData.geoData(name).path], options: IncidentColumnOptions())
    } catch {
      preconditionFailure("\(error)")
    }
  }

  @Test(
    "the police file reads as police.uk: 20,100 rows, 198 without location, 24 months, none skipped"
  )
  func policeFile() {
    let report = Self.police.report
    #expect(report.format == .policeUK)
    #expect(report.crsDecision.crs == .wgs84)
    #expect(report.dataRows == 20_100)
    #expect(report.rowsWithLocation == 19_902)
    #expect(report.rowsWithoutLocation == 198)
    #expect(report.skippedRows == 0)
    #expect(report.problems.isEmpty)
    #expect(report.months.count == 24)
    #expect(
      report.months.first.map { IncidentDate.monthText(monthIndex: $0.monthIndex) } == "2023-01")
    #expect(
      report.months.last.map { IncidentDate.monthText(monthIndex: $0.monthIndex) } == "2024-12")
    let asb = report.categoryCounts.first { $0.category == "Anti-social behaviour" }?.count ?? 0
    #expect(asb == 9_945)
    #expect(report.categoryCounts.count == 14)
  }

  @Test("the council file reads as British National Grid with three categories, none skipped")
  func councilFile() {
    let (table, report) = Self.read("asb-council.csv")
    #expect(report.format == .plain)
    #expect(report.crsDecision.crs == .britishNationalGrid)
    #expect(report.dataRows == 3_086 && report.skippedRows == 0 && report.rowsWithoutLocation == 0)
    #expect(report.months.count == 24)
    #expect(table.category?.values.sorted() == ["Environmental", "Nuisance", "Personal"])
  }

  @Test("the planted hot spots are there: persistent both years, one emerging in 2024, one fading")
  func plantedStructure() {
    let table = Self.police.table
    let dates = table.date ?? []
    for spot in HotSpot.all {
      var perYear = [0, 0]
      for i in 0..<table.count {
        let point = BritishNationalGrid.project(
          GeographicCoordinate(longitude: table.x[i], latitude: table.y[i]))
        let dx = point.x - spot.centre.x
        let dy = point.y - spot.centre.y
        if dx * dx + dy * dy <= spot.radius * spot.radius { perYear[dates[i].year - 2023] += 1 }
      }
      switch spot.trend {
      case .persistent:
        #expect(perYear.allSatisfy { $0 > 250 }, "\(spot.name): \(perYear)")
      case .emerging:
        #expect(perYear[0] < 50 && perYear[1] > 5 * perYear[0], "\(spot.name): \(perYear)")
      case .fading:
        #expect(perYear[0] > 350 && perYear[1] < perYear[0] / 2, "\(spot.name): \(perYear)")
      }
    }
  }

  @Test("the 25 snap points with the most incidents all lie in hot spots")
  func busiestSnapPointsAreHotSpots() {
    let table = Self.police.table
    var counts: [Point: Int] = [:]
    for i in 0..<table.count { counts[table.point(i), default: 0] += 1 }
    let busiest = counts.sorted { ($0.value, $0.key.x, $0.key.y) > ($1.value, $1.key.x, $1.key.y) }
      .prefix(25)
    for (position, count) in busiest {
      let point = BritishNationalGrid.project(
        GeographicCoordinate(longitude: position.x, latitude: position.y))
      let inSpot = HotSpot.all.contains { spot in
        let dx = point.x - spot.centre.x
        let dy = point.y - spot.centre.y
        return dx * dx + dy * dy <= spot.radius * spot.radius
      }
      #expect(inSpot, "\(position) with \(count) incidents")
    }
  }

  @Test("anti-social behaviour peaks in summer")
  func seasonality() {
    let table = Self.police.table
    guard let dates = table.date, let category = table.category,
      let asb = category.values.firstIndex(of: "Anti-social behaviour")
    else {
      Issue.record("no dates or categories")
      return
    }
    var byMonth = Array(repeating: 0, count: 13)
    for i in 0..<table.count where category.codes[i] == Int32(asb) { byMonth[dates[i].month] += 1 }
    #expect(byMonth[7] > byMonth[1] * 3 / 2 && byMonth[6] > byMonth[12] * 3 / 2, "\(byMonth)")
  }
}
