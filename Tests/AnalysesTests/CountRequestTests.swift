import Analyses
import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis
import TestSupport
import Testing

/// 2024 as a period.
func year2024() throws -> Period { try months(2024, 1, 12) }

/// The months `first`..`last` of one year as a period.
func months(_ year: Int, _ first: Int, _ last: Int) throws -> Period {
  let start = try #require(IncidentDate(year: year, month: first))
  let end = try #require(IncidentDate(year: year, month: last))
  return try #require(Period(firstMonth: start, lastMonth: end))
}

@Suite("CountRequest: incidents per area as a library call")
struct CountRequestTests {
  static let divisions = TestData.geoData("divisions.geojson").path
  static let police = TestData.geoData("incidents-police.csv").path
  static let centroids = TestData.geoData("lsoa-centroids.csv").path

  func asb2024(populationField: String? = nil, populationFile: String? = nil) throws -> CountRequest {
    CountRequest(
      areasFile: Self.divisions,
      incidents: IncidentSource(
        files: [Self.police], filter: IncidentFilter(period: try year2024(), categories: ["Anti-social behaviour"])),
      populationField: populationField, populationFile: populationFile)
  }

  @Test("2024 ASB per division: the counts, outside, filtered and without location add up to the rows read")
  func accounting() throws {
    let result = try asb2024().run()
    #expect(result.layer.count == 60)
    #expect(result.tally.counts.reduce(0, +) == result.tally.counted)
    #expect(result.tally.counted > 0)
    #expect(result.filtered.otherCategory > 0 && result.filtered.outsidePeriod > 0)
    #expect(result.tally.overlaps == 0)
    let report = result.report
    #expect(
      result.tally.counted + result.tally.outside + result.filtered.removed + report.rowsWithoutLocation
        + report.skippedRows == report.dataRows)
    #expect(report.dataRows == 20_100)
    let facts = Dictionary(uniqueKeysWithValues: result.summaryFacts.map { ($0.key, $0.value) })
    #expect(facts["counted"] == result.tally.counted)
    #expect(facts["rows"] == report.dataRows)
    #expect(result.inputs == [Self.divisions, Self.police])
    #expect(
      result.choices.map(\.0) == [
        "areas_crs", "areas_crs_rule", "incidents_crs", "incidents_crs_rule", "working_crs", "id_field", "name_field",
        "coordinate_columns", "edge_rule", "layer", "near_boundary_m", "snap_m", "summary",
      ])
    #expect(result.incidents == nil)
  }

  @Test("the population comes from the area property, and keepsIncidents keeps exactly the counted rows' table")
  func populationProperty() throws {
    var request = try asb2024(populationField: "population")
    request.keepsIncidents = true
    let result = try request.run()
    let population = try #require(result.population)
    let property = result.layer.property("population").map { $0?.number }
    #expect(population == property)
    #expect(population.allSatisfy { ($0 ?? 0) > 0 })
    #expect(result.warnings.isEmpty)
    #expect(result.incidents?.count == result.filtered.kept)
  }

  @Test("count and rank join a centroid population file identically (one PopulationJoin)")
  func oneJoin() throws {
    let count = try asb2024(populationFile: Self.centroids).run()
    let rank = try RankRequest(
      areasFile: Self.divisions, incidents: IncidentSource(files: [Self.police]), populationFile: Self.centroids,
      resamples: 1
    ).run()
    #expect(count.population != nil)
    #expect(count.population == rank.model.population)
    var warnings: [String] = []
    let direct = try PopulationJoin.perArea(
      layer: count.layer, field: nil, file: Self.centroids, declaredCRS: nil, warnings: &warnings)
    #expect(direct == count.population)
  }

  @Test("areas already in memory count the same as the file they came from")
  func areasInMemory() throws {
    let fromFile = try asb2024().run()
    var request = try asb2024()
    request.areasFile = ""
    request.areaLayer = try AreaLayer.load(file: Self.divisions)
    let inMemory = try request.run()
    #expect(inMemory.tally.counts == fromFile.tally.counts)
    #expect(inMemory.summaryFacts.map(\.value) == fromFile.summaryFacts.map(\.value))
  }

  @Test("a duplicate area id is refused, naming the field")
  func duplicateID() throws {
    let folder = try TemporaryFolder()
    let square = "[[[400000,500000],[401000,500000],[401000,501000],[400000,501000],[400000,500000]]]"
    let areas = try folder.file(
      "dup.geojson",
      """
      {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[
      {"type":"Feature","properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":\(square)}},
      {"type":"Feature","properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":\(square)}}]}
      """)
    let incidents = try folder.file("incidents.csv", "id,date,easting,northing\n1,2024-01-01,400500,500500\n")
    #expect {
      try CountRequest(areasFile: areas, incidents: IncidentSource(files: [incidents])).run()
    } throws: { error in
      "\(error)".contains("duplicate area id 'A'")
    }
  }

  @Test("a baseline without a period is refused as a request error, before anything is read")
  func baselineNeedsPeriod() throws {
    let request = CountRequest(
      areasFile: "/nonexistent.geojson", incidents: IncidentSource(files: ["/nonexistent.csv"]),
      baselinePeriod: try year2024())
    #expect(throws: RequestError.self) { try request.run() }
  }
}
