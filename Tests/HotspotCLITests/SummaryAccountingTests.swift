import Foundation
import TestSupport
import Testing

@testable import hotspot

/// Issue 21, point 6: every run states its accounting on stderr whatever the format, every
/// figure after the run's filters, numbers that add up, and map subtitles that count what the
/// map shows.
@Suite("Summaries that add up and never vanish")
struct SummaryAccountingTests {
  static let divisions = TestData.geoData("divisions.geojson").path
  static let incidents = TestData.geoData("incidents-police.csv").path

  /// `label value` of the summary lines on stderr, spaces folded.
  func facts(_ error: String) -> [String: String] {
    var facts: [String: String] = [:]
    for line in error.split(separator: "\n") where !line.hasPrefix("warning:") {
      let words = line.split(separator: " ").map(String.init)
      guard let number = words.firstIndex(where: { $0.first?.isNumber == true }) else { continue }
      facts[words[..<number].joined(separator: " ")] = words[number...].joined(separator: " ")
    }
    return facts
  }

  @Test("CSV and JSON on stdout still state the summary on stderr; --quiet silences it")
  func summaryOnStderr() {
    for format in ["csv", "json", "geojson"] {
      let result = runHotspotRaw([
        "count", "--areas", Self.divisions, "--incidents", Self.incidents, "--format", format,
      ])
      #expect(result.status == 0)
      #expect(facts(result.error)["outside all areas"] == "202", "\(format): \(result.error)")
      #expect(facts(result.error)["rows"] == "20,100 (in 1 file)")
    }
    let quiet = runHotspotRaw([
      "count", "--areas", Self.divisions, "--incidents", Self.incidents, "--format", "csv", "--quiet",
    ])
    #expect(quiet.error.isEmpty)
    // Text on the console ends with the summary itself and does not repeat it on stderr.
    let text = runHotspotRaw(["count", "--areas", Self.divisions, "--incidents", Self.incidents])
    #expect(text.output.contains("outside all areas  202"))
    #expect(text.error.isEmpty)
  }

  @Test("other commands writing CSV to stdout state their summary on stderr too")
  func otherCommandsOnStderr() {
    let density = runHotspotRaw(["density", "--incidents", Self.incidents, "--format", "csv"])
    #expect(density.status == 0)
    #expect(density.error.contains("bandwidth"), "\(density.error)")
    let gistar = runHotspotRaw(["gistar", "--areas", Self.divisions, "--incidents", Self.incidents, "--format", "csv"])
    #expect(gistar.status == 0)
    #expect(!gistar.error.isEmpty)
  }

  @Test("snapped incidents are counted, not reported as outside near a boundary")
  func snappedNotOutside() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("squares.geojson", CountCommandTests.squares)
    let points = try folder.file("incidents.csv", CountCommandTests.incidents)
    let snapped = runHotspot(["count", "--areas", areas, "--incidents", points, "--snap", "25m"])
    #expect(snapped.status == 0)
    // Main said "outside all areas 0 (1 within 25 m of a boundary)" although that one was snapped in.
    #expect(snapped.output.contains("outside all areas 0\n"), "\(snapped.output)")
    #expect(snapped.output.contains("snapped 1 (given to the nearest area within 25 m)"))
  }

  @Test("rows without location are counted after the period and category filter, and still add up")
  func withoutLocationAfterFilters() throws {
    // Python over GeoData/incidents-police.csv: 198 rows without coordinates, 98 of them in
    // 2024, 4 in 2024-03, none of them anti-social behaviour in 2024.
    let year = try countJSON(["--areas", Self.divisions, "--incidents", Self.incidents, "--period", "2024"])
    #expect((year.summary["without_location"] as? NSNumber)?.intValue == 98)
    let sum = ["counted", "outside", "without_location", "skipped", "filtered_out"].reduce(0) {
      $0 + ((year.summary[$1] as? NSNumber)?.intValue ?? 0)
    }
    #expect(sum == 20_100)
    // 10,053 located rows and the 100 unlocated rows outside 2024 (main counted 198 and 10,053).
    #expect((year.summary["filtered_out"] as? NSNumber)?.intValue == 10_153)
    let month = try countJSON(["--areas", Self.divisions, "--incidents", Self.incidents, "--period", "2024-03"])
    #expect((month.summary["without_location"] as? NSNumber)?.intValue == 4)
    let asb = try countJSON([
      "--areas", Self.divisions, "--incidents", Self.incidents, "--period", "2024", "--category",
      "Anti-social behaviour",
    ])
    #expect((asb.summary["without_location"] as? NSNumber)?.intValue == 0)
    let all = try countJSON(["--areas", Self.divisions, "--incidents", Self.incidents])
    #expect((all.summary["without_location"] as? NSNumber)?.intValue == 198)
  }

  @Test("a lookup: an 'ungrouped' row makes the groups add up; ids matching no area are warned")
  func lookupAddsUp() throws {
    let folder = try TemporaryFolder()
    let full = try String(contentsOfFile: TestData.geoData("division-lookup.csv").path, encoding: .utf8)
    let lines = full.split(separator: "\n")
    // The first 49 divisions keep their group; 11 have none; one id matches no division.
    let lookup = try folder.file(
      "lookup.csv", lines.prefix(50).joined(separator: "\n") + "\nE0599XXXX,AAP99\n")
    let result = runHotspotRaw([
      "count", "--areas", Self.divisions, "--incidents", Self.incidents, "--lookup", lookup, "--format", "json",
    ])
    #expect(result.status == 0)
    #expect(result.error.contains("11 areas have no group"))
    #expect(result.error.contains("1 ids match no area"), "\(result.error)")
    #expect(result.error.contains("E0599XXXX"))
    let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let groups = try #require(document["groups"] as? [[String: Any]])
    let total = groups.reduce(0) { $0 + (($1["count"] as? NSNumber)?.intValue ?? 0) }
    let summary = try #require(document["summary"] as? [String: Any])
    #expect(total == (summary["counted"] as? NSNumber)?.intValue)
    let ungrouped = try #require(groups.first { $0["group_id"] as? String == "ungrouped" })
    #expect((ungrouped["n_areas"] as? NSNumber)?.intValue == 11)
  }

  @Test("the map's subtitle counts the incidents in the areas, those outside apart")
  func mapSubtitle() throws {
    let result = runHotspotRaw(["map", "--areas", Self.divisions, "--incidents", Self.incidents])
    #expect(result.status == 0)
    // count on the same files: 19,700 counted in the 60 divisions, 202 outside (and 198 unmapped).
    #expect(result.output.contains("19,700 incidents in 60 areas · 202 outside them"), "\(result.output.prefix(2000))")
  }
}

/// Issue 21, point 7: each command lists only the formats it writes, and an output extension
/// it cannot write is a usage error.
@Suite("Formats each command writes")
struct CommandFormatsTests {
  /// The `(values: …)` of `--format` in a command's help, lines joined.
  func formatValues(_ command: String) -> String {
    let help = runHotspot([command, "--help"]).output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let option = help.components(separatedBy: "--format <format> ").last ?? ""
    return String((option.components(separatedBy: "(values: ").dropFirst().first ?? "").prefix { $0 != ")" })
  }

  @Test("help lists only the formats the command writes")
  func helpListsOwnFormats() {
    // Main listed "text, csv, md, json, geojson, html, asc, svg" for every command.
    #expect(formatValues("count") == "text, csv, md, json, geojson")
    #expect(formatValues("density") == "text, asc, csv, geojson, json")
    #expect(formatValues("gistar") == "text, csv, json, geojson")
    #expect(formatValues("backtest") == "text, csv, md, json")
    #expect(formatValues("inspect") == "text, json")
    #expect(formatValues("moran") == "text, csv, json, geojson")
    #expect(formatValues("rank") == "text, csv, md, json, svg")
  }

  @Test("an --output whose extension the command cannot write is refused with exit 64")
  func unknownExtension() throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("counts.xlsx").path
    let result = runHotspotRaw([
      "count", "--areas", TestData.geoData("divisions.geojson").path, "--incidents",
      TestData.geoData("incidents-police.csv").path, "-o", output,
    ])
    #expect(result.status == 64)
    #expect(result.error.contains("cannot write a '.xlsx' file"), "\(result.error)")
    #expect(result.error.contains("text, csv, md, json, geojson"))
    #expect(!FileManager.default.fileExists(atPath: output))
    let density = runHotspotRaw([
      "density", "--incidents", TestData.geoData("incidents-police.csv").path, "-o",
      folder.url.appendingPathComponent("surface.md").path,
    ])
    #expect(density.status == 64)
    #expect(density.error.contains("cannot write md"))
  }
}
