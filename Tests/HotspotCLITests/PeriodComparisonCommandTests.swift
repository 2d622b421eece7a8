import Foundation
import SpatialAnalysis
import TestSupport
import Testing

@testable import hotspot

/// Issue 21, points 2 and 8: comparisons of periods of different lengths, periods past the data,
/// overlapping periods, and dates as spreadsheets write them.
@Suite("hotspot count and zones: period comparisons and dates")
struct PeriodComparisonCommandTests {
  /// West (W1) and East (E1) squares of `CountCommandTests.squares`, dated to the month:
  /// West has 1 incident a month in 2023 and 2 a month in 2024-10..2024-12 (the rate doubles);
  /// East has 2 a month in 2023 and 1 a month in 2024-10..2024-12 (it halves).
  static var monthly: String {
    var lines = ["id,easting,northing,month"]
    var id = 0
    func add(_ x: Int, _ month: String, times: Int) {
      for _ in 0..<times {
        id += 1
        lines.append("\(id),\(x),540500,\(month)")
      }
    }
    for m in 1...12 {
      let month = "2023-" + (m < 10 ? "0" : "") + String(m)
      add(420500, month, times: 1)
      add(421500, month, times: 2)
    }
    for month in ["2024-10", "2024-11", "2024-12"] {
      add(420500, month, times: 2)
      add(421500, month, times: 1)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func files() throws -> (TemporaryFolder, String, String) {
    let folder = try TemporaryFolder()
    let areas = try folder.file("squares.geojson", CountCommandTests.squares)
    let points = try folder.file("monthly.csv", Self.monthly)
    return (folder, areas, points)
  }

  private func json(_ arguments: [String]) throws -> (rows: [String: [String: Any]], error: String) {
    let result = runHotspotRaw(arguments + ["--format", "json"])
    try #require(result.status == 0, "exit \(result.status): \(result.error)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let rows = (document["areas"] ?? document["zones"]) as? [[String: Any]] ?? []
    let key = document["areas"] != nil ? "area_id" : "zone_id"
    return (Dictionary(uniqueKeysWithValues: rows.map { ($0[key] as? String ?? "", $0) }), result.error)
  }

  @Test("3 months against 12 compare per month: the rate that doubled reads +100 %, not −50 %")
  func unequalLengthsPerMonth() throws {
    let (folder, areas, points) = try files()
    _ = folder
    let (rows, error) = try json([
      "count", "--areas", areas, "--incidents", points, "--period", "2024-10..2024-12", "--compare-to", "2023",
    ])
    let west = try #require(rows["W1"])
    let east = try #require(rows["E1"])
    #expect(west["count"] as? Int == 6 && west["baseline_count"] as? Int == 12)
    #expect(isClose(west["change_pct"] as? Double ?? 0, 100, tolerance: 1e-9))
    #expect(isClose(west["change_per_month"] as? Double ?? 0, 1, tolerance: 1e-9))
    #expect(isClose(west["count_per_month"] as? Double ?? 0, 2, tolerance: 1e-9))
    #expect(isClose(west["baseline_per_month"] as? Double ?? 0, 1, tolerance: 1e-9))
    #expect(west["change"] == nil)
    // scipy.stats.binomtest(6, 18, 3/15).pvalue: exposures 3 and 12 months.
    #expect(isClose(west["p_change"] as? Double ?? -1, 0.23199552604497536, tolerance: 1e-12))
    #expect(isClose(east["change_pct"] as? Double ?? 0, -50, tolerance: 1e-9))
    #expect(isClose(east["change_per_month"] as? Double ?? 0, -1, tolerance: 1e-9))
    // scipy.stats.binomtest(3, 27, 3/15).pvalue
    #expect(isClose(east["p_change"] as? Double ?? -1, 0.3378430534277519, tolerance: 1e-12))
    #expect(error.contains("differ in length: change_per_month and change_pct compare incidents per month"))
  }

  @Test("zones compare per month too, with the totals beside")
  func zonesPerMonth() throws {
    let (folder, areas, points) = try files()
    let population = try folder.file("population.csv", "zone_id,population\nW1,1000\nE1,1000\nF1,1000\n")
    let (rows, _) = try json([
      "zones", "--zones", areas, "--incidents", points, "--population", population, "--period",
      "2024-10..2024-12", "--compare-to", "2023",
    ])
    let west = try #require(rows["W1"])
    #expect(west["incidents"] as? Int == 6 && west["baseline_incidents"] as? Int == 12)
    #expect(isClose(west["change_pct"] as? Double ?? 0, 100, tolerance: 1e-9))
    #expect(isClose(west["incidents_per_month"] as? Double ?? 0, 2, tolerance: 1e-9))
    #expect(isClose(west["baseline_incidents_per_month"] as? Double ?? 0, 1, tolerance: 1e-9))
    #expect(isClose(west["p_change"] as? Double ?? -1, 0.23199552604497536, tolerance: 1e-12))
  }

  @Test("a period past the data's months is clipped to them, with a warning that says so")
  func clippedToData() throws {
    let (folder, areas, points) = try files()
    _ = folder
    let (rows, error) = try json([
      "count", "--areas", areas, "--incidents", points, "--period", "2024-10..2025-09", "--compare-to", "2023",
    ])
    #expect(
      error.contains(
        "--period 2024-10..2025-09 runs past the months the files hold (2023-01..2024-12): clipped to 2024-10..2024-12 (3 months)"
      ), "\(error)")
    let west = try #require(rows["W1"])
    #expect(isClose(west["change_pct"] as? Double ?? 0, 100, tolerance: 1e-9))
    // A baseline wholly outside the data has nothing to compare with.
    let outside = runHotspotRaw([
      "count", "--areas", areas, "--incidents", points, "--period", "2024-10..2024-12", "--compare-to", "2021",
    ])
    #expect(outside.status == 65 && outside.error.contains("lies outside the months the files hold (2023-01..2024-12)"))
  }

  @Test("the same or overlapping periods are a usage error (exit 64)")
  func overlappingPeriods() throws {
    let (folder, areas, points) = try files()
    _ = folder
    let same = runHotspotRaw([
      "count", "--areas", areas, "--incidents", points, "--period", "2024", "--compare-to", "2024",
    ])
    #expect(same.status == 64 && same.error.contains("the baseline is the period itself"), "\(same.error)")
    let overlap = runHotspotRaw([
      "count", "--areas", areas, "--incidents", points, "--period", "2024", "--compare-to", "2023-07..2024-06",
    ])
    #expect(overlap.status == 64 && overlap.error.contains("share days"), "\(overlap.error)")
    let zones = runHotspotRaw([
      "zones", "--zones", areas, "--incidents", points, "--population", areas, "--period", "2024",
      "--compare-to", "2024",
    ])
    #expect(zones.status == 64 && zones.error.contains("the baseline is the period itself"), "\(zones.error)")
  }

  @Test("a day-level period on month-only data says which months count as inside")
  func dayPeriodOnMonths() throws {
    let (folder, areas, points) = try files()
    _ = folder
    let empty = runHotspotRaw([
      "count", "--areas", areas, "--incidents", points, "--period", "2024-10-15..2024-11-14",
    ])
    #expect(empty.status == 65)
    #expect(
      empty.error.contains(
        "2024-10-15..2024-11-14 holds no whole month (2024-10 and 2024-11 straddle its ends); give whole months, such as --period 2024-10..2024-11"
      ), "\(empty.error)")
    let partial = runHotspotRaw([
      "count", "--areas", areas, "--incidents", points, "--period", "2024-10-15..2024-12-31",
    ])
    #expect(partial.status == 0)
    #expect(
      partial.error.contains(
        "only 2024-11..2024-12 lies wholly inside 2024-10-15..2024-12-31 (2024-10 straddles its ends)"),
      "\(partial.error)")
  }

  @Test("spreadsheet months are read; unreadable dates are counted as undated when no period needs them")
  func spreadsheetDates() throws {
    let (folder, areas, _) = try files()
    let spreadsheet = try folder.file(
      "nov.csv",
      "id,easting,northing,Month\n1,420500,540500,Nov-20\n2,421500,540500,Nov 2020\n3,421500,540600,11/2020\n")
    let counted = try countJSON([
      "--areas", areas, "--incidents", spreadsheet, "--period", "2020-11",
    ])
    #expect(counts(counted.areas) == ["W1": 1, "E1": 2, "F1": 0])
    let unreadable = try folder.file(
      "bad.csv", "id,easting,northing,Month\n1,420500,540500,20-Nov\n2,421500,540500,2024-01\n3,421500,540600,\n")
    let plain = try countJSON(["--areas", areas, "--incidents", unreadable])
    #expect(counts(plain.areas) == ["W1": 1, "E1": 2, "F1": 0])
    #expect((plain.summary["undated"] as? NSNumber)?.intValue == 2)
    let text = runHotspotRaw(["count", "--areas", areas, "--incidents", unreadable])
    #expect(text.output.contains("undated            2 (first at line 2: '20-Nov'"), "\(text.output)")
    // zones without a period counts them too, and says so.
    let population = try folder.file("population.csv", "zone_id,population\nW1,1000\nE1,1000\nF1,1000\n")
    let zones = runHotspotRaw([
      "zones", "--zones", areas, "--incidents", unreadable, "--population", population, "--format", "csv",
    ])
    #expect(zones.status == 0 && zones.output.contains("\r\ntotal,total,3,"), "\(zones.output)")
    #expect(
      zones.error.contains("2 rows have no readable date (the first at line 2 of \(unreadable): '20-Nov' in 'Month')"),
      "\(zones.error)")
    // With a period the date is needed: every row unreadable names the cause, line and value.
    let allBad = try folder.file("allbad.csv", "id,easting,northing,Month\n1,420500,540500,20-Nov\n")
    let period = runHotspotRaw(["count", "--areas", areas, "--incidents", allBad, "--period", "2020"])
    #expect(period.status == 65)
    #expect(
      period.error.contains(
        "1 for not a date in 'Month', the first at line 2: '20-Nov' is not a date"), "\(period.error)")
  }
}
