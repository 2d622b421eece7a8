import Analyses
import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// The table, messages and summary of a `rank` run, from the same numbers.
struct RankResult {
  let layer: AreaLayer
  let counts: RiskCounts
  let firstMonth: Int
  let observed: RiskModel.Evaluation
  let model: RiskModel
  let uncertainty: RankUncertainty.Result
  let groupNames: [String]?
  let top: Int?
  let k: Int
  let resamples: Int
  let seed: UInt64
  let dataRows: Int
  let ranked: Int

  var score: RiskScore.Result { observed.score }

  /// Column name of a component's raw value.
  static func rawColumn(_ key: String) -> String {
    switch key {
    case "rate": "rate_per_1000"
    case "trend": "trend_ratio"
    default: key
    }
  }

  /// Why each dropped component could not be computed.
  func reason(dropped key: String) -> String {
    let component = observed.components.first { $0.key == key }
    if let component, component.weight <= 0 { return "its weight is 0" }
    switch key {
    case "rate":
      return model.population == nil
        ? "no population (give --population-field or --population)" : "no area has a usable population"
    case "trend":
      return "needs 12 months of data; the data cover \(Format.plural(counts.monthCount, "month"))"
    case "persistence":
      return "needs at least 2 months of data; the data cover \(counts.monthCount)"
    case "hotspot": return "no area has a neighbour"
    default: return "no area has a value"
    }
  }

  /// Dropped components and filled values, for stderr.
  var messages: [String] {
    var lines: [String] = []
    for key in score.dropped {
      lines.append("dropped component \(key): \(reason(dropped: key)); its weight is shared among the rest")
    }
    for (c, component) in score.kept.enumerated() where !score.filled[c].isEmpty {
      let areas = score.filled[c]
      lines.append(
        "\(component.key): \(areas.count) area\(areas.count == 1 ? " has" : "s have") no value and take the median normalised value: "
          + areas.prefix(5).map { layer.ids[$0] }.joined(separator: ", ") + (areas.count > 5 ? ", …" : ""))
    }
    return lines
  }

  /// Rows in rank order (within groups in order of first appearance), cut to --top.
  var order: [Int] {
    let groups = model.groups ?? Array(repeating: 0, count: layer.count)
    return layer.ids.indices
      .filter { top == nil || score.ranks[$0] <= top! }
      .sorted { groups[$0] != groups[$1] ? groups[$0] < groups[$1] : score.ranks[$0] < score.ranks[$1] }
  }

  var table: Table {
    let suffix = model.normalisation == .percentile ? "_pct" : "_z"
    var columns: [Table.Column] = [.init("rank", alignment: .right), .init("area_id"), .init("area_name")]
    if groupNames != nil { columns.append(.init("group")) }
    columns.append(.init("score", alignment: .right))
    for component in score.kept {
      columns.append(.init(Self.rawColumn(component.key), alignment: .right))
      if component.key == "trend" { columns.append(.init("trend_p", alignment: .right)) }
      if component.key == "persistence" { columns.append(.init("persistence_months", alignment: .right)) }
      columns.append(.init(component.key + suffix, alignment: .right))
    }
    columns += [.init("why"), .init("rank_low", alignment: .right), .init("rank_high", alignment: .right), .init("p_top_k", alignment: .right)]
    var rows: [[Table.Cell]] = []
    for area in order {
      var cells: [Table.Cell] = [.integer(score.ranks[area]), .text(layer.ids[area]), .text(layer.names[area])]
      if let groupNames { cells.append(.text(groupNames[area])) }
      cells.append(.number(score.scores[area], digits: 2))
      for (c, component) in score.kept.enumerated() {
        let raw = component.values[area]
        switch component.key {
        case "hotspot": cells.append(raw.map { .integer(Int($0)) } ?? .empty)
        case "trend", "persistence": cells.append(raw.map { .number($0, digits: 3) } ?? .empty)
        case "rate": cells.append(raw.map { .number($0, digits: 3) } ?? .empty)
        default: cells.append(raw.map { .significant($0, digits: 6) } ?? .empty)
        }
        if component.key == "trend" { cells.append(observed.trendP[area].map { .significant($0, digits: 3) } ?? .empty) }
        if component.key == "persistence" { cells.append(.integer(observed.persistenceMonths[area])) }
        cells.append(.number(score.normalised[c][area], digits: model.normalisation == .percentile ? 1 : 3))
      }
      cells.append(.text(why(area)))
      cells += [.integer(uncertainty.low[area]), .integer(uncertainty.high[area]), .number(uncertainty.pTop[area], digits: 3)]
      rows.append(cells)
    }
    return Table(columns: columns, rows: rows)
  }

  /// The two largest weighted contributions, in words.
  func why(_ area: Int) -> String {
    let ranked = score.kept.indices.sorted { a, b in
      let ca = score.contribution(a, area: area), cb = score.contribution(b, area: area)
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

  private func describe(component c: Int, area: Int) -> String {
    let component = score.kept[c]
    guard let raw = component.values[area] else { return "\(component.key) (no value: median)" }
    let percentile = RiskScore.percentiles(component.values, direction: component.direction)[area] ?? 50
    let nth = Self.ordinal(Int(percentile.rounded()))
    let level = percentile >= 50 ? "high" : "low"
    switch component.key {
    case "rate": return "\(level) rate per 1,000 (\(nth) percentile)"
    case "harm": return "\(level) harm-weighted count (\(nth) percentile)"
    case "trend":
      return (raw > 1 ? "rising" : "not rising") + " (×\(NumberText.fixed(raw, digits: 2)) in the last 3 months, \(nth) percentile)"
    case "persistence":
      return (percentile >= 50 ? "persistent" : "seldom in the top fifth")
        + " (in the top fifth \(observed.persistenceMonths[area]) of \(counts.monthCount) months)"
    case "hotspot": return raw > 0 ? "a Gi* hot spot at 95 %" : "not a Gi* hot spot"
    default:
      let word = component.direction == .higher ? level : (percentile >= 50 ? "low" : "high")
      return "\(word) \(component.key) (\(nth) percentile of risk)"
    }
  }

  static func ordinal(_ n: Int) -> String {
    let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
    return "\(n)\(suffix)"
  }

  var monthsText: String {
    let first = IncidentDate.monthText(monthIndex: firstMonth)
    let last = IncidentDate.monthText(monthIndex: firstMonth + counts.monthCount - 1)
    return counts.monthCount == 1 ? first : "\(first)..\(last)"
  }

  var summary: String {
    var lines = [
      "components       " + score.kept.map { "\($0.key) \(NumberText.fixed($0.weight, digits: 3))" }.joined(separator: ", "),
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

  var choices: [(String, JSONValue)] {
    [
      ("components", .object(score.kept.map { ($0.key, .number($0.weight)) })),
      ("dropped", .object(score.dropped.map { ($0, .string(reason(dropped: $0))) })),
      ("normalisation", .string(model.normalisation.rawValue)),
      ("months", .string(monthsText)),
      ("incidents_ranked", .number(Double(ranked))),
      ("resamples", .number(Double(resamples))),
      ("seed", .number(Double(seed))),
      ("k", .number(Double(k))),
      ("trend", "rate ratio (c + ½)/3 ÷ (c + ½)/9 of the last 3 months against the 9 before; exact binomial p"),
      ("persistence", "share of months among the top fifth (⌈n/5⌉, ties included) of areas by count"),
      ("hotspot", "1 when Gi* class ≥ 2 (95 %) on the count, queen contiguity within 1 m"),
      ("rank_interval", "5th and 95th percentiles of the rank over Poisson(count) resamples of every area-month-category count"),
    ]
  }
}
