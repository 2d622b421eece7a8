import Analyses
import Foundation
import GeoIO
import Rendering
import Reports
import TestSupport
import Testing

@Suite("RankTables: a ranking's table and map")
struct RankTablesTests {
  @Test("the sample divisions: rows in rank order cut to --top, the reasons given, the map labels the top k")
  func sample() throws {
    let result = try RankRequest(
      areasFile: TestData.geoData("divisions.geojson").path,
      incidents: IncidentSource(files: [TestData.geoData("incidents-police.csv").path]), populationField: "population",
      top: 5, resamples: 9
    ).run()
    let table = result.table
    #expect(table.rows.count == 5)
    #expect(table.rows.map { $0[0] } == (1...5).map { Table.Cell.integer($0) })
    let why = try #require(table.columns.firstIndex { $0.name == "why" })
    #expect(
      table.rows.allSatisfy { $0[why].plainText.contains("percentile") || $0[why].plainText.contains("hot spot") })
    #expect(RankResult.ordinal(1) == "1st" && RankResult.ordinal(12) == "12th" && RankResult.ordinal(23) == "23rd")
    let svg = result.svg()
    #expect(svg.contains("Areas ranked by risk"))
    #expect(svg.contains("the 5 highest labelled with their rank"))
    #expect(result.text(width: nil).hasSuffix(result.summary))
  }
}
