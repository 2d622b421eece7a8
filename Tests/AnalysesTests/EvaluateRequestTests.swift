import Analyses
import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis
import TestSupport
import Testing

@Suite("EvaluateRequest: target against comparison, before and after")
struct EvaluateRequestTests {
  static func square(_ name: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> String {
    """
    {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[
    {"type":"Feature","properties":{"code":"\(name)"},"geometry":{"type":"Polygon","coordinates":[[[\(x0),\(y0)],[\(x1),\(y0)],[\(x1),\(y1)],[\(x0),\(y1)],[\(x0),\(y0)]]]}}
    ]}
    """
  }

  /// Before (2023): target 20, buffer 10, comparison 40. After (2024-01..06): target 6, buffer 4,
  /// comparison 30; 5 outside everything; 7 of another category in the target; 3 in 2022.
  static func incidents() -> String {
    var lines = ["id,date,category,easting,northing"]
    var id = 0
    func add(_ n: Int, _ year: String, _ x: Int, _ y: Int, _ category: String = "Nuisance") {
      for k in 0..<n {
        id += 1
        lines.append(
          "\(id),\(year)-\(String(format: "%02d", k % (year == "2023" ? 12 : 6) + 1))-15,\(category),\(x),\(y)")
      }
    }
    add(20, "2023", 400500, 500500)
    add(10, "2023", 401100, 500500)
    add(40, "2023", 405500, 500500)
    add(6, "2024", 400500, 500500)
    add(4, "2024", 400500, 501150)
    add(30, "2024", 405500, 500500)
    add(5, "2024", 403000, 503000)
    add(7, "2024", 400500, 500500, "Personal")
    add(3, "2022", 400500, 500500)
    return lines.joined(separator: "\n") + "\n"
  }

  @Test("counts per group and period, the ratio of ratios from them, the inputs")
  func counts() throws {
    let folder = try TemporaryFolder()
    let target = try folder.file("target.geojson", Self.square("T1", 400000, 500000, 401000, 501000))
    let comparison = try folder.file("comparison.geojson", Self.square("C1", 405000, 500000, 406000, 501000))
    let file = try folder.file("incidents.csv", Self.incidents())
    let before = Period(
      firstMonth: IncidentDate(year: 2023, month: 1)!, lastMonth: IncidentDate(year: 2023, month: 12)!)!
    let after = Period(firstMonth: IncidentDate(year: 2024, month: 1)!, lastMonth: IncidentDate(year: 2024, month: 6)!)!
    var source = IncidentSource(files: [file])
    source.filter = IncidentFilter(categories: ["Nuisance"])
    let result = try EvaluateRequest(
      incidents: source, targetFile: target, comparisonFile: comparison, before: before, after: after, buffer: 200
    ).run()
    #expect(result.count(.target, 0) == 20)
    #expect(result.count(.target, 1) == 6)
    #expect(result.count(.buffer, 0) == 10)
    #expect(result.count(.buffer, 1) == 4)
    #expect(result.count(.comparison, 0) == 40)
    #expect(result.count(.comparison, 1) == 30)
    let change = try #require(result.targetChange)
    #expect(abs(change.ratio - (6.0 / 20) / (30.0 / 40)) < 1e-12)
    #expect(result.perMonth(.comparison, 1) == 5)
    #expect(result.groups == [.target, .comparison, .buffer])
    #expect(result.inputs == [target, comparison, file])
    #expect(result.warnings.isEmpty)
  }

  @Test("periods out of order are a request error")
  func order() throws {
    let a = Period(firstMonth: IncidentDate(year: 2024, month: 1)!, lastMonth: IncidentDate(year: 2024, month: 6)!)!
    #expect(throws: RequestError.self) { try EvaluateRequest.checkPeriods(before: a, after: a) }
  }
}
