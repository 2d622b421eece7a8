import Analyses
import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("RankRequest: a composite risk score as a library call")
struct RankRequestTests {
  /// Three 1 km squares in a row (BNG metres): A, B, C.
  static let squares = """
    {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[
    {"type":"Feature","properties":{"code":"A","name":"West","population":1000},"geometry":{"type":"Polygon","coordinates":[[[400000,500000],[401000,500000],[401000,501000],[400000,501000],[400000,500000]]]}},
    {"type":"Feature","properties":{"code":"B","name":"Middle","population":1000},"geometry":{"type":"Polygon","coordinates":[[[401000,500000],[402000,500000],[402000,501000],[401000,501000],[401000,500000]]]}},
    {"type":"Feature","properties":{"code":"C","name":"East","population":4000},"geometry":{"type":"Polygon","coordinates":[[[402000,500000],[403000,500000],[403000,501000],[402000,501000],[402000,500000]]]}}
    ]}
    """

  /// 6 incidents in A, 3 in B, 4 in C (rates per 1,000: 6, 3, 1), one outside, one without a date (not kept by the reader's filter).
  static func incidents() -> String {
    var lines = ["id,date,category,easting,northing"]
    var id = 0
    func add(_ n: Int, _ x: Int, month: Int) {
      for _ in 0..<n {
        id += 1
        lines.append("\(id),2024-\(String(format: "%02d", month))-01,Burglary,\(x),500500")
      }
    }
    add(3, 400500, month: 1)
    add(3, 400500, month: 2)
    add(3, 401500, month: 1)
    add(4, 402500, month: 2)
    add(1, 409000, month: 1)
    lines.append("99,,Burglary,401500,500500")
    return lines.joined(separator: "\n") + "\n"
  }

  @Test("rate only: the score orders the areas by rate per 1,000, with the components and accounting")
  func rateOrder() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("squares.geojson", Self.squares)
    let points = try folder.file("incidents.csv", Self.incidents())
    let weights = try folder.file("weights.json", #"{"harm": 0, "trend": 0, "persistence": 0, "hotspot": 0}"#)
    let result = try RankRequest(
      areasFile: areas, incidents: IncidentSource(files: [points]), populationField: "population", weightsFile: weights,
      resamples: 19
    ).run()
    #expect(result.score.kept.map(\.key).contains("rate"))
    let rate = try #require(result.score.kept.first { $0.key == "rate" })
    #expect(rate.values == [6, 3, 1])
    #expect(result.score.ranks == [1, 2, 3])
    #expect(result.order == [0, 1, 2])
    #expect(result.score.scores[0] > result.score.scores[1] && result.score.scores[1] > result.score.scores[2])
    #expect(result.ranked == 13)
    #expect(result.dataRows == 15)
    #expect(result.warnings.contains("1 incidents lie outside every area and are left out"))
    #expect(result.choices.prefix(2).map(\.0) == ["working_crs", "id_field"])
    #expect(result.monthsText == "2024-01..2024-02")
  }

  @Test("an indicator without its file is a request error")
  func indicatorNeedsFile() throws {
    let request = RankRequest(
      areasFile: "a.geojson", incidents: IncidentSource(files: ["b.csv"]),
      indicators: [RankRequest.Indicator(name: "deprivation", direction: .higher)])
    #expect(throws: RequestError("'--indicator' needs '--indicators FILE'.")) { try request.run() }
  }
}
