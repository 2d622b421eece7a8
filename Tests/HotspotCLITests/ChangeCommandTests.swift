import Foundation
import TestSupport
import Testing

@testable import hotspot

@Suite("--compare-to per cell: density, gistar --cell and map --layer change")
struct ChangeCommandTests {
  static let divisions = TestData.geoData("divisions.geojson").path
  static let incidents = TestData.geoData("incidents-police.csv").path

  /// Three 100 m cells in a row: 2024 has 3, 0 and 2 incidents; 2023 has 1, 2 and 2.
  static let cells = """
    id,easting,northing,month
    1,400050,500050,2024-01
    2,400060,500050,2024-05
    3,400070,500050,2024-12
    4,400250,500050,2024-03
    5,400260,500050,2024-04
    6,400050,500050,2023-02
    7,400150,500050,2023-06
    8,400160,500050,2023-07
    9,400250,500050,2023-08
    10,400260,500050,2023-09
    11,400150,500050,2022-01
    """

  @Test("gistar --cell --compare-to: each cell's two counts, change, change_pct, p_change and change per month")
  func gistarCells() throws {
    let folder = try TemporaryFolder()
    let points = try folder.file("incidents.csv", Self.cells)
    let result = runHotspotRaw([
      "gistar", "--incidents", points, "--cell", "100m", "--extent", "400000,500000,400300,500100", "--period",
      "2024", "--compare-to", "2023", "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.error)")
    let lines = result.output.split(separator: "\r\n").map(String.init)
    #expect(lines.first == "x,y,value,z,p,class,neighbours,baseline_count,change,change_pct,p_change,change_per_month")
    // p_change by scipy.stats.binomtest(n1, n1 + n2, 12 / 24).pvalue (months as exposures, as
    // count --compare-to): (3, 1) 0.625, (0, 2) 0.5, (2, 2) 1.
    let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(rows.map { Array($0[7...9]) } == [["1", "2", "200"], ["2", "-2", "-100"], ["2", "0", "0"]])
    // The CSV writes every digit of the doubles: 0.625 and 3/12 − 1/12 as the binomial sum and the
    // subtraction leave them.
    #expect(rows.map { $0[10] } == ["0.6250000000000001", "0.5", "1"])
    #expect(rows.map { $0[11] } == ["0.16666666666666669", "-0.16666666666666666", "0"])
  }

  @Test("density --compare-to: the CSV adds the baseline, the change and the change per month")
  func density() throws {
    let result = runHotspotRaw([
      "density", "--incidents", Self.incidents, "--areas", Self.divisions, "--cell", "1000m", "--period", "2024",
      "--compare-to", "2023", "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.hasPrefix("x,y,lon,lat,density,baseline_density,change,change_per_month\r\n"))
    let row = result.output.split(separator: "\r\n")[1].split(separator: ",").compactMap { Double(String($0)) }
    #expect(abs(row[4] - row[5] - row[6]) < 2e-6)
    #expect(abs(row[6] / 12 - row[7]) < 2e-6)
    #expect(runHotspotRaw(["density", "--incidents", Self.incidents, "--compare-to", "2023"]).status == 64)
  }

  @Test("map --layer change: valid SVG, a diverging legend, per month when the periods differ in length")
  func map() throws {
    let base = ["map", "--areas", Self.divisions, "--incidents", Self.incidents, "--layer", "change"]
    let same = runHotspotRaw(base + ["--period", "2024", "--compare-to", "2023"])
    #expect(same.status == 0, "\(same.error)")
    #expect(try xmlProblems(same.output) == nil)
    for part in ["Change per km²<", "(little change)", "#2166ac", "#b2182b", "class=\"legend\""] {
      #expect(same.output.contains(part), "\(part) missing")
    }
    let unequal = runHotspotRaw(base + ["--period", "2024-07..2024-12", "--compare-to", "2023"])
    #expect(unequal.status == 0, "\(unequal.error)")
    #expect(unequal.output.contains("Change per km² per month<"))
    #expect(runHotspotRaw(base + ["--period", "2024"]).status == 64)
    #expect(runHotspotRaw(base + ["--compare-to", "2023"]).status == 64)
  }
}

extension ChangeCommandTests {
  @Test("patrol --compare-to: the chosen cells' counts in both periods and the p of the change")
  func patrol() throws {
    let folder = try TemporaryFolder()
    let points = try folder.file("incidents.csv", Self.cells)
    let base = [
      "patrol", "--incidents", points, "--cell", "100m", "--extent", "400000,500000,400300,500100", "--top", "3",
    ]
    let result = runHotspotRaw(base + ["--period", "2024", "--compare-to", "2023", "--format", "csv"])
    #expect(result.status == 0, "\(result.error)")
    let lines = result.output.split(separator: "\r\n").map(String.init)
    #expect(lines.first?.hasSuffix(",baseline_count,change,change_pct,p_change,change_per_month") == true)
    // The cells with 3 and 2 incidents in 2024 (the empty one is never chosen): 1 and 2 in 2023.
    let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).suffix(5) }
    #expect(
      rows.map { Array($0) } == [
        ["1", "2", "200", "0.6250000000000001", "0.16666666666666669"], ["2", "0", "0", "1", "0"],
      ])
    #expect(runHotspotRaw(base + ["--compare-to", "2023"]).status == 64)
  }
}
