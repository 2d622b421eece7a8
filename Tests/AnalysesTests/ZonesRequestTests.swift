import Analyses
import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("ZonesRequest and InspectRequest: zones and file descriptions as library calls")
struct ZonesRequestTests {
  /// Two 1 km squares overlapping in [400500, 401000] × [500000, 501000] (BNG metres).
  static let zones = """
    {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[
    {"type":"Feature","properties":{"code":"Z1","name":"West"},"geometry":{"type":"Polygon","coordinates":[[[400000,500000],[401000,500000],[401000,501000],[400000,501000],[400000,500000]]]}},
    {"type":"Feature","properties":{"code":"Z2","name":"East"},"geometry":{"type":"Polygon","coordinates":[[[400500,500000],[401500,500000],[401500,501000],[400500,501000],[400500,500000]]]}}
    ]}
    """

  /// 2024: 3 in Z1 only, 2 in both, 1 in Z2 only, 4 outside; 2023: 1 in Z1 only, 1 outside.
  static let incidents = """
    id,date,category,easting,northing
    1,2024-02-01,Nuisance,400250,500500
    2,2024-03-01,Nuisance,400250,500500
    3,2024-04-01,Nuisance,400250,500500
    4,2024-05-01,Nuisance,400750,500500
    5,2024-06-01,Nuisance,400750,500500
    6,2024-07-01,Nuisance,401250,500500
    7,2024-08-01,Nuisance,403000,500500
    8,2024-09-01,Nuisance,403000,500500
    9,2024-10-01,Nuisance,403000,500500
    10,2024-11-01,Nuisance,403000,500500
    11,2023-05-01,Nuisance,400250,500500
    12,2023-06-01,Nuisance,403000,500500

    """

  /// One population point in each part: Z1 only, both, Z2 only, outside.
  static let centroids = """
    code,easting,northing,population
    P1,400250,500500,1200
    P2,400750,500500,800
    P3,401250,500500,700
    P4,403000,500500,5000

    """

  @Test("overlapping zones: each zone, all zones once, outside and total add up; the baseline is counted apart")
  func overlapping() throws {
    let folder = try TemporaryFolder()
    let zones = try folder.file("zones.geojson", Self.zones)
    let points = try folder.file("incidents.csv", Self.incidents)
    let population = try folder.file("centroids.csv", Self.centroids)
    let baseline = try months(2023, 1, 12)
    let result = try ZonesRequest(
      zonesFile: zones, incidents: IncidentSource(files: [points], filter: IncidentFilter(period: try year2024())),
      populationFile: population, baselinePeriod: baseline
    ).run()
    #expect(result.rowKeys.map(\.id) == ["Z1", "Z2", "all-zones", "outside-zones", "total"])
    #expect(result.incidents == [5, 3, 6, 4, 10])
    #expect(result.baselineIncidents == [1, 0, 1, 1, 2])
    #expect(result.population == [2000, 1500, 2700, 5000, 7700])
    #expect(result.incidentsInSeveralZones == 2)
    // The files hold 2023-05..2024-11: both periods are clipped to them, and compare per month.
    #expect(
      result.warnings == [
        "--period 2024-01..2024-12 runs past the months the files hold (2023-05..2024-11): clipped to 2024-01..2024-11 (11 months) for the counts and rates",
        "--compare-to 2023-01..2023-12 runs past the months the files hold (2023-05..2024-11): clipped to 2023-05..2023-12 (8 months) for the counts and rates",
        "the period 2024-01..2024-11 (11 months) and the baseline 2023-05..2023-12 (8 months) differ in length: change_pct compares incidents per month (incidents_per_month, baseline_incidents_per_month); the incidents and rates are over each whole period",
        "2 incidents lie in two or more zones: counted in each, once in all-zones",
      ])
    #expect(
      result.period?.description == "2024-01..2024-11" && result.baselinePeriod?.description == "2023-05..2023-12")
    #expect(result.inputs == [zones, points, population])
    #expect(
      result.choices.map(\.0) == [
        "working_crs", "id_field", "period", "population_rule", "incidents_in_several_zones", "baseline_period",
        "p_change",
      ])
  }

  @Test("inspect a folder of files: one description per file, boundary and incidents")
  func inspectFolder() throws {
    let folder = try TemporaryFolder()
    let zones = try folder.file("zones.geojson", Self.zones)
    let points = try folder.file("incidents.csv", Self.incidents)
    let result = try InspectRequest(files: [zones, points]).run()
    #expect(result.descriptions.map(\.file) == [zones, points])
    #expect(result.inputs == [zones, points])
    let boundary = Dictionary(result.descriptions[0].facts.map { ($0.key, $0.text) }, uniquingKeysWith: { a, _ in a })
    #expect(boundary["kind"] == "boundary file (GeoJSON)")
    #expect(boundary["id_field"] == "code")
    #expect(boundary["duplicate_ids"] == "none")
    let incidents = Dictionary(result.descriptions[1].facts.map { ($0.key, $0.text) }, uniquingKeysWith: { a, _ in a })
    #expect(incidents["rows"] == "12")
    #expect(incidents["rows_with_location"] == "12")
    #expect(incidents["months"] == "2023-05..2024-11 (12 months with rows)")
    #expect(result.descriptions[1].tables.map(\.key) == ["categories"])
  }
}
