import Analyses
import Foundation
import GeoCore
import Rendering
import SpatialAnalysis
import TestSupport
import Testing

@Suite("GistarRequest and MoranRequest: Gi* and Moran's I as library calls")
struct GistarRequestTests {
  static let incidents = TestData.geoData("incidents-police.csv").path
  static let divisions = TestData.geoData("divisions.geojson").path
  static let features = FeatureSource(areasFile: divisions, incidents: IncidentSource(files: [incidents]))

  /// The command line's golden text output of `gistar --areas divisions --incidents …`.
  static func snapshot(_ name: String) throws -> String {
    try String(
      contentsOf: TestData.packageRoot.appendingPathComponent("Tests/HotspotCLITests/Snapshots/\(name)"),
      encoding: .utf8)
  }

  @Test("z per division equals what the command line prints; classes tally as its summary")
  func zMatchesCommandLine() throws {
    let result = try GistarRequest(features: Self.features).run()
    #expect(result.features.values.count == 60)
    var printed: [String: String] = [:]
    for line in try Self.snapshot("gistar-text.txt").split(separator: "\n") where line.hasPrefix("E0") {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      printed[String(fields[0])] = String(fields[fields.count - 4])
    }
    guard case .areas(let layer) = result.features.units else {
      Issue.record("features are not areas")
      return
    }
    #expect(printed.count == 60)
    for (k, id) in layer.ids.enumerated() {
      let shown = try #require(printed[id].flatMap(Double.init), "\(id)")
      #expect(abs(shown - result.statistic.z[k]) <= 5e-7, "\(id)")
    }
    #expect(result.hot == [3, 3, 1])
    #expect(result.cold == [1, 2, 0])
    #expect(result.choices.contains { $0.0 == "fdr" && $0.1 == .string("none") })
  }

  @Test("the counts per division add up to the incidents inside them")
  func countsAddUp() throws {
    let result = try GistarRequest(features: Self.features).run()
    let counted = result.features.values.reduce(0, +)
    let outside = result.features.choices.first { $0.0 == "incidents_outside_areas" }?.1
    let kept = result.features.choices.first { $0.0 == "incidents" }?.1
    guard case .number(let outsideCount)? = outside, case .number(let keptCount)? = kept else {
      Issue.record("no accounting in the choices")
      return
    }
    #expect(counted + outsideCount == keptCount)
  }

  @Test("global Moran's I equals the command line's; local Moran needs permutations")
  func moran() throws {
    let result = try MoranRequest(features: Self.features).run()
    let global = try #require(result.global)
    #expect(NumberText.fixed(global.i, digits: 6) == "0.081028")
    #expect(global.n == 60)
    #expect(result.choices.last?.0 == "result")
    #expect(result.summary.count + 1 == result.choices.count)
    #expect(throws: RequestError.self) { try MoranRequest(features: Self.features, local: true, permutations: 0).run() }
  }

  @Test("options that exclude each other are a RequestError before anything is read")
  func invalid() {
    let points = FeatureSource(areasFile: Self.divisions, pointsFile: Self.incidents, valueColumn: "x")
    #expect(throws: RequestError.self) { try points.validate() }
    #expect(throws: RequestError.self) { try FeatureSource(cell: 250).validate() }
  }

  @Test("the automatic cell size is the shorter side / 50, rounded down to 100 m")
  func automaticCellSize() {
    #expect(NeighbourWeights.automaticCellSize(BoundingBox(minX: 0, minY: 0, maxX: 60_000, maxY: 45_000)) == 900)
    #expect(NeighbourWeights.automaticCellSize(BoundingBox(minX: 0, minY: 0, maxX: 3900, maxY: 5000)) == 78)
  }
}
