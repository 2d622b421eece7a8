import Analyses
import GeoCore
import Rendering
import SpatialAnalysis

/// The outputs of an `evaluate` run: the table of groups, the header and findings in words.
extension EvaluateResult {
  // MARK: - Table

  /// One row per group: `group,before,after,before_per_month,after_per_month,change_pct,p_change,
  /// relative_change,relative_ci_low,relative_ci_high,p_relative,net_change_pct,
  /// net_change_ci_low_pct,net_change_ci_high_pct,wdq,area_km2`.
  public var table: Table {
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

  /// The lines above the table in text output.
  public var header: String {
    let target = targetDescription
    let comparison = comparisonDescription
    func months(_ period: Period) -> String {
      let m = period.months
      return NumberText.fixed(m, digits: m.rounded() == m ? 0 : 2) + " month" + (m == 1 ? "" : "s")
    }
    var lines = [
      "target        \(target)",
      "comparison    \(comparison), less the target\(buffer == nil ? "" : " and buffer")",
    ]
    if let buffer {
      lines.append("buffer        ring within \(NumberText.shortest(buffer)) m of the target's boundary")
    }
    lines.append("before        \(before) (\(months(before)))")
    lines.append("after         \(after) (\(months(after))); rates per month")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The findings in words, below the table in text output (and on stderr after writing a file).
  public var findings: String {
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
      lines.append(
        (
          "net change",
          "\(percent(net)) (95 % CI \(percent(change.netChangeLowerPercent)) to \(percent(change.netChangeUpperPercent))): "
            + "\(direction) beyond the comparison's trend\(unsure)"
        ))
    } else {
      lines.append(("target vs comparison", "undefined: a group has no incident in either period"))
    }
    if let change = bufferChange {
      lines.append(
        (
          "buffer vs comparison",
          ratio(change) + " (the buffer \(change.ratio > 1 ? "rose" : "fell") relative to the comparison)"
        ))
    }
    if let displacement, let buffer {
      let value = displacement.quotient.map { fixed($0, 3) + ": " } ?? ""
      var reading = "\(value)\(displacement.reading.rawValue) (Bowers & Johnson 2003)"
      if displacement.quotient != nil, let change = bufferChange, change.lower < 1 && change.upper > 1 {
        reading += "; but the buffer's change against the comparison is within chance (its interval includes 1)"
      }
      lines.append(("WDQ (\(NumberText.shortest(buffer)) m)", reading))
      if let effect = displacement.totalNetEffect {
        lines.append(
          (
            "total net effect",
            "\(fixed(abs(effect), 1)) incidents \(effect >= 0 ? "fewer" : "more") in target and buffer than the comparison's trend predicts (Guerette 2009)"
          ))
      }
    }
    let width = lines.map(\.0.count).max() ?? 0
    return lines.map { $0.0.padded(to: width + 2) + $0.1 }.joined(separator: "\n") + "\n"
  }
}

extension EvaluateResult {
  /// The header, the table fitted to `width` characters, and the findings.
  public func text(width: Int?) -> String {
    header + "\n" + TextTable.render(table, maxWidth: width) + "\n" + findings
  }

  /// `{"summary": {choices…}, "groups": […]}`.
  public var json: JSONValue {
    .object([("summary", .object(choices)), ("groups", JSONTable.value(table))])
  }
}
