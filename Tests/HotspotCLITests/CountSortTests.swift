import Foundation
import TestSupport
import Testing

@testable import hotspot

@Suite("count --sort and --top")
struct CountSortTests {
  let base = [
    "count", "--areas", TestData.geoData("divisions.geojson").path, "--incidents",
    TestData.geoData("incidents-police.csv").path, "--period", "2024", "--population-field", "population",
  ]

  func rows(_ csv: String) -> [[String]] {
    csv.split(whereSeparator: \.isNewline).dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
  }

  @Test("CSV keeps file order unless told; --sort rate_per_1000 --top 3 gives the three highest rates, descending")
  func csvSorted() throws {
    let plain = runHotspotRaw(base + ["--format", "csv", "--quiet"])
    try #require(plain.status == 0, "\(plain.error)")
    let all = rows(plain.output)
    #expect(all.map { $0[0] } == all.map { $0[0] }.sorted())
    let rateColumn = 4
    let expected = all.sorted { (Double($0[rateColumn]) ?? 0) > (Double($1[rateColumn]) ?? 0) }.prefix(3).map { $0[0] }
    let sorted = runHotspotRaw(base + ["--format", "csv", "--sort", "rate_per_1000", "--top", "3", "--quiet"])
    try #require(sorted.status == 0, "\(sorted.error)")
    #expect(rows(sorted.output).map { $0[0] } == Array(expected))
  }

  @Test(
    "text sorts by count by default; --sort id keeps file order; an unknown column is a usage error naming the columns")
  func textAndErrors() throws {
    let text = runHotspotRaw(base + ["--quiet"])
    let counts = text.output.split(separator: "\n").dropFirst(2).prefix(60).compactMap { line in
      line.split(separator: " ", omittingEmptySubsequences: true).dropFirst(2).first.flatMap { Int($0) }
    }
    #expect(counts.count > 10 && counts == counts.sorted(by: >))
    let bad = runHotspotRaw(base + ["--sort", "rate", "--quiet"])
    #expect(bad.status == 64)
    #expect(bad.error.contains("'--sort rate' names no column; sort by one of: id, area_id, area_name, count"))
  }
}
