import Analyses
import Foundation
import GeoCore
import Rendering
import Reports
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Emerging hot spot outputs: the CSV, the series table and the summary")
struct EmergingOutputTests {
  static let result: EmergingResult? = {
    let period = Period(
      firstMonth: IncidentDate(year: 2023, month: 1)!, lastMonth: IncidentDate(year: 2024, month: 12)!)!
    let source = IncidentSource(
      files: [TestData.geoData("incidents-police.csv").path],
      filter: IncidentFilter(period: period, categories: ["Anti-social behaviour"]))
    return try? EmergingRequest(
      features: FeatureSource(areasFile: TestData.geoData("divisions.geojson").path, incidents: source)
    ).run()
  }()

  @Test("the CSV has the documented columns and the library's numbers, row by row")
  func csvEqualsLibrary() throws {
    let result = try #require(Self.result)
    let lines = CSVTable.render(result.table).split(whereSeparator: \.isNewline).map(String.init)
    #expect(lines.first == "area_id,area_name,category,hot_steps,cold_steps,trend_tau,trend_p,last_z,last_p")
    #expect(lines.count == 61)
    guard case .areas(let layer) = result.features.units else {
      Issue.record("not areas")
      return
    }
    for (i, line) in lines.dropFirst().enumerated() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      let n = fields.count
      #expect(fields[0] == layer.ids[i])
      #expect(fields[n - 7] == result.category(i).rawValue)
      #expect(Int(fields[n - 6]) == result.statistics.hotSteps(i))
      #expect(Int(fields[n - 5]) == result.statistics.coldSteps(i))
      // Every number in full: it reads back as the library's double, bit for bit.
      #expect(Double(fields[n - 4]) == result.trend(i).tau)
      #expect(fields[n - 3] == NumberText.shortest(result.trend(i).p))
      #expect(Double(fields[n - 3]) == result.trend(i).p)
      #expect(Double(fields[n - 2]) == result.lastZ(i))
      #expect(Double(fields[n - 1]) == result.lastP(i))
    }
  }

  @Test("the series table has a row per location and step, with the cube's counts")
  func series() throws {
    let result = try #require(Self.result)
    let lines = CSVTable.render(result.seriesTable).split(whereSeparator: \.isNewline)
    #expect(lines.first == "location,step,count,z,p")
    #expect(lines.count == 1 + 60 * 24)
    let total = lines.dropFirst().map { Double($0.split(separator: ",")[2])! }.reduce(0, +)
    #expect(total == result.cube.values.reduce(0, +))
  }

  @Test("the summary names every category found and how many locations it holds")
  func summary() throws {
    let result = try #require(Self.result)
    let text = result.text()
    for (category, count) in result.categoryCounts where count > 0 {
      #expect(text.contains(category.rawValue))
    }
    #expect(text.contains("60 areas × 24 steps"))
  }
}
