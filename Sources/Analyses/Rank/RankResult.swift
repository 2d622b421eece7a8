import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// What a `RankRequest` found: the counts per area, month and category, the components and score
/// of each area with its rank, the rank intervals, the warnings and the values chosen. `Reports`
/// makes its table, summary and map.
public struct RankResult: Sendable {
  /// The areas, in file order, in the working CRS.
  public let layer: AreaLayer
  /// Incidents per area, month (from `firstMonth`) and category.
  public let counts: RiskCounts
  /// The month index of the first month counted.
  public let firstMonth: Int
  /// The components, score and ranks of the observed counts.
  public let observed: RiskModel.Evaluation
  /// The model that scored them (population, weights, normalisation, groups).
  public let model: RiskModel
  /// The 90 % interval of each rank and `p_top_k`, over the resamples.
  public let uncertainty: RankUncertainty.Result
  /// The group of each area ("" where none), when ranking within groups.
  public let groupNames: [String]?
  /// Only the top n areas (of each group) are listed, when given.
  public let top: Int?
  /// k of `p_top_k`.
  public let k: Int
  /// Poisson resamples drawn.
  public let resamples: Int
  /// The seed of the resampling.
  public let seed: UInt64
  /// Rows read from the incident files.
  public let dataRows: Int
  /// Incidents ranked: dated, in an area, kept by the filter.
  public let ranked: Int
  /// Warnings, in the order found (reading, incidents left out, joins).
  public let warnings: [String]
  /// The input files, for provenance: areas, incident files, population, harm, indicators, weights.
  public let inputs: [String]

  /// The declaration of the component `key` (a count component or an indicator).
  public func declaration(_ key: String) -> RankComponent? {
    model.declarations.first { $0.key == key }
  }

  /// The score, ranks and components kept and dropped.
  public var score: RiskScore.Result { observed.score }

  /// Why the dropped component `key` could not be computed.
  public func reason(dropped key: String) -> String {
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
    case "hotspot": return "the incidents give no density (fewer than two distinct places)"
    default: return "no area has a value"
    }
  }

  /// Dropped components and filled values, one message each (the command line prints them after the warnings).
  public var messages: [String] {
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

  /// The areas listed, in rank order (within groups in order of first appearance), cut to `top`.
  public var order: [Int] {
    let groups = model.groups ?? Array(repeating: 0, count: layer.count)
    return layer.ids.indices
      .filter { top == nil || score.ranks[$0] <= top! }
      .sorted { groups[$0] != groups[$1] ? groups[$0] < groups[$1] : score.ranks[$0] < score.ranks[$1] }
  }

  /// The months counted, `2023-01..2024-12` (one month alone when only one).
  public var monthsText: String {
    let first = IncidentDate.monthText(monthIndex: firstMonth)
    let last = IncidentDate.monthText(monthIndex: firstMonth + counts.monthCount - 1)
    return counts.monthCount == 1 ? first : "\(first)..\(last)"
  }

  /// The methods and values of the score, as the JSON output's `summary` lists them.
  public var summaryChoices: [(String, JSONValue)] {
    var choices: [(String, JSONValue)] = [
      ("components", .object(score.kept.map { ($0.key, .number($0.weight)) })),
      ("dropped", .object(score.dropped.map { ($0, .string(reason(dropped: $0))) })),
      ("normalisation", .string(model.normalisation.rawValue)),
      ("months", .string(monthsText)),
      ("incidents_ranked", .number(Double(ranked))),
      ("resamples", .number(Double(resamples))),
      ("seed", .number(Double(seed))),
      ("k", .number(Double(k))),
    ]
    // The definition of each count component, from its declaration.
    choices += RankComponent.counted.map { ($0.key, JSONValue.string($0.definition)) }
    choices.append(
      (
        "rank_interval",
        "5th and 95th percentiles of the rank over Poisson(count) resamples of every area-month-category count"
      ))
    return choices
  }

  /// Every value the run chose, for provenance: the working CRS and id field, then `summaryChoices`.
  public var choices: [(String, JSONValue)] {
    [("working_crs", .string(layer.working.identifier)), ("id_field", .string(layer.idField))] + summaryChoices
  }
}
