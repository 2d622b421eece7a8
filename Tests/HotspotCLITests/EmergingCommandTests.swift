import Foundation
import TestSupport
import Testing

@testable import hotspot

@Suite("hotspot emerging")
struct EmergingCommandTests {
  static let divisions = TestData.geoData("divisions.geojson").path
  static let incidents = TestData.geoData("incidents-police.csv").path
  static let arguments = [
    "emerging", "--areas", divisions, "--incidents", incidents, "--category", "Anti-social behaviour",
    "--period", "2023-01..2024-12",
  ]

  @Test("--format csv: the documented header and one row per division; --series: the long table")
  func csvAndSeries() throws {
    let folder = try TemporaryFolder()
    let series = folder.path("series.csv")
    let result = runHotspotRaw(Self.arguments + ["--format", "csv", "--series", series, "--quiet"])
    #expect(result.status == 0, "\(result.error)")
    let lines = result.output.split(whereSeparator: \.isNewline)
    #expect(lines.first == "area_id,area_name,category,hot_steps,cold_steps,trend_tau,trend_p,last_z,last_p")
    #expect(lines.count == 61)
    let table = try String(contentsOfFile: series, encoding: .utf8).split(whereSeparator: \.isNewline)
    #expect(table.first == "location,step,count,z,p")
    try #require(table.count == 1 + 60 * 24)
    #expect(table[1].hasPrefix("E05990001,2023-01,"))
    #expect(FileManager.default.fileExists(atPath: series + ".provenance.json"))
  }

  @Test("cells: x,y keys; a bad --step is a usage error")
  func cellsAndUsage() {
    let result = runHotspotRaw(Self.arguments + ["--cell", "1km", "--format", "csv", "--step", "quarter", "--quiet"])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.hasPrefix("x,y,category,hot_steps,cold_steps,trend_tau,trend_p,last_z,last_p\r\n"))
    #expect(result.error.contains("only 8 time steps"))
    #expect(runHotspotRaw(Self.arguments + ["--step", "fortnight"]).status == 64)
    #expect(runHotspotRaw(Self.arguments + ["--neighbours", "auto"]).status == 64)
  }
}
