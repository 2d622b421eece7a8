import Analyses
import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

extension ReportResult {
  /// The report as one self-contained HTML document: headline figures, the three maps, the
  /// ranked table, the period comparison, the emerging hot spots, the patrol cells, data quality
  /// and every value chosen.
  /// No script, nothing fetched from the network; the maps are inline SVG.
  public func html() -> String {
    let result = count
    let layer = result.layer
    let recognised = MapAttribution.lines(areas: layer, report: result.report)
    let attribution = request.map.attribution.isEmpty ? recognised.lines : request.map.attribution
    let captions = [
      "Incidents counted in each area; classes by \(request.map.classesDescription).",
      "Kernel density of incidents per km² (quartic kernel, defaults as 'hotspot density').",
      "Areas whose counts, with their neighbours', are higher (hot) or lower (cold) than chance would give.",
    ]
    let titles = ["Incidents by area", "Incident density", "Hot spots (Getis-Ord Gi*)"]
    var figures: [HTMLReport.Block] = []
    for (index, map) in maps.enumerated() {
      var document = MapDocument(
        title: titles[index], subtitle: subtitle(result),
        layers: MapDrawing.layers(
          map.built.contents, areas: layer, palette: request.map.palette,
          classesDescription: request.map.classesDescription),
        attribution: attribution, dataNote: recognised.note, generator: "hotspot \(Software.version)")
      document.idPrefix = "map\(index + 1)"
      figures.append(.figure(svg: document.svg(), caption: captions[index]))
    }
    let report = HTMLReport(
      title: request.title ?? "Incidents report", subtitle: subtitle(result), headline: headline(result),
      sections: [
        HTMLReport.Section("Maps", figures),
        HTMLReport.Section(
          "Areas ranked by incidents",
          [.table(ranked(result), caption: "The \(min(request.top, layer.count)) areas with the most incidents")]),
      ] + comparison(result) + emergingSection(attribution: attribution, dataNote: recognised.note) + patrolSection()
        + [
          HTMLReport.Section("Data quality", [.facts(quality(result, incidents: result.incidents))]),
          HTMLReport.Section("Methods and values chosen", [.facts(methods(result: result))]),
        ],
      footer: (recognised.note.map { [$0] } ?? []) + attribution + ["Made by hotspot \(Software.version)."])
    return report.html()
  }

  /// The places to patrol: the busiest 150 m cells inside the areas, as `hotspot patrol --top 10`.
  /// Under `--suppress-below n`, cells with fewer than n incidents are not listed (their street
  /// would name a place with a hidden count) and the statement covers the listed cells only.
  private func patrolSection() -> [HTMLReport.Section] {
    guard let patrol else { return [] }
    let cells = ReportRequest.patrolCells
    var table = patrol.textTable
    var statement = patrol.statement
    var dropped = ""
    if let rule = count.disclosure?.rule {
      let listed = patrol.chosen.enumerated().filter { !rule.isSmall(Int(patrol.counts[$0.element].rounded())) }
      let kept = Set(listed.map(\.offset))
      table.rows = table.rows.indices.filter { kept.contains($0) }.map { table.rows[$0] }
      let incidents = listed.reduce(0.0) { $0 + patrol.counts[$1.element] }
      statement =
        "\(PatrolResult.percent(patrol.total > 0 ? incidents / patrol.total : 0)) of incidents in "
        + "\(PatrolResult.percent(Double(listed.count) / Double(patrol.layout.count))) of the area"
      if listed.count < patrol.chosen.count {
        dropped =
          " Squares with fewer than \(NumberText.shortest(rule.threshold)) incidents are not listed (--suppress-below)."
      }
    }
    let text =
      "The \(cells) squares of 150 m with the most incidents, for short visits of 10–15 minutes (Koper 1995): "
      + statement
      + ". Grid references are Ordnance Survey's; the location is the most common police.uk label in the cell. "
      + "The Gini coefficient over all \(Format.count(patrol.layout.count)) cells is \(NumberText.fixed(patrol.concentration.gini, digits: 3))."
      + dropped
    return [
      HTMLReport.Section(
        "Where to patrol", [.paragraph(text), .table(table, caption: "Patrol cells, busiest first")])
    ]
  }

  private func subtitle(_ result: CountResult) -> String {
    var parts: [String] = []
    if let period = result.period { parts.append(period.description) }
    if !request.count.incidents.filter.categories.isEmpty {
      parts.append(request.count.incidents.filter.categories.joined(separator: ", "))
    }
    parts.append("\(result.layer.count) areas")
    return parts.joined(separator: " · ")
  }

  private func headline(_ result: CountResult) -> [(label: String, value: String)] {
    var items: [(String, String)] = [
      ("incidents counted", Format.count(result.tally.counted)),
      ("areas", Format.count(result.layer.count)),
    ]
    if let change = result.totalChange, let baselinePeriod = result.baselinePeriod {
      items.append(
        (
          "change from \(baselinePeriod)" + (change.sameLength ? "" : " (per month)"),
          change.percent.map { (($0 >= 0) ? "+" : "") + NumberText.fixed($0, digits: 1) + " %" } ?? "n/a"
        ))
      items.append(("p-value of the change", NumberText.significant(change.p, digits: 3)))
    }
    // The busiest area, unless its count is withheld (naming it would give its count away, and
    // naming the busiest published one instead would be wrong).
    let shown = result.tally.counts.indices.map { result.disclosure?.areas[$0].isHidden != true }
    if let busiest = result.tally.counts.indices.max(by: {
      (result.tally.counts[$0], shown[$0] ? 1 : 0, -$0) < (result.tally.counts[$1], shown[$1] ? 1 : 0, -$1)
    }), shown[busiest] {
      let name = result.layer.names[busiest].isEmpty ? result.layer.ids[busiest] : result.layer.names[busiest]
      items.append(("busiest area", "\(name) (\(Format.count(result.tally.counts[busiest])))"))
    }
    return items.map { (label: $0.0, value: $0.1) }
  }

  /// The columns of the ranked table, where present.
  public static let rankedColumns = [
    "area_name", "count", "population", "per_km2", "baseline_count", "change", "change_per_month", "change_pct",
    "p_change", "count_per_month", "baseline_per_month", "group",
  ]

  /// The area table sorted by count (ties by file order), cut to `top` rows, with a rank column
  /// and the columns a reader needs. Under `--suppress-below n` the withheld areas (`<n`, `[c]`)
  /// share one rank, after every published count of n or more and before the published zeros,
  /// in file order: their place tells nothing their `<n` does not.
  private func ranked(_ result: CountResult) -> Table {
    let top = request.top
    let full = result.areaTable
    let keep = full.columns.indices.filter { index in
      let name = full.columns[index].name
      return ReportResult.rankedColumns.contains(name) || name.hasPrefix("rate_per_")
    }
    let table = Table(columns: keep.map { full.columns[$0] }, rows: full.rows.map { row in keep.map { row[$0] } })
    let counts = result.tally.counts
    let hidden = counts.indices.map { result.disclosure?.areas[$0].isHidden == true }
    // Published non-zero counts, then the withheld areas, then the zeros.
    func tier(_ i: Int) -> Int { hidden[i] ? 1 : (counts[i] > 0 ? 0 : 2) }
    let order = counts.indices.sorted { a, b in
      if tier(a) != tier(b) { return tier(a) < tier(b) }
      if tier(a) == 1 { return a < b }
      return (counts[a], -a) > (counts[b], -b)
    }
    let withheldRank = counts.indices.filter { tier($0) == 0 }.count + 1
    var ranked = Table(columns: [Table.Column("rank", alignment: .right)] + table.columns)
    for (position, index) in order.prefix(top).enumerated() {
      let rank: Table.Cell = hidden[index] ? .text("=\(withheldRank)") : .integer(position + 1)
      ranked.rows.append([rank] + table.rows[index])
    }
    return ranked
  }

  private func comparison(_ result: CountResult) -> [HTMLReport.Section] {
    guard let change = result.totalChange, let period = result.period, let baselinePeriod = result.baselinePeriod
    else {
      return []
    }
    let p = change.p
    let percent = change.percent.map { " (\(NumberText.fixed($0, digits: 1)) %)" } ?? ""
    let difference =
      change.sameLength
      ? "a change of \(Format.count(result.tally.counted - change.baseline))" + percent
      : "the periods differ in length (\(PeriodCoverage.monthsText(change.currentMonths)) against \(PeriodCoverage.monthsText(change.baselineMonths))), so they compare per month: "
        + "\(NumberText.fixed(change.currentPerMonth, digits: 1)) incidents a month against \(NumberText.fixed(change.baselinePerMonth, digits: 1)), a change of \(NumberText.fixed(change.change, digits: 1)) a month"
        + percent
    let text =
      "\(Format.count(result.tally.counted)) incidents in \(period) against \(Format.count(change.baseline)) in \(baselinePeriod): "
      + difference
      + ". Two-sided p = \(NumberText.significant(p, digits: 3)) by the exact test for two Poisson counts with the periods' lengths in months as exposures; "
      + (p < 0.05
        ? "a change beyond chance at the 5 % level." : "within what chance alone would give at the 5 % level.")
    return [HTMLReport.Section("Change from \(baselinePeriod)", [.paragraph(text)])]
  }

  private func quality(_ result: CountResult, incidents: IncidentTable?) -> [(label: String, value: String)] {
    let report = result.report
    var facts: [(String, String)] = [
      (
        "rows read",
        Format.count(report.dataRows) + " in "
          + report.files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.joined(separator: ", ")
      ),
      ("counted in an area", Format.count(result.tally.counted)),
      (
        "outside every area",
        Format.count(result.tally.outside) + " (\(Format.count(result.tally.nearBoundary)) within 25 m of a boundary)"
      ),
      ("without a location", Format.count(result.withoutLocation.kept)),
      (
        "skipped as malformed",
        report.skippedByReason.isEmpty
          ? "0" : report.skippedByReason.map { "\($0.count) \($0.reason)" }.joined(separator: "; ")
      ),
      ("filtered out", Format.count(result.filtered.removed + result.withoutLocation.removed)),
    ]
    if let incidents, incidents.count > 0 {
      var stacks: [Point: Int] = [:]
      for i in 0..<incidents.count { stacks[incidents.point(i), default: 0] += 1 }
      let stacked = stacks.values.filter { $0 >= 5 }.reduce(0, +)
      let largest = stacks.values.max() ?? 0
      facts.append(
        (
          "stacked locations",
          "\(Format.count(stacks.count)) distinct places; \(NumberText.fixed(100 * Double(stacked) / Double(incidents.count), digits: 1)) % of incidents at places holding 5 or more; the largest stack holds \(largest)"
        ))
    }
    return facts.map { (label: $0.0, value: $0.1) }
  }

  private func methods(result: CountResult) -> [(label: String, value: String)] {
    (result.choices.filter { $0.0 != "summary" } + mapChoices + emergingChoices).map { key, value in
      let text: String =
        switch value {
        case .string(let s): s
        case .number(let n): NumberText.significant(n, digits: 6)
        case .array(let items):
          items.map { if case .number(let n) = $0 { NumberText.significant(n, digits: 5) } else { "" } }.joined(
            separator: ", ")
        case .null: "none"
        default: value.rendered().trimmingSpaces()
        }
      return (label: key.replacingOccurrences(of: "_", with: " "), value: text)
    }
  }
}
