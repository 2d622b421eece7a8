import Foundation
import GeoCore
import GeoIO
import SpatialAnalysis
import TestSupport
import Testing

@testable import hotspot

/// Runs `hotspot count … --format json` and returns the parsed document.
func countJSON(_ arguments: [String]) throws -> (
  areas: [[String: Any]], groups: [[String: Any]], summary: [String: Any]
) {
  let result = runHotspotRaw(["count"] + arguments + ["--format", "json"])
  try #require(result.status == 0, "exit \(result.status): \(result.error)")
  let document = try #require(
    try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
  return (
    document["areas"] as? [[String: Any]] ?? [], document["groups"] as? [[String: Any]] ?? [],
    document["summary"] as? [String: Any] ?? [:]
  )
}

/// `code,…,count` rows of a reference CSV as [code: count].
func referenceCounts(_ url: URL) throws -> [String: Int] {
  let document = try CSVDocument.read(file: url.path)
  let code = try #require(document.column(["code"]))
  let count = try #require(document.column(["count"]))
  return Dictionary(uniqueKeysWithValues: document.rows.map { ($0.fields[code], Int($0.fields[count]) ?? -1) })
}

func counts(_ rows: [[String: Any]], key: String = "area_id") -> [String: Int] {
  Dictionary(uniqueKeysWithValues: rows.map { ($0[key] as? String ?? "", ($0["count"] as? NSNumber)?.intValue ?? -1) })
}

@Suite("hotspot count against references")
struct CountConformanceTests {
  static let wards = TestData.generated("wards.geojson")

  @Test(
    "counts per generated ward and per area equal GEOS exactly", arguments: ["10k", "100k", "1m"])
  func generatedCounts(size: String) throws {
    guard let wards = Self.wards, let points = TestData.generated("points_\(size).csv"),
      let wardReference = TestData.conformanceReference("counts_wards_\(size).csv"),
      let areaReference = TestData.conformanceReference("counts_areas_\(size).csv"),
      let areas = TestData.generated("areas.geojson")
    else {
      print("skipped: generated conformance data (HOTSPOT_CONFORMANCE_DATA) or shared/conformance absent")
      return
    }
    let byWard = try countJSON(["--areas", wards.path, "--incidents", points.path])
    #expect(counts(byWard.areas) == (try referenceCounts(wardReference)))
    let expectedOutside = ["10k": 201, "100k": 2010, "1m": 20088][size]
    #expect((byWard.summary["outside"] as? NSNumber)?.intValue == expectedOutside)
    let byArea = try countJSON(["--areas", areas.path, "--incidents", points.path])
    #expect(counts(byArea.areas) == (try referenceCounts(areaReference)))
    // Rolling wards up by their area_code gives the area counts too.
    let rolled = try countJSON(["--areas", wards.path, "--incidents", points.path, "--group-field", "area_code"])
    #expect(counts(rolled.groups, key: "group_id") == (try referenceCounts(areaReference)))
  }

  static let durhamWards = TestData.realData("county-durham-boundaries/wards2013_E06000047_county_durham.geojson")
  static let durhamPolice = TestData.realData("durham-police-2022-01/2022-01-durham-street.excerpt.csv")

  @Test(
    "the police.uk excerpt per County Durham division matches the independent count",
    .enabled(if: durhamWards != nil && durhamPolice != nil, "shared/realdata Durham files are absent"))
  func durham() throws {
    let wards = try #require(Self.durhamWards).path
    let police = try #require(Self.durhamPolice).path
    let all = try countJSON(["--areas", wards, "--incidents", police])
    let nonZero = counts(all.areas).filter { $0.value > 0 }
    #expect(
      nonZero == ["E05009084": 82, "E05009073": 21, "E05009042": 18, "E05009067": 12, "E05009037": 11, "E05009083": 8])
    #expect((all.summary["outside"] as? NSNumber)?.intValue == 4)
    let asb = try countJSON(["--areas", wards, "--incidents", police, "--category", "Anti-social behaviour"])
    #expect(
      counts(asb.areas).filter { $0.value > 0 } == [
        "E05009084": 44, "E05009073": 9, "E05009083": 4, "E05009067": 3, "E05009042": 1,
      ])
  }

  static let postcodes = TestData.realData("northumbria-2017-02/postcode.geo.json")

  @Test(
    "Northumbria criminal damage per postcode district (BNG without a crs member) matches PROJ + GEOS",
    .enabled(if: postcodes != nil, "shared/realdata/northumbria-2017-02 is absent"))
  func northumbria() throws {
    let folder = try #require(TestData.realData("northumbria-2017-02"))
    let result = try countJSON([
      "--areas", folder.appendingPathComponent("postcode.geo.json").path,
      "--incidents", folder.appendingPathComponent("NorthumbriaCrimDamage.csv").path, "--id-field", "label",
    ])
    let expected = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: folder.appendingPathComponent("EXPECTED-counts-by-postcode-district.json")))
        as? [String: Any])
    let byDistrict = try #require(expected["counts_by_district"] as? [String: Int])
    #expect(counts(result.areas).filter { $0.value > 0 } == byDistrict.filter { $0.value > 0 })
    #expect((result.summary["outside"] as? NSNumber)?.intValue == expected["outside_all_districts"] as? Int)
  }
}

@Suite("hotspot count: rates, changes, breakdowns and edges")
struct CountCommandTests {
  /// Two 1 km squares side by side in British National Grid and a third far away (no incidents).
  static let squares = """
    {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:27700"}},"features":[
    {"type":"Feature","properties":{"code":"W1","name":"West","population":2000,"lad":"A"},"geometry":{"type":"Polygon","coordinates":[[[420000,540000],[421000,540000],[421000,541000],[420000,541000],[420000,540000]]]}},
    {"type":"Feature","properties":{"code":"E1","name":"East","population":0,"lad":"A"},"geometry":{"type":"Polygon","coordinates":[[[421000,540000],[422000,540000],[422000,541000],[421000,541000],[421000,540000]]]}},
    {"type":"Feature","properties":{"code":"F1","name":"Far","population":500,"lad":"B"},"geometry":{"type":"Polygon","coordinates":[[[430000,540000],[430500,540000],[430500,540500],[430000,540500],[430000,540000]]]}}
    ]}
    """

  /// Incidents: two on the shared edge (x = 421000), one on the vertex the squares share on their
  /// south side, one 10 m outside, others inside, over two half-years.
  static let incidents = """
    id,easting,northing,date,category
    1,420500,540500,2024-01-15,Personal
    2,420600,540500,2024-02-01,Nuisance
    3,421000,540500,2024-03-10,Nuisance
    4,421000,540200,2024-08-01,Nuisance
    5,421000,540000,2024-09-09,Environmental
    6,421500,540500,2024-10-01,Personal
    7,421500,540600,2024-11-30,Personal
    8,422010,540500,2024-12-31,Nuisance
    9,420100,540100,2024-07-01,Personal
    """

  @Test("a point on a shared edge counts once, in the area east of it; with --overlapping in both")
  func sharedEdges() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("squares.geojson", Self.squares)
    let points = try folder.file("incidents.csv", Self.incidents)
    let result = try countJSON(["--areas", areas, "--incidents", points])
    // Points 3 and 4 on x = 421000 go east; point 5 on the shared south vertex goes east and north.
    #expect(counts(result.areas) == ["W1": 3, "E1": 5, "F1": 0])
    #expect((result.summary["outside"] as? NSNumber)?.intValue == 1)
    let overlapping = try countJSON(["--areas", areas, "--incidents", points, "--overlapping"])
    // In an overlapping layer the same rule applies per area: a shared edge belongs to the east one.
    #expect(counts(overlapping.areas) == ["W1": 3, "E1": 5, "F1": 0])
  }

  @Test("points just outside are reported as near the boundary, and --snap gives them to the nearest area")
  func snapping() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("squares.geojson", Self.squares)
    let points = try folder.file("incidents.csv", Self.incidents)
    let plain = runHotspot(["count", "--areas", areas, "--incidents", points])
    #expect(
      plain.output.contains(
        "outside all areas 1 (1 within 25 m of a boundary; --snap 25m gives them to the nearest area)"))
    let snapped = try countJSON(["--areas", areas, "--incidents", points, "--snap", "25m"])
    #expect(counts(snapped.areas) == ["W1": 3, "E1": 6, "F1": 0])
    #expect((snapped.summary["snapped"] as? NSNumber)?.intValue == 1)
    #expect((snapped.summary["outside"] as? NSNumber)?.intValue == 0)
    let tooShort = try countJSON(["--areas", areas, "--incidents", points, "--snap", "5m"])
    #expect((tooShort.summary["outside"] as? NSNumber)?.intValue == 1)
  }

  @Test("rates, areas and changes agree with direct computation; zero population leaves the rate empty")
  func ratesAndChanges() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("squares.geojson", Self.squares)
    let points = try folder.file("incidents.csv", Self.incidents)
    let result = runHotspotRaw([
      "count", "--areas", areas, "--incidents", points, "--population-field", "population", "--per", "10000",
      "--period", "2024-07..2024-12", "--compare-to", "2024-01..2024-06", "--format", "json",
    ])
    #expect(result.status == 0)
    #expect(
      result.error.contains(
        "warning: 1 areas have no usable population (missing or zero), so their rate is left empty: E1"))
    let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let rows = try #require(document["areas"] as? [[String: Any]])
    let west = rows[0]
    let east = rows[1]
    let far = rows[2]
    // West: July–December holds point 9 only; January–June points 1, 2.
    #expect(west["count"] as? Int == 1 && west["baseline_count"] as? Int == 2)
    #expect(isClose(west["rate_per_10000"] as? Double ?? 0, 1 * 10_000 / 2000.0, tolerance: 1e-12))
    #expect(isClose(west["area_km2"] as? Double ?? 0, 1, tolerance: 1e-12))
    #expect(isClose(west["per_km2"] as? Double ?? 0, 1, tolerance: 1e-12))
    #expect(west["change"] as? Int == -1)
    #expect(isClose(west["change_pct"] as? Double ?? 0, -50, tolerance: 1e-12))
    // Exposures in months (6 and 6), as change_pct compares the periods.
    let expectedP = CountComparison.pValue(current: 1, currentExposure: 6, baseline: 2, baselineExposure: 6)
    #expect(isClose(west["p_change"] as? Double ?? -1, expectedP, tolerance: 1e-15))
    // East: points 4, 5, 6, 7 in the second half, point 3 in the first.
    #expect(east["count"] as? Int == 4 && east["baseline_count"] as? Int == 1)
    #expect(east["rate_per_10000"] is NSNull)
    #expect(isClose(east["change_pct"] as? Double ?? 0, 300, tolerance: 1e-12))
    #expect(far["count"] as? Int == 0 && far["change_pct"] is NSNull)
    #expect(isClose(far["area_km2"] as? Double ?? 0, 0.25, tolerance: 1e-12))
  }

  @Test("breakdowns by month and category sum to the count; roll-ups sum their areas")
  func breakdownsAndGroups() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("squares.geojson", Self.squares)
    let points = try folder.file("incidents.csv", Self.incidents)
    let byCategory = runHotspotRaw([
      "count", "--areas", areas, "--incidents", points, "--by", "category", "--format", "csv",
    ])
    #expect(
      byCategory.output.hasPrefix(
        "area_id,area_name,count,area_km2,per_km2,count_personal,count_nuisance,count_environmental\r\nW1,West,3,1,3,2,1,0\r\nE1,East,5,1,5,2,2,1\r\n"
      ))
    let byQuarter = try countJSON(["--areas", areas, "--incidents", points, "--by", "financial-quarter"])
    let east = byQuarter.areas[1]
    #expect(
      east["count_2023_24_q4"] as? Int == 1 && east["count_2024_25_q2"] as? Int == 2
        && east["count_2024_25_q3"] as? Int == 2)
    let grouped = try countJSON([
      "--areas", areas, "--incidents", points, "--group-field", "lad", "--population-field", "population",
    ])
    #expect(counts(grouped.groups, key: "group_id") == ["A": 8, "B": 0])
    #expect(grouped.groups[0]["n_areas"] as? Int == 2)
    #expect(isClose(grouped.groups[0]["population"] as? Double ?? 0, 2000, tolerance: 0))
    #expect(isClose(grouped.groups[1]["rate_per_1000"] as? Double ?? -1, 0, tolerance: 0))
    let lookup = try folder.file("lookup.csv", "area_id,group\nW1,North\nE1,North\nF1,South\n")
    let viaLookup = try countJSON(["--areas", areas, "--incidents", points, "--lookup", lookup])
    #expect(counts(viaLookup.groups, key: "group_id") == ["North": 8, "South": 0])
  }

  @Test("population from a keyed table and from centroid points (best fit)")
  func populationSources() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("squares.geojson", Self.squares)
    let points = try folder.file("incidents.csv", Self.incidents)
    let keyed = try folder.file("population.csv", "area_id,population\nW1,1000\nE1,4000\nF1,10\nX9,5\n")
    let byKey = runHotspotRaw([
      "count", "--areas", areas, "--incidents", points, "--population", keyed, "--format", "json",
    ])
    #expect(byKey.status == 0 && byKey.error.contains("1 ids match no area (e.g. X9)"))
    #expect(byKey.output.contains("\"rate_per_1000\": 1.25"))
    let centroids = try folder.file(
      "centroids.csv",
      "code,easting,northing,population\nL1,420200,540200,600\nL2,420800,540800,400\nL3,421500,540500,4000\nL4,500000,500000,9\n"
    )
    let byPoints = try countJSON(["--areas", areas, "--incidents", points, "--population", centroids])
    #expect(byPoints.areas[0]["population"] as? Int == 1000)
    #expect(byPoints.areas[1]["population"] as? Int == 4000)
    #expect(byPoints.areas[2]["population"] is NSNull)
  }

  @Test("the CSV starts area_id,area_name,count; the output and its provenance are written atomically and byte-stable")
  func outputs() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("squares.geojson", Self.squares)
    let points = try folder.file("incidents.csv", Self.incidents)
    let output = folder.path("counts.csv")
    let first = runHotspotRaw([
      "count", "--areas", areas, "--incidents", points, "--output", output, "--group-field", "lad",
    ])
    #expect(first.status == 0, "\(first.error)")
    let csv = try String(contentsOfFile: output, encoding: .utf8)
    #expect(csv.hasPrefix("area_id,area_name,count,area_km2,per_km2,group\r\n"))
    #expect(FileManager.default.fileExists(atPath: folder.path("counts.groups.csv")))
    let provenance = try String(contentsOfFile: output + ".provenance.json", encoding: .utf8)
    #expect(provenance.contains("\"working_crs\": \"EPSG:27700\""))
    #expect(provenance.contains("\"id_field\": \"code\""))
    #expect(provenance.contains("\"sha256\": \""))
    _ = runHotspotRaw(["count", "--areas", areas, "--incidents", points, "--output", output, "--group-field", "lad"])
    #expect(try String(contentsOfFile: output, encoding: .utf8) == csv)
    let geojson = runHotspotRaw(["count", "--areas", areas, "--incidents", points, "--format", "geojson"])
    #expect(geojson.output.contains("\"count\":5"))
    #expect(geojson.output.contains("[-1.6"))
    let overwrite = runHotspotRaw(["count", "--areas", areas, "--incidents", points, "--output", points])
    #expect(overwrite.status == 73)
  }

  @Test("bad input: no polygons, duplicate ids, CRS far off, an empty period, options that clash")
  func badInput() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("squares.geojson", Self.squares)
    let points = try folder.file("incidents.csv", Self.incidents)
    let onlyPoints = try folder.file(
      "points.geojson",
      #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}]}"#
    )
    let noPolygons = runHotspotRaw(["count", "--areas", onlyPoints, "--incidents", points])
    #expect(noPolygons.status == 65 && noPolygons.error.contains("holds no polygons"))
    let duplicate = try folder.file(
      "duplicate.geojson", Self.squares.replacingOccurrences(of: "\"E1\"", with: "\"W1\""))
    let duplicated = runHotspotRaw(["count", "--areas", duplicate, "--incidents", points])
    #expect(duplicated.status == 65 && duplicated.error.contains("duplicate area id 'W1' (also feature 0)"))
    let cornwall = try folder.file("cornwall.csv", "id,easting,northing\n1,180000,50000\n2,181000,51000\n")
    let farOff = runHotspotRaw(["count", "--areas", areas, "--incidents", cornwall])
    #expect(
      farOff.status == 65 && farOff.error.contains("no incident falls within 40 km of the areas; is the CRS right?"))
    let lonLat = try folder.file("lonlat.csv", "id,x,y\n1,-1.5,54.7\n2,-1.6,54.8\n")
    let unusable = runHotspotRaw(["count", "--areas", areas, "--incidents", lonLat, "--crs", "EPSG:27700"])
    #expect(
      unusable.status == 65
        && unusable.error.contains("no row can be used: 2 of 2 rows were skipped; 2 for 'x' out of range"),
      "\(unusable.error)")
    let empty = runHotspotRaw(["count", "--areas", areas, "--incidents", points, "--period", "2030-01..2030-12"])
    #expect(
      empty.status == 65
        && empty.error.contains("no incident falls in the period 2030-01..2030-12 (the files cover 2024-01..2024-12)"))
    #expect(runHotspotRaw(["count", "--areas", areas, "--incidents", points, "--compare-to", "2023"]).status == 64)
    #expect(runHotspotRaw(["count", "--areas", areas, "--incidents", points, "--id-field", "nope"]).status == 65)
    #expect(runHotspotRaw(["count", "--incidents", points]).status == 64)
    #expect(runHotspotRaw(["count", "--areas", areas, "--incidents", folder.path("missing.csv")]).status == 66)
    // The areas are read while the incidents are: when both are at fault, the areas' fault is
    // the one reported, as if they had been read first.
    let bothBad = runHotspotRaw(["count", "--areas", duplicate, "--incidents", folder.path("missing.csv")])
    #expect(bothBad.status == 65 && bothBad.error.contains("duplicate area id 'W1'"), "\(bothBad.error)")
    let badRows = try folder.file("strict.csv", "id,easting,northing\n1,abc,2\n")
    let bothBadStrict = runHotspotRaw(["count", "--areas", onlyPoints, "--incidents", badRows, "--strict"])
    #expect(bothBadStrict.status == 65 && bothBadStrict.error.contains("holds no polygons"), "\(bothBadStrict.error)")
  }

  @Test("--suppress-below publishes small counts as <n, hides one more so the total gives none back, keeps 0")
  func suppression() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("squares.geojson", Self.squares)
    let points = try folder.file("incidents.csv", Self.incidents)
    let csv = runHotspotRaw([
      "count", "--areas", areas, "--incidents", points, "--suppress-below", "4", "--format", "csv",
    ])
    #expect(csv.status == 0)
    // 8 counted − 5 − 0 would give W1's 3 back: E1, the smallest other non-zero count, is hidden too.
    #expect(csv.output.contains("\r\nW1,West,<4,1,\r\nE1,East,[c],1,\r\nF1,Far,0,0.25,0\r\n"), "\(csv.output)")
  }
}
