import Foundation
import TestSupport
import Testing

extension DisclosureTests {
  /// `<title>Area 7: 12</title>` → ("A07", "12"); the subtitle's incident total.
  static func svgValues(_ svg: String) -> (values: [(id: String, text: String)], total: Double?) {
    var values: [(String, String)] = []
    for part in svg.components(separatedBy: "<title>").dropFirst() {
      let title = unescape(String(part.prefix { $0 != "<" }))
      guard title.hasPrefix("Area "), let colon = title.firstIndex(of: ":"),
        let k = Int(title[title.index(title.startIndex, offsetBy: 5)..<colon])
      else { continue }
      values.append((ids[k], String(title[title.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
    }
    let total = svg.range(of: #"[0-9,]+ incidents ·"#, options: .regularExpression).flatMap {
      Double(svg[$0].split(separator: " ")[0].replacingOccurrences(of: ",", with: ""))
    }
    return (values, total)
  }

  static func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  /// A map's per-area texts read as counts (count layer) or rates per 1,000 (rate layer).
  static func readMap(_ svg: String, rates: Bool, into attacker: inout DisclosureAttacker, source: String) {
    let (values, total) = svgValues(svg)
    #expect(values.count == 12, "\(source): \(values.count) areas read")
    for (id, text) in values {
      let k = ids.firstIndex(of: id) ?? 0
      if text.hasPrefix("<") {
        attacker.observe("count/" + id, String(text.prefix { $0 != " " }), in: source)
      } else if rates, let rate = Double(text) {
        attacker.narrow("count/" + id, (rate - 0.05) * population(k) / 1000, (rate + 0.05) * population(k) / 1000)
      } else {
        attacker.observe("count/" + id, text, in: source)
      }
    }
    // The subtitle's total counts incidents outside the areas too; taken as the areas' sum, the
    // strongest reading.
    if let total { attacker.equation(ids.map { ("count/" + $0, 1) }, equals: total) }
  }

  @Test("map: the count and rate layers' values, labels, subtitle and legend")
  func map() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("areas.geojson", Self.areas)
    let points = try folder.file("incidents.csv", Self.incidents)
    var attacker = DisclosureAttacker(threshold: 5)
    for layer in ["count", "rate"] {
      let run = runHotspotRaw([
        "map", "--areas", areas, "--incidents", points, "--period", "2024", "--layer", layer, "--population-field",
        "population", "--labels", "12", "--suppress-below", "5",
      ])
      #expect(run.status == 0, "\(run.error)")
      Self.readMap(run.output, rates: layer == "rate", into: &attacker, source: "map --layer \(layer)")
      // Labels name only areas whose value is shown.
      for (id, text) in Self.svgValues(run.output).values where text.hasPrefix("<") || text == "[c]" {
        let name = "Area \(Self.ids.firstIndex(of: id) ?? 0)"
        #expect(!run.output.contains(">\(name)</text>"), "\(layer): the withheld \(name) is labelled")
      }
    }
    attacker.solve()
    Self.expectNothingRecovered(attacker, run: "map")
    let points2 = runHotspotRaw([
      "map", "--areas", areas, "--incidents", points, "--layer", "points", "--suppress-below", "5",
    ])
    #expect(points2.status == 64 && points2.error.contains("points layer"), "\(points2.error)")
  }

  /// The rows of every HTML table, as header → cell text.
  static func htmlTables(_ html: String) -> [[[String: String]]] {
    html.components(separatedBy: "<table>").dropFirst().map { table in
      let body = table.components(separatedBy: "</table>")[0]
      let rows = body.components(separatedBy: "<tr>").dropFirst().map { row in
        row.components(separatedBy: "</tr>")[0].components(separatedBy: "<t").dropFirst().map { cell in
          unescape(String(cell.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }))
        }
      }
      guard let header = rows.first else { return [] }
      return rows.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { a, _ in a }) }
    }
  }

  @Test("report: headline, the maps, the ranked table, the change, the patrol cells and data quality")
  func report() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("areas.geojson", Self.areas)
    let points = try folder.file("incidents.csv", Self.incidents)
    let output = folder.path("report.html")
    let run = runHotspotRaw([
      "report", "--areas", areas, "--incidents", points, "--period", "2024", "--compare-to", "2023",
      "--group-field", "lad", "--population-field", "population", "--suppress-below", "5", "--output", output,
    ])
    #expect(run.status == 0, "\(run.error)")
    let html = try String(contentsOfFile: output, encoding: .utf8)
    var attacker = DisclosureAttacker(threshold: 5)
    let svgs = html.components(separatedBy: "<svg").dropFirst().map { "<svg" + $0.components(separatedBy: "</svg>")[0] }
    #expect(svgs.count == 4)  // the count, density, Gi* and emerging maps
    // The count map; the Gi* map shows classes, never z (z with the published counts gives them back).
    Self.readMap(svgs[0], rates: false, into: &attacker, source: "report map")
    #expect(!html.contains("z = "))

    let tables = Self.htmlTables(html)
    let ranked = try #require(tables.first { $0.first?["rank"] != nil && $0.first?["area_name"] != nil })
    var rows: [[String: String]] = []
    for row in ranked {
      guard let name = row["area_name"], let k = Int(name.dropFirst(5)) else { continue }
      var row = row
      row["area_id"] = Self.ids[k]
      rows.append(row)
    }
    #expect(rows.count == 12)
    Self.read(areas: rows, groups: [], into: &attacker, source: "report table")
    let counted = try #require(Double(Self.fact("counted in an area", html) ?? ""))
    let before = try #require(
      html.range(of: #"against [0-9,]+ in"#, options: .regularExpression).map {
        Double(html[$0].split(separator: " ")[1].replacingOccurrences(of: ",", with: "")) ?? -1
      })
    Self.totals(counted: counted, baseline: before, areaRows: rows, into: &attacker)

    // Ranks: the withheld areas share one rank, after every shown count and before the zeros.
    let hidden = rows.filter { $0["count"] == "<5" || $0["count"] == "[c]" }
    let shown = rows.filter { !hidden.map { $0["area_id"] }.contains($0["area_id"]) }
    #expect(Set(hidden.map { $0["rank"] ?? "" }).count == 1, "\(hidden.map { $0["rank"] ?? "" })")
    let withheldRank = Int((hidden.first?["rank"] ?? "").dropFirst()) ?? 0
    for row in shown {
      let count = Int(row["count"] ?? "") ?? -1
      let rank = Int(row["rank"] ?? "") ?? 0
      #expect(count == 0 ? rank > withheldRank : rank < withheldRank, "\(row)")
    }
    // The headline's busiest area is a shown one.
    #expect(html.contains("Area 0 (40)</span><span class=\"label\">busiest area"))

    // Patrol cells: none under 5 listed (with its street).
    let patrol = try #require(tables.first { $0.first?["grid_ref"] != nil })
    #expect(!patrol.isEmpty)
    for cell in patrol { #expect((Int(cell["count"] ?? "") ?? 0) >= 5, "\(cell)") }
    #expect(html.contains("Squares with fewer than 5 incidents are not listed"))

    attacker.solve()
    Self.expectNothingRecovered(attacker, run: "report")
  }

  static func fact(_ label: String, _ html: String) -> String? {
    html.components(separatedBy: "<dt>\(label)</dt><dd>").dropFirst().first?.components(separatedBy: "</dd>").first
  }

  @Test("the attacker recovers a count that only primary suppression hides (the check has teeth)")
  func attackerFindsALoneSmallCount() {
    var attacker = DisclosureAttacker(threshold: 5)
    attacker.observe("count/A00", "<5", in: "t")
    attacker.observe("count/A01", "134", in: "t")
    attacker.observe("count/A02", "0", in: "t")
    attacker.equation([("count/A00", 1), ("count/A01", 1), ("count/A02", 1)], equals: 137)
    attacker.solve()
    #expect(attacker.recovered("count/A00") == 3)
    // Two small ones summing to 2 are both 1.
    var pair = DisclosureAttacker(threshold: 5)
    pair.observe("x", "<5", in: "t")
    pair.observe("y", "<5", in: "t")
    pair.equation([("x", 1), ("y", 1)], equals: 2)
    pair.solve()
    #expect(pair.recovered("x") == 1 && pair.recovered("y") == 1)
  }
}
