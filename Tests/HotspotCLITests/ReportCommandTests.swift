import Foundation
import TestSupport
import Testing

@testable import hotspot

@Suite("hotspot report")
struct ReportCommandTests {
  @Test(
    "a self-contained, well-formed report: maps, ranked table, comparison, quality, methods; no script, nothing fetched"
  )
  func report() throws {
    let folder = try TemporaryFolder()
    let output = folder.path("report.html")
    let result = runHotspotRaw([
      "report", "--areas", TestData.geoData("divisions.geojson").path,
      "--incidents", TestData.geoData("incidents-police.csv").path, "--category", "Anti-social behaviour",
      "--period", "2024", "--compare-to", "2023", "--population-field", "population", "--top", "10",
      "--output", output,
    ])
    #expect(result.status == 0, "\(result.error)")
    let html = try String(contentsOfFile: output, encoding: .utf8)
    #expect(try xmlProblems(html) == nil)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(!html.lowercased().contains("<script") && !html.contains("<link") && !html.contains("src="))
    let urls = html.components(separatedBy: "http").dropFirst().map { "http" + $0.prefix(30) }
    #expect(urls.allSatisfy { $0.hasPrefix("http://www.w3.org/2000/svg") }, "\(urls)")
    for part in [
      "<h2>Maps</h2>", "<h2>Areas ranked by incidents</h2>", "<h2>Change from 2023-01..2023-12</h2>",
      "<h2>Where to patrol</h2>", "<h2>Data quality</h2>", "<h2>Methods and values chosen</h2>", "id=\"map1-title\"",
      "id=\"map3-legend\"",
      "@media print",
    ] {
      #expect(html.contains(part), "\(part)")
    }
    // Ten ranked areas and ten patrol cells.
    #expect(
      html.components(separatedBy: "<tr><td class=\"num\">").count - 1 == 20, "ten ranked rows and ten patrol cells")
    #expect(html.contains("<td>NZ 52625 37525</td>"), "the busiest cell's grid reference (as hotspot patrol gives it)")
    #expect(FileManager.default.fileExists(atPath: output + ".provenance.json"))
  }

  @Test("names are escaped in the report; the output must be .html")
  func escapingAndUsage() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file(
      "areas.geojson",
      CountCommandTests.squares.replacingOccurrences(
        of: "\"West\"", with: "\"<script>alert(1)</script> & \\\" onload=\\\"x\""))
    let points = try folder.file("incidents.csv", CountCommandTests.incidents)
    let output = folder.path("r.html")
    let result = runHotspotRaw(["report", "--areas", areas, "--incidents", points, "--output", output])
    #expect(result.status == 0, "\(result.error)")
    let html = try String(contentsOfFile: output, encoding: .utf8)
    #expect(
      !html.contains("<script>") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot; onload=&quot;x"))
    #expect(try xmlProblems(html) == nil)
    #expect(
      runHotspotRaw(["report", "--areas", areas, "--incidents", points, "--output", folder.path("r.txt")]).status == 64)
  }
}
