import Analyses
import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("EmergingRequest: Emerging Hot Spot Analysis as a library call")
struct EmergingRequestTests {
  static let incidents = TestData.geoData("incidents-police.csv").path
  static let divisions = TestData.geoData("divisions.geojson").path

  /// ASB per division, monthly steps over 2023-01..2024-12.
  static func sampleRequest(step: EmergingStep = .month) -> EmergingRequest {
    let period = Period(
      firstMonth: IncidentDate(year: 2023, month: 1)!, lastMonth: IncidentDate(year: 2024, month: 12)!)!
    let source = IncidentSource(
      files: [incidents], filter: IncidentFilter(period: period, categories: ["Anti-social behaviour"]))
    return EmergingRequest(features: FeatureSource(areasFile: divisions, incidents: source), step: step)
  }

  @Test("every division gets a category; the categories add up to the divisions; the cube adds up to the counts")
  func sampleCounty() throws {
    let result = try Self.sampleRequest().run()
    #expect(result.locationCount == 60)
    #expect(result.cube.stepCount == 24)
    #expect(result.cube.stepLabels.first == "2023-01" && result.cube.stepLabels.last == "2024-12")
    #expect(result.statistics.locations.count == 60)
    #expect(result.categoryCounts.map(\.count).reduce(0, +) == 60)
    // The cube's rows are the per-division totals gistar counts, month by month.
    for i in 0..<result.locationCount {
      #expect(result.cube.series(of: i).reduce(0, +) == result.features.values[i])
    }
    #expect(Int(result.cube.values.reduce(0, +)) + result.incidentsOutside == result.filtered.kept)
    #expect(result.undated == 0)
    #expect(!result.warnings.contains { $0.contains("Mann–Kendall") })
    // Hot and cold steps never exceed the steps; the recorded counts are the categories'.
    for i in 0..<result.locationCount {
      #expect(result.statistics.hotSteps(i) + result.statistics.coldSteps(i) <= 24)
    }
    let keys = result.choices.map(\.0)
    for key in ["step", "time_lags", "threshold", "p", "weights", "categories_rule", "category_counts"] {
      #expect(keys.contains(key), "choice \(key)")
    }
  }

  @Test("the categories equal the library's space-time Gi*, Mann–Kendall and classification of the cube")
  func equalsLibrary() throws {
    let result = try Self.sampleRequest().run()
    let statistic = SpaceTimeGetisOrdGiStar.compute(cube: result.cube, weights: result.features.weights, timeLags: 1)
    #expect(statistic.z == result.statistics.statistic.z)
    for i in 0..<result.locationCount {
      let z = Array(statistic.zSeries(of: i))
      #expect(MannKendall(z) == result.trend(i))
      #expect(EmergingHotSpotClass.classify(z: z, p: statistic.pSeries(of: i), threshold: 0.01) == result.category(i))
      #expect(result.lastZ(i) == z[23])
    }
  }

  @Test("quarterly steps are calendar quarters holding the months' counts")
  func quarters() throws {
    let months = try Self.sampleRequest().run()
    let quarters = try Self.sampleRequest(step: .quarter).run()
    #expect(
      quarters.cube.stepLabels == [
        "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4",
      ])
    for i in 0..<months.locationCount {
      let monthly = months.cube.series(of: i)
      for q in 0..<8 {
        let start = monthly.startIndex + 3 * q
        #expect(quarters.cube[i, q] == monthly[start..<(start + 3)].reduce(0, +))
      }
    }
    #expect(quarters.warnings.contains { $0.contains("only 8 time steps") })
  }

  @Test("steps of N months run from the first month; a short last step is warned about")
  func stepOfMonths() {
    #expect(EmergingStep("5months") == .months(5))
    #expect(EmergingStep("quarter") == .quarter)
    #expect(EmergingStep("1months") == .month)
    #expect(EmergingStep("0months") == nil)
    var counts = MonthlyCounts(locationCount: 1)
    var table = IncidentTable(crs: .planar)
    table.x = [0, 0, 0]
    table.y = [0, 0, 0]
    table.date = [
      IncidentDate(year: 2023, month: 1)!, IncidentDate(year: 2023, month: 6)!, IncidentDate(year: 2023, month: 12)!,
    ]
    counts.add(table) { _ in 0 }
    let (cube, stepMonths) = counts.cube(step: .months(5), months: counts.months!)
    #expect(cube.stepLabels == ["2023-01..2023-05", "2023-06..2023-10", "2023-11..2024-03"])
    #expect(cube.values == [1, 1, 1])
    #expect(stepMonths.last?.count == 2)
  }

  @Test("one area rising steadily among flat ones is a hot spot with a rising trend")
  func risingArea() {
    // 7 × 7 areas, rook neighbours; the centre's count rises by 0.8 a month from 6, the others
    // stay level, varying between 2 and 10.
    let side = 7
    let steps = 24
    var lists: [[Int]] = []
    for r in 0..<side {
      for c in 0..<side {
        var list: [Int] = []
        if r > 0 { list.append((r - 1) * side + c) }
        if c > 0 { list.append(r * side + c - 1) }
        if c < side - 1 { list.append(r * side + c + 1) }
        if r < side - 1 { list.append((r + 1) * side + c) }
        lists.append(list)
      }
    }
    let centre = side * side / 2
    func count(_ i: Int, _ t: Int) -> Double {
      if i == centre { return 6 + 0.8 * Double(t) }
      let mixed: Int = (i * 37 + t * 11 + (i * t) % 7) * 13
      return Double(2 + mixed % 9)
    }
    let series = (0..<(side * side)).map { i in (0..<steps).map { t in count(i, t) } }
    let cube = SpaceTimeCube(stepLabels: (0..<steps).map { String($0) }, series: series)
    let statistics = EmergingStatistics(cube: cube, weights: SpatialWeights(lists: lists))
    let category = statistics.locations[centre].category
    #expect(category.sign == 1, "\(category)")
    #expect(statistics.locations[centre].trend.tau > 0)
    #expect(statistics.hotSteps(centre) > 0)
    #expect(statistics.coldSteps(centre) == 0)
  }

  @Test("emerging refuses points, value fields and an automatic band")
  func refusals() {
    let source = IncidentSource(files: [Self.incidents])
    #expect(throws: RequestError.self) {
      try EmergingRequest(features: FeatureSource(areasFile: Self.divisions, incidents: source, neighbours: .auto))
        .validate()
    }
    #expect(throws: RequestError.self) {
      try EmergingRequest(features: FeatureSource(areasFile: Self.divisions, valueField: "x")).validate()
    }
    #expect(throws: RequestError.self) {
      try EmergingRequest(features: FeatureSource(areasFile: Self.divisions, incidents: source), threshold: 0)
        .validate()
    }
  }
}
