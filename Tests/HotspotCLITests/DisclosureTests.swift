import Foundation
import TestSupport
import Testing

/// Issue 21, point 5: with `--suppress-below 5`, nothing a run writes gives a hidden count back.
/// Each test runs a command on twelve squares whose true counts are known, reads everything the
/// run wrote (tables in every format, summaries, totals, ranks, maps' titles, subtitles and
/// legends, the report's sections) into a `DisclosureAttacker`, and checks that no count from 1
/// to 4 can be worked out.
@Suite("--suppress-below: no hidden count can be recovered")
struct DisclosureTests {
  /// Incidents per square in 2024 and 2023: large, small (1–4) and zero counts.
  static let current = [40, 25, 3, 0, 12, 1, 0, 7, 2, 30, 0, 9]
  static let baseline = [30, 20, 5, 2, 10, 0, 1, 4, 6, 28, 0, 11]
  static let ids = (0..<12).map { "A" + ($0 < 10 ? "0" : "") + String($0) }
  static func group(_ k: Int) -> String { k < 6 ? "A" : "B" }
  static func population(_ k: Int) -> Double { Double(1000 + 100 * k) }
  /// Every third incident of a square is a robbery, the others burglaries.
  static func category(_ j: Int) -> String { j % 3 == 2 ? "robbery" : "burglary" }

  /// Twelve 1 km squares (EPSG:27700) in a 4 × 3 grid, with a population and a district.
  static var areas: String {
    let features = (0..<12).map { k in
      let x = 420_000 + (k % 4) * 1000
      let y = 540_000 + (k / 4) * 1000
      return """
        {"type":"Feature","properties":{"code":"\(ids[k])","name":"Area \(k)","population":\(Int(population(k))),"lad":"\(group(k))"},\
        "geometry":{"type":"Polygon","coordinates":[[[\(x),\(y)],[\(x + 1000),\(y)],[\(x + 1000),\(y + 1000)],[\(x),\(y + 1000)],[\(x),\(y)]]]}}
        """
    }
    return """
      {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:27700"}},"features":[
      \(features.joined(separator: ",\n"))
      ]}
      """
  }

  /// The incidents: the squares of 30 or more stacked at one or two places (busy patrol cells),
  /// the others spread 80 m apart (patrol cells of 1 or 2 incidents, each with a street).
  static var incidents: String {
    var rows = ["id,easting,northing,date,category,location"]
    var n = 0
    for (year, counts) in [(2023, baseline), (2024, current)] {
      for (k, count) in counts.enumerated() {
        let x0 = 420_000 + (k % 4) * 1000
        let y0 = 540_000 + (k / 4) * 1000
        for j in 0..<count {
          let (x, y) =
            count >= 30
            ? ((j < count / 2 || count == 30) ? (x0 + 200, y0 + 200) : (x0 + 700, y0 + 700))
            : (x0 + 100 + 80 * (j % 10), y0 + 100 + 200 * (j / 10))
          n += 1
          let month = (j % 12) + 1
          rows.append(
            "\(n),\(x),\(y),\(year)-\(month < 10 ? "0" : "")\(month)-10,\(category(j) == "robbery" ? "Robbery" : "Burglary"),On or near Street \(k)-\(j % 3)"
          )
        }
      }
    }
    return rows.joined(separator: "\n") + "\n"
  }

  /// The true counts of every cell a run may publish, by key.
  static var truth: [String: Int] {
    var truth: [String: Int] = [:]
    for k in 0..<12 {
      truth["count/" + ids[k]] = current[k]
      truth["baseline/" + ids[k]] = baseline[k]
      for category in ["burglary", "robbery"] {
        let n = (0..<current[k]).filter { Self.category($0) == category }.count
        truth["cat/\(category)/" + ids[k]] = n
        truth["groupcat/\(category)/" + group(k), default: 0] += n
      }
      truth["group/" + group(k), default: 0] += current[k]
      truth["groupbase/" + group(k), default: 0] += baseline[k]
    }
    return truth
  }

  /// Checks that the attacker cannot pin down any small true count, and that what it worked out
  /// is consistent with the truth (it read the outputs right).
  static func expectNothingRecovered(_ attacker: DisclosureAttacker, run: String) {
    var attacked = 0
    for (key, value) in truth.sorted(by: { $0.key < $1.key }) {
      guard let low = attacker.lower[key], let high = attacker.upper[key] else { continue }
      #expect(low <= Double(value) && Double(value) <= high, "\(run): \(key) = \(value) read as \(low)…\(high)")
      guard value >= 1 && value <= 4 else { continue }
      attacked += 1
      #expect(
        attacker.recovered(key) == nil,
        "\(run): hidden \(key) = \(value) recovered from \(attacker.seen[key]?.sorted() ?? [])")
    }
    #expect(attacked > 0, "\(run): no small count was published at all")
  }

  // MARK: - count

  @Test("count: text, Markdown, CSV and JSON, with a baseline, a breakdown by category, rates and groups")
  func count() throws {
    let folder = try TemporaryFolder()
    let areas = try folder.file("areas.geojson", Self.areas)
    let points = try folder.file("incidents.csv", Self.incidents)
    let options = [
      "count", "--areas", areas, "--incidents", points, "--period", "2024", "--compare-to", "2023", "--by",
      "category", "--group-field", "lad", "--population-field", "population", "--suppress-below", "5",
    ]
    var attacker = DisclosureAttacker(threshold: 5)
    let json = runHotspotRaw(options + ["--format", "json"])
    #expect(json.status == 0, "\(json.error)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let summary = try #require(document["summary"] as? [String: Any])
    let areaRows = try #require(document["areas"] as? [[String: Any]]).map { $0.mapValues(Self.text) }
    let groupRows = (document["groups"] as? [[String: Any]] ?? []).map { $0.mapValues(Self.text) }
    Self.read(areas: areaRows, groups: groupRows, into: &attacker, source: "json")
    let counted = try #require(summary["counted"] as? Double)
    let baselineCounted = try #require(summary["baseline_counted"] as? Double)
    Self.totals(counted: counted, baseline: baselineCounted, areaRows: areaRows, into: &attacker)

    let markdown = runHotspotRaw(options + ["--format", "md"])
    let csv = runHotspotRaw(options + ["--format", "csv"])
    let text = runHotspotRaw(options + ["--format", "text"])
    #expect(markdown.status == 0 && csv.status == 0 && text.status == 0)
    for table in Self.markdownTables(markdown.output) + [Self.csvTable(csv.output)] {
      if table.first?["area_id"] != nil { Self.read(areas: table, groups: [], into: &attacker, source: "md/csv") }
      if table.first?["group_id"] != nil { Self.read(areas: [], groups: table, into: &attacker, source: "md") }
    }
    // The aligned text holds the same cells as the Markdown, and the same summary as the JSON.
    func hiddenCells(_ output: String) -> [Int] {
      ["<5", "[c]"].map { marker in output.components(separatedBy: marker).count - 1 }
    }
    #expect(hiddenCells(text.output) == hiddenCells(Self.unescape(markdown.output)))
    #expect(text.output.contains("counted            129") && text.output.contains("baseline           117"))
    // The category totals, as if published elsewhere: the breakdown must hold even then.
    for category in ["burglary", "robbery"] {
      let total = (0..<12).reduce(0) { $0 + (Self.truth["cat/\(category)/" + Self.ids[$1]] ?? 0) }
      attacker.equation(Self.ids.map { ("cat/\(category)/" + $0, 1) }, equals: Double(total))
    }
    attacker.solve()
    Self.expectNothingRecovered(attacker, run: "count")
  }

  /// The cells of the area and group tables, with the figures derived from each count.
  static func read(
    areas: [[String: String]], groups: [[String: String]], into attacker: inout DisclosureAttacker, source: String
  ) {
    for row in areas {
      guard let id = row["area_id"], let k = ids.firstIndex(of: id) else { continue }
      let count = row["count"] ?? ""
      attacker.observe("count/" + id, count, in: source)
      if let before = row["baseline_count"] { attacker.observe("baseline/" + id, before, in: source) }
      for category in ["burglary", "robbery"] {
        if let cell = row["count_" + category] { attacker.observe("cat/\(category)/" + id, cell, in: source) }
      }
      attacker.equation(
        [("cat/burglary/" + id, 1), ("cat/robbery/" + id, 1), ("count/" + id, -1)], equals: 0)
      // A rate or a density gives the count back; a change gives count − baseline.
      if let rate = Double(row["rate_per_1000"] ?? "") {
        attacker.narrow("count/" + id, (rate - 0.00005) * population(k) / 1000, (rate + 0.00005) * population(k) / 1000)
      }
      if let density = Double(row["per_km2"] ?? "") {
        attacker.narrow("count/" + id, density - 0.0005, density + 0.0005)
      }
      if let change = Double(row["change"] ?? "") {
        attacker.equation([("count/" + id, 1), ("baseline/" + id, -1)], equals: change)
      }
      let hidden = count.hasPrefix("<") || count == "[c]"
      let hiddenBefore = (row["baseline_count"] ?? "").hasPrefix("<") || row["baseline_count"] == "[c]"
      if hidden || hiddenBefore {
        for column in ["change", "change_pct", "p_change"] {
          #expect((row[column] ?? "").isEmpty, "\(source): \(id) shows \(column) \(row[column] ?? "")")
        }
      }
      if hidden {
        for column in ["rate_per_1000", "per_km2"] {
          #expect((row[column] ?? "").isEmpty, "\(source): \(id) shows \(column) \(row[column] ?? "")")
        }
      }
    }
    for row in groups {
      guard let id = row["group_id"] else { continue }
      attacker.observe("group/" + id, row["count"] ?? "", in: source)
      attacker.observe("groupbase/" + id, row["baseline_count"] ?? "", in: source)
      for category in ["burglary", "robbery"] {
        attacker.observe("groupcat/\(category)/" + id, row["count_" + category] ?? "", in: source)
      }
      attacker.equation(
        [("groupcat/burglary/" + id, 1), ("groupcat/robbery/" + id, 1), ("group/" + id, -1)], equals: 0)
      if let change = Double(row["change"] ?? "") {
        attacker.equation([("group/" + id, 1), ("groupbase/" + id, -1)], equals: change)
      }
    }
  }

  /// The published totals and the groups' sums of their areas (the area table names each group).
  static func totals(
    counted: Double, baseline: Double, areaRows: [[String: String]], into attacker: inout DisclosureAttacker
  ) {
    attacker.equation(ids.map { ("count/" + $0, 1) }, equals: counted)
    attacker.equation(ids.map { ("baseline/" + $0, 1) }, equals: baseline)
    for g in ["A", "B"] {
      let members = areaRows.filter { $0["group"] == g }.compactMap { $0["area_id"] }
      attacker.equation(members.map { ("count/" + $0, 1) } + [("group/" + g, -1)], equals: 0)
      attacker.equation(members.map { ("baseline/" + $0, 1) } + [("groupbase/" + g, -1)], equals: 0)
      for category in ["burglary", "robbery"] {
        attacker.equation(
          members.map { ("cat/\(category)/" + $0, 1) } + [("groupcat/\(category)/" + g, -1)], equals: 0)
      }
    }
  }

  static func text(_ value: Any) -> String {
    switch value {
    case let number as Double: number.rounded() == number ? String(Int(number)) : String(number)
    case let number as Int: String(number)
    case let text as String: text
    default: ""
    }
  }

  static func csvTable(_ text: String) -> [[String: String]] {
    let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    guard let header = lines.first else { return [] }
    return lines.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { a, _ in a }) }
  }

  static func markdownTables(_ text: String) -> [[[String: String]]] {
    var tables: [[[String: String]]] = []
    var header: [String]?
    var rows: [[String: String]] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix("|") else {
        if header != nil { tables.append(rows) }
        header = nil
        rows = []
        continue
      }
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map {
        unescape($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\\", with: ""))
      }
      if header == nil {
        header = cells
      } else if !cells.allSatisfy({ $0.allSatisfy { "-:".contains($0) } }) {
        rows.append(Dictionary(zip(header ?? [], cells), uniquingKeysWith: { a, _ in a }))
      }
    }
    if header != nil { tables.append(rows) }
    return tables
  }
}
