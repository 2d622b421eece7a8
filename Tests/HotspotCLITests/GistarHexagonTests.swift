import Foundation
import TestSupport
import Testing

@testable import hotspot

@Suite("hotspot gistar on hexagonal cells")
struct GistarHexagonTests {
  @Test("--hex bins incidents into the nearest hexagon, writes centres as x,y and records the cell shape")
  func hexagons() throws {
    let folder = try TemporaryFolder()
    let points = try folder.file("incidents.csv", GistarCommandTests.incidents)
    let output = folder.path("hex.csv")
    let arguments = [
      "gistar", "--incidents", points, "--cell", "100m", "--hex", "--extent", "420000,540000,421000,541000",
    ]
    let result = runHotspotRaw(arguments + ["--output", output, "--quiet"])
    #expect(result.status == 0, "\(result.error)")
    // (425000, 545000) lies beyond the grid; (420950, 540950) inside it.
    #expect(result.error.contains("1 incidents lie outside the analysed cells"))
    let csv = try String(contentsOfFile: output, encoding: .utf8)
    let lines = csv.split(separator: "\r\n")
    #expect(lines.first == "x,y,value,z,p,class,neighbours")
    // 11 columns × 13 rows, less the 6 odd-row cells beyond the east edge.
    #expect(lines.count == 1 + 137)
    // Row 0 starts at the south-west corner; the corner cell has 2 neighbours.
    #expect(lines[1].hasPrefix("420000,540000,0,"))
    #expect(lines[1].hasSuffix(",2"))
    // Rows lie 100·√3/2 = 86.6025… m apart; the CSV writes the centre's y with every digit.
    func hasRow(_ csvLines: [Substring], x: Double, rows k: Double, value: String?, neighbours: String? = nil) -> Bool {
      csvLines.contains { line in
        let f = line.split(separator: ",", omittingEmptySubsequences: false)
        guard f.count > 2, Double(f[0]) == x, let y = Double(f[1]) else { return false }
        return abs(y - (540_000 + k * 50 * 3.0.squareRoot())) < 1e-6 && (value.map { f[2] == $0 } ?? true)
          && (neighbours.map { f.last == Substring($0) } ?? true)
      }
    }
    // The three incidents at y = 540050 near x = 420050 lie nearest the first odd-row centre.
    #expect(hasRow(lines, x: 420_050, rows: 1, value: "3"))
    // (420050, 540150) is as far from (420000, 540173.2) as from (420100, 540173.2): the east one.
    #expect(hasRow(lines, x: 420_100, rows: 2, value: "1"))
    #expect(hasRow(lines, x: 420_000, rows: 2, value: "0"))
    let provenance = try String(contentsOfFile: output + ".provenance.json", encoding: .utf8)
    for fragment in ["pointy-top hexagons", "the 6 hexagons sharing an edge", "every cell of the --extent grid"] {
      #expect(provenance.contains(fragment), "\(fragment)")
    }
    // A 200 m band reaches the second ring: 6 + 12 around an interior hexagon.
    let band = runHotspotRaw(arguments + ["--neighbours", "distance:200m", "--format", "csv"])
    #expect(hasRow(band.output.split(separator: "\r\n"), x: 420_550, rows: 5, value: nil, neighbours: "18"))
  }

  @Test("--hex needs --cell")
  func hexNeedsCell() {
    let result = runHotspotRaw(["gistar", "--incidents", "x.csv", "--hex"])
    #expect(result.status == 64)
    #expect(result.error.contains("'--hex' needs '--cell"))
  }
}
