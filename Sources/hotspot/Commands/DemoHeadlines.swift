import Analyses
import GeoCore
import GeoIO

/// What the demo's outputs say, one sentence each, read back from the tables the demo wrote.
///
/// A table that is missing, or lacks a column, gives no sentence: the headlines summarise the
/// outputs and never stand in for them.
struct DemoHeadlines {
  let folder: String

  /// The sentences, in the order of the demo's steps.
  func lines() -> [String] {
    [riskRanking(), licensingZones(), patrol(), backtest(), cover(), evaluation()].compactMap { $0 }
  }

  /// A table of the demo's folder as rows keyed by column name.
  private func rows(_ name: String) -> [[String: String]] {
    guard let document = try? CSVDocument.read(file: folder + "/" + name) else { return [] }
    return document.rows.map { row in
      Dictionary(zip(document.header, row.fields), uniquingKeysWith: { first, _ in first })
    }
  }

  private func number(_ row: [String: String], _ column: String) -> Double? { row[column].flatMap(Double.init) }

  private func percent(_ fraction: Double, digits: Int = 1) -> String {
    NumberText.fixed(100 * fraction, digits: digits) + " %"
  }

  private func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + NumberText.fixed(value, digits: 1) }

  private func riskRanking() -> String? {
    guard let first = rows("risk-ranking.csv").first, let name = first["area_name"], let score = number(first, "score")
    else { return nil }
    return "Next Community Action Team: \(name) ranks first (score \(NumberText.fixed(score, digits: 1)))"
      + (first["why"].map { ": \($0)." } ?? ".")
  }

  private func licensingZones() -> String? {
    guard let all = rows("licensing-zones-2024.csv").first(where: { $0["zone_id"] == "all-zones" }),
      let rate = number(all, "rate_per_10000"), let baseline = number(all, "baseline_rate_per_10000"),
      let change = number(all, "change_pct")
    else { return nil }
    return "Licensing zones: ASB \(NumberText.fixed(rate, digits: 1)) per 10,000 people in 2024 against "
      + "\(NumberText.fixed(baseline, digits: 1)) in 2023 (\(signed(change)) %"
      + (number(all, "p_change").map { ", p \(NumberText.significant($0, digits: 2)))." } ?? ").")
  }

  private func patrol() -> String? {
    let cells = rows("patrol-cells.csv")
    guard let last = cells.last, let share = number(last, "cumulative_share"),
      let area = number(last, "cumulative_area_share")
    else {
      return nil
    }
    return "Patrol: \(percent(share)) of last quarter's ASB lies in \(cells.count) cells of 150 m, "
      + "\(percent(area, digits: 2)) of the county."
  }

  private func backtest() -> String? {
    let smallest = rows("backtest.csv").filter { $0["area_share"] == "0.01" }
    guard let best = smallest.max(by: { (number($0, "pai") ?? 0) < (number($1, "pai") ?? 0) }),
      let method = best["method"], let pai = number(best, "pai"), let hit = number(best, "hit_rate")
    else { return nil }
    return
      "Prediction: in 1 % of the area, '\(method)' hot spots caught \(percent(hit, digits: 0)) of the next month's ASB "
      + "(mean PAI \(NumberText.fixed(pai, digits: 1)) over \(best["origins"] ?? "the") months), the best of \(smallest.count) methods."
  }

  private func cover() -> String? {
    let sites = rows("cctv-cover.csv")
    guard let first = sites.first, let last = sites.last, let newFirst = number(first, "new_covered"),
      let coveredFirst = number(first, "cumulative_covered"), let shareFirst = number(first, "cumulative_share"),
      let share = number(last, "cumulative_share"), shareFirst > 0
    else { return nil }
    let total = coveredFirst / shareFirst
    return "CCTV: the cameras cover \(percent((coveredFirst - newFirst) / total)) of 2024's ASB within 150 m; "
      + "\(sites.count) new sites would raise that to \(percent(share))."
  }

  private func evaluation() -> String? {
    guard let target = rows("licensing-evaluation.csv").first(where: { $0["group"] == "target" }),
      let net = number(target, "net_change_pct"), let low = number(target, "net_change_ci_low_pct"),
      let high = number(target, "net_change_ci_high_pct")
    else { return nil }
    let verdict = low > 0 || high < 0 ? "a change beyond chance" : "no evidence of an effect yet"
    return "Haverley Terraces licensing zone: ASB \(signed(net)) % net of the county's trend "
      + "(95 % interval \(signed(low)) to \(signed(high)) %): \(verdict)."
  }
}
