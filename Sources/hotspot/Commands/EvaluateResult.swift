import Analyses
import GeoCore
import Rendering
import SpatialAnalysis

/// The numbers of an `evaluate` run, in every output format, from the same counts.
struct EvaluateResult {
  /// The groups' areas in m² (the buffer's nil without a ring) and the lattice spacing used.
  struct Areas {
    var target: Double
    var buffer: Double?
    var comparison: Double
    var spacing: Double
  }

  let tally: InterventionAreas.Tally
  let before: Period
  let after: Period
  let hasBuffer: Bool
  let areas: Areas

  /// The rows in order: target, comparison, then buffer when there is a ring.
  var groups: [InterventionAreas.Group] { hasBuffer ? [.target, .comparison, .buffer] : [.target, .comparison] }

  func count(_ group: InterventionAreas.Group, _ period: Int) -> Int { tally.count(group, period: period) }

  /// Target against comparison.
  var targetChange: RelativeChange? { relative(.target) }
  /// Buffer against comparison (above 1: the buffer rose relative to the comparison).
  var bufferChange: RelativeChange? { hasBuffer ? relative(.buffer) : nil }

  private func relative(_ group: InterventionAreas.Group) -> RelativeChange? {
    RelativeChange(
      targetBefore: count(group, 0), targetAfter: count(group, 1), comparisonBefore: count(.comparison, 0),
      comparisonAfter: count(.comparison, 1))
  }

  var displacement: DisplacementQuotient? {
    guard hasBuffer else { return nil }
    return DisplacementQuotient(
      targetBefore: count(.target, 0), targetAfter: count(.target, 1), bufferBefore: count(.buffer, 0),
      bufferAfter: count(.buffer, 1), comparisonBefore: count(.comparison, 0), comparisonAfter: count(.comparison, 1))
  }

  /// Incidents per month in a period.
  func perMonth(_ group: InterventionAreas.Group, _ period: Int) -> Double {
    Double(count(group, period)) / (period == 0 ? before : after).months
  }

  /// Change of the monthly rate in percent; nil when the rate before is 0.
  func changePercent(_ group: InterventionAreas.Group) -> Double? {
    count(group, 0) == 0 ? nil : 100 * (perMonth(group, 1) / perMonth(group, 0) - 1)
  }

  func pChange(_ group: InterventionAreas.Group) -> Double {
    CountComparison.pValue(
      current: count(group, 1), currentExposure: Double(after.dayCount), baseline: count(group, 0),
      baselineExposure: Double(before.dayCount))
  }

  func area(_ group: InterventionAreas.Group) -> Double? {
    switch group {
    case .target: areas.target
    case .buffer: areas.buffer
    case .comparison: areas.comparison
    case .outside: nil
    }
  }

  /// Warnings about the numbers themselves.
  var warnings: [String] {
    var notes: [String] = []
    for group in groups where count(group, 0) + count(group, 1) == 0 {
      notes.append("the \(group.name) has no incident in either period: its change against the comparison is undefined")
    }
    for (group, change) in [(InterventionAreas.Group.target, targetChange), (.buffer, bufferChange)] {
      if let change, change.continuityCorrection > 0 {
        notes.append("a count of the \(group.name) or comparison is 0: 0.5 was added to each of its four counts for the ratio and its interval")
      }
    }
    return notes
  }

  // MARK: - Table

  /// One row per group: `group,before,after,before_per_month,after_per_month,change_pct,p_change,
  /// relative_change,relative_ci_low,relative_ci_high,p_relative,net_change_pct,
  /// net_change_ci_low_pct,net_change_ci_high_pct,wdq,area_km2`.
  var table: Table {
    let names = [
      "before", "after", "before_per_month", "after_per_month", "change_pct", "p_change", "relative_change",
      "relative_ci_low", "relative_ci_high", "p_relative", "net_change_pct", "net_change_ci_low_pct",
      "net_change_ci_high_pct", "wdq", "area_km2",
    ]
    let columns = [Table.Column("group")] + names.map { Table.Column($0, alignment: .right) }
    var rows: [[Table.Cell]] = []
    for group in groups {
      var row: [Table.Cell] = [
        .text(group.name), .integer(count(group, 0)), .integer(count(group, 1)),
        .number(perMonth(group, 0), digits: 2), .number(perMonth(group, 1), digits: 2),
        changePercent(group).map { .number($0, digits: 1) } ?? .empty, .significant(pChange(group), digits: 4),
      ]
      let change = group == .comparison ? nil : relative(group)
      if let change {
        row += [
          .number(change.ratio, digits: 4), .number(change.lower, digits: 4), .number(change.upper, digits: 4),
          .significant(change.p, digits: 4), .number(change.netChangePercent, digits: 1),
          .number(change.netChangeLowerPercent, digits: 1), .number(change.netChangeUpperPercent, digits: 1),
        ]
      } else {
        row += Array(repeating: .empty, count: 7)
      }
      row.append(group == .buffer ? displacement?.quotient.map { .number($0, digits: 4) } ?? .empty : .empty)
      row.append(area(group).map { .number($0 / 1_000_000, digits: 3) } ?? .empty)
      rows.append(row)
    }
    return Table(columns: columns, rows: rows)
  }

  // MARK: - Summary

  /// The headline numbers for JSON and provenance.
  var summaryJSON: [(String, JSONValue)] {
    var members: [(String, JSONValue)] = []
    func describe(_ change: RelativeChange?) -> JSONValue {
      guard let change else { return .null }
      return .object([
        ("ratio", .number(change.ratio)), ("ci_low", .number(change.lower)), ("ci_high", .number(change.upper)),
        ("p", .number(change.p)), ("net_change_pct", .number(change.netChangePercent)),
        ("net_change_ci_low_pct", .number(change.netChangeLowerPercent)),
        ("net_change_ci_high_pct", .number(change.netChangeUpperPercent)),
        ("relative_effect_size", .number(change.relativeEffectSize)),
        ("continuity_correction", .number(change.continuityCorrection)),
      ])
    }
    members.append(("target_vs_comparison", describe(targetChange)))
    if hasBuffer { members.append(("buffer_vs_comparison", describe(bufferChange))) }
    if let displacement {
      members.append((
        "displacement",
        .object([
          ("success_measure", displacement.successMeasure.map(JSONValue.number) ?? .null),
          ("buffer_measure", displacement.bufferMeasure.map(JSONValue.number) ?? .null),
          ("wdq", displacement.quotient.map(JSONValue.number) ?? .null),
          ("reading", .string(displacement.reading.rawValue)),
          ("total_net_effect", displacement.totalNetEffect.map(JSONValue.number) ?? .null),
        ])))
    }
    return members
  }

  /// The lines above the table in text output.
  func header(target: String, comparison: String, buffer: Double?) -> String {
    func months(_ period: Period) -> String {
      let m = period.months
      return NumberText.fixed(m, digits: m.rounded() == m ? 0 : 2) + " month" + (m == 1 ? "" : "s")
    }
    var lines = [
      "target        \(target)",
      "comparison    \(comparison), less the target\(buffer == nil ? "" : " and buffer")",
    ]
    if let buffer { lines.append("buffer        ring within \(NumberText.shortest(buffer)) m of the target's boundary") }
    lines.append("before        \(before) (\(months(before)))")
    lines.append("after         \(after) (\(months(after))); rates per month")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The findings in words, below the table in text output (and on stderr after writing a file).
  func findings(buffer: Double?) -> String {
    func fixed(_ x: Double, _ digits: Int) -> String { NumberText.fixed(x, digits: digits, keepingZeros: true) }
    func ratio(_ change: RelativeChange) -> String {
      "relative change \(fixed(change.ratio, 3)) (95 % CI \(fixed(change.lower, 3)) to \(fixed(change.upper, 3))), "
        + "p = \(NumberText.significant(change.p, digits: 3))"
    }
    func percent(_ x: Double) -> String { (x > 0 ? "+" : "") + fixed(x, 1) + " %" }
    var lines: [(String, String)] = []
    if let change = targetChange {
      lines.append(("target vs comparison", ratio(change)))
      let net = change.netChangePercent
      let direction = net < 0 ? "a net reduction of \(fixed(-net, 1)) %" : "a net increase of \(fixed(net, 1)) %"
      let unsure = change.lower < 1 && change.upper > 1 ? "; the interval includes no change" : ""
      lines.append((
        "net change",
        "\(percent(net)) (95 % CI \(percent(change.netChangeLowerPercent)) to \(percent(change.netChangeUpperPercent))): "
          + "\(direction) beyond the comparison's trend\(unsure)"
      ))
    } else {
      lines.append(("target vs comparison", "undefined: a group has no incident in either period"))
    }
    if let change = bufferChange {
      lines.append(("buffer vs comparison", ratio(change) + " (the buffer \(change.ratio > 1 ? "rose" : "fell") relative to the comparison)"))
    }
    if let displacement, let buffer {
      let value = displacement.quotient.map { fixed($0, 3) + ": " } ?? ""
      var reading = "\(value)\(displacement.reading.rawValue) (Bowers & Johnson 2003)"
      if displacement.quotient != nil, let change = bufferChange, change.lower < 1 && change.upper > 1 {
        reading += "; but the buffer's change against the comparison is within chance (its interval includes 1)"
      }
      lines.append(("WDQ (\(NumberText.shortest(buffer)) m)", reading))
      if let effect = displacement.totalNetEffect {
        lines.append((
          "total net effect",
          "\(fixed(abs(effect), 1)) incidents \(effect >= 0 ? "fewer" : "more") in target and buffer than the comparison's trend predicts (Guerette 2009)"
        ))
      }
    }
    let width = lines.map(\.0.count).max() ?? 0
    return lines.map { $0.0.padding(to: width + 2) + $0.1 }.joined(separator: "\n") + "\n"
  }
}
