import Analyses
import GeoCore
import Rendering
import SpatialAnalysis

/// The table, summary and output formats of a ranking, from the same numbers.
extension RankResult {
  /// The column name of a component's raw value: its declaration's `column` (`rate_per_1000`,
  /// `trend_ratio`, else the key).
  public static func rawColumn(_ key: String) -> String {
    RankComponent.counted.first { $0.key == key }?.column ?? key
  }

  /// One row per listed area (`order`): rank, id, name, group, score (0–100 with percentiles),
  /// each kept component's raw and normalised value (`_pct` or `_z`), the two main reasons
  /// (`why`), `rank_low`..`rank_high` (the 90 % interval) and `p_top_k`.
  public var table: Table {
    let suffix = model.normalisation == .percentile ? "_pct" : "_z"
    var columns: [Table.Column] = [.init("rank", alignment: .right), .init("area_id"), .init("area_name")]
    if groupNames != nil { columns.append(.init("group")) }
    columns.append(.init("score", alignment: .right))
    for component in score.kept {
      columns.append(.init(declaration(component.key)?.column ?? component.key, alignment: .right))
      if component.key == "trend" { columns.append(.init("trend_p", alignment: .right)) }
      if component.key == "persistence" { columns.append(.init("persistence_months", alignment: .right)) }
      columns.append(.init(component.key + suffix, alignment: .right))
    }
    columns += [
      .init("why"), .init("rank_low", alignment: .right), .init("rank_high", alignment: .right),
      .init("p_top_k", alignment: .right),
    ]
    var rows: [[Table.Cell]] = []
    for area in order {
      var cells: [Table.Cell] = [.integer(score.ranks[area]), .text(layer.ids[area]), .text(layer.names[area])]
      if let groupNames { cells.append(.text(groupNames[area])) }
      cells.append(.number(score.scores[area], digits: 2))
      for (c, component) in score.kept.enumerated() {
        let raw = component.values[area]
        switch declaration(component.key)?.rawFormat ?? .significant(6) {
        case .fixed(let digits): cells.append(raw.map { .number($0, digits: digits) } ?? .empty)
        case .significant(let digits): cells.append(raw.map { .significant($0, digits: digits) } ?? .empty)
        }
        if component.key == "trend" {
          cells.append(observed.trendP[area].map { .significant($0, digits: 3) } ?? .empty)
        }
        if component.key == "persistence" { cells.append(.integer(observed.persistenceMonths[area])) }
        cells.append(.number(score.normalised[c][area], digits: model.normalisation == .percentile ? 1 : 3))
      }
      cells.append(.text(why(area)))
      cells += [
        .integer(uncertainty.low[area]), .integer(uncertainty.high[area]), .number(uncertainty.pTop[area], digits: 3),
      ]
      rows.append(cells)
    }
    return Table(columns: columns, rows: rows)
  }

  /// The two largest weighted contributions of `area` that push it up (at or above their
  /// median), in words; "no component above the median" when none does.
  public func why(_ area: Int) -> String {
    let ranked = score.kept.indices.sorted { a, b in
      let ca = score.contribution(a, area: area)
      let cb = score.contribution(b, area: area)
      return ca != cb ? ca > cb : a < b
    }
    // Only components that push the area up (at or above their median) are reasons.
    let reasons = ranked.filter { c in
      let component = score.kept[c]
      guard component.values[area] != nil else { return false }
      return (RiskScore.percentiles(component.values, direction: component.direction)[area] ?? 0) >= 50
    }
    guard !reasons.isEmpty else { return "no component above the median" }
    return reasons.prefix(2).map { describe(component: $0, area: area) }.joined(separator: " and ")
  }

  /// The phrase of kept component `c` for `area`, by the component's declaration (`RankComponent`):
  /// its raw value in words and its percentile of risk.
  private func describe(component c: Int, area: Int) -> String {
    let component = score.kept[c]
    guard let raw = component.values[area] else { return "\(component.key) (no value: median)" }
    let percentile = RiskScore.percentiles(component.values, direction: component.direction)[area] ?? 50
    let reading = RankComponent.Reading(
      raw: raw, percentile: percentile, monthsInTop: observed.persistenceMonths[area], months: counts.monthCount)
    let declaration =
      declaration(component.key) ?? RankComponent.indicator(name: component.key, direction: component.direction)
    return declaration.phrase(reading)
  }

  /// 1st, 2nd, 3rd, 4th, 11th, 21st…
  public static func ordinal(_ n: Int) -> String { RankComponent.ordinal(n) }

  /// The components and weights, normalisation, months, incidents ranked and resampling, as aligned lines.
  public var summary: String {
    var lines = [
      "components       "
        + score.kept.map { "\($0.key) \(NumberText.fixed($0.weight, digits: 3))" }.joined(separator: ", "),
      "normalised       " + (model.normalisation == .percentile ? "percentile rank (0–100)" : "z-score"),
    ]
    for key in score.dropped { lines.append("dropped          \(key): \(reason(dropped: key))") }
    lines += [
      "months           \(monthsText) (\(counts.monthCount))",
      "incidents        \(Format.count(ranked)) ranked of \(Format.count(dataRows)) rows",
      "rank interval    90 % over \(resamples) Poisson resamples, seed \(seed); p_top_k with k = \(k)",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// The table as aligned text fitted to `width` characters when given, then the summary.
  public func text(width: Int?) -> String {
    TextTable.render(table, maxWidth: width) + "\n" + summary
  }

  /// The table in Markdown, then the summary as a list.
  public var markdown: String {
    MarkdownTable.render(table) + "\n" + summary.split(separator: "\n").map { "- " + $0 }.joined(separator: "\n") + "\n"
  }

  /// `{"summary": summaryChoices, "areas": […]}`.
  public var json: JSONValue {
    .object([("summary", .object(summaryChoices)), ("areas", JSONTable.value(table))])
  }

  /// The score as a choropleth in five classes by natural breaks (Fisher-Jenks), the `labels`
  /// highest-ranked areas (default k) labelled with their rank; an SVG document.
  public func svg(labels: Int? = nil) -> String {
    let labels = labels ?? k
    let scores = score.scores
    let ranks = score.ranks
    let values = scores.map { Optional($0) }
    let breaks = ClassBreaks.breaks(scores, method: .naturalBreaks(5))
    let choropleth = MapLayer.Choropleth.classed(
      ids: layer.ids, names: layer.names, geometries: layer.geometries, values: values, breaks: breaks,
      colours: Palette.colours("YlOrRd", classes: breaks.count) ?? [], heading: "Risk score",
      note: "0–100, natural breaks (Fisher-Jenks)", digits: 1)
    let top = layer.ids.indices.filter { ranks[$0] <= labels }.sorted { ranks[$0] < ranks[$1] }
    let document = MapDocument(
      title: "Areas ranked by risk", subtitle: "the \(top.count) highest labelled with their rank",
      layers: [.choropleth(choropleth)],
      labels: top.map {
        ("\(ranks[$0]). \(layer.names[$0].isEmpty ? layer.ids[$0] : layer.names[$0])", layer.geometries[$0].centroid)
      },
      attribution: ["Boundaries: \(layer.file.split(separator: "/").last.map(String.init) ?? layer.file)."],
      generator: "hotspot \(Software.version)")
    return document.svg()
  }
}
