import Analyses
import GeoCore
import Rendering
import SpatialAnalysis

/// The outputs of a `backtest` run from the same numbers: tables (one split, rolling summary,
/// per origin), JSON, the PAI chart and the summary.
extension BacktestResult {
  // MARK: - Tables

  /// The full table: one split, the rolling summary, or (`perOrigin`) every origin.
  public func table(perOrigin: Bool) -> Table {
    if !isRolling { return originTable(includeOrigin: false) }
    return perOrigin ? originTable(includeOrigin: true) : summaryTable
  }

  /// The table for the terminal: the named columns, and for a rolling summary the PAI spread.
  public func textTable(perOrigin: Bool) -> Table {
    let full = table(perOrigin: perOrigin)
    var keep = Self.namedColumns
    if isRolling { keep += perOrigin ? ["origin"] : ["origins", "pai_sd", "pai_min", "pai_max"] }
    let indices = keep.compactMap { name in full.columns.firstIndex { $0.name == name } }
    return Table(columns: indices.map { full.columns[$0] }, rows: full.rows.map { row in indices.map { row[$0] } })
  }

  private func right(_ names: [String]) -> [Table.Column] { names.map { Table.Column($0, alignment: .right) } }

  private static func number(_ value: Double?, digits: Int) -> Table.Cell {
    value.map { .number($0, digits: digits) } ?? .empty
  }

  /// Columns method … rri, [origin, train, test], then the counts behind them.
  private func originTable(includeOrigin: Bool) -> Table {
    var columns = [Table.Column("method")] + right(Array(Self.namedColumns.dropFirst()))
    if includeOrigin { columns += [.init("origin", alignment: .right), .init("train"), .init("test")] }
    columns += right([
      "test_incidents", "best_captured", "train_captured", "train_incidents", "study_area_km2", "tied_cells_left_out",
    ])
    var table = Table(columns: columns)
    for (index, result) in results.enumerated() {
      for row in result.rows {
        let s = row.score
        var cells: [Table.Cell] = [
          .text(row.method.name), .number(row.share, digits: 4), .integer(s.selectedCells),
          .number(km2(s.selectedCells), digits: 4), .integer(Int(s.captured)),
          Self.number(s.hitRate, digits: 4), Self.number(s.pai, digits: 3), Self.number(s.pei, digits: 4),
          Self.number(s.rri, digits: 3),
        ]
        if includeOrigin {
          cells += [.integer(index + 1), .text(result.origin.train.description), .text(result.origin.test.description)]
        }
        cells += [
          .integer(Int(s.testIncidents)), .integer(Int(s.bestCaptured)), .integer(Int(s.trainCaptured)),
          .integer(Int(s.trainIncidents)), .number(studyKm2, digits: 4), .integer(s.tiedLeftOut),
        ]
        table.rows.append(cells)
      }
    }
    return table
  }

  /// Rolling summary: the named columns hold means over origins; then origins and each measure's
  /// standard deviation, minimum and maximum.
  private var summaryTable: Table {
    var columns = [Table.Column("method")] + right(Array(Self.namedColumns.dropFirst()))
    columns += right(["origins"])
    for measure in ["pai", "hit_rate", "pei", "rri"] {
      columns += right(["\(measure)_sd", "\(measure)_min", "\(measure)_max"])
    }
    columns += right(["study_area_km2"])
    var table = Table(columns: columns)
    for row in BacktestSummary(results).rows {
      var cells: [Table.Cell] = [
        .text(row.method.name), .number(row.share, digits: 4), .integer(row.cells),
        .number(km2(row.cells), digits: 4), Self.number(row.captured?.mean, digits: 2),
        Self.number(row.hitRate?.mean, digits: 4), Self.number(row.pai?.mean, digits: 3),
        Self.number(row.pei?.mean, digits: 4), Self.number(row.rri?.mean, digits: 3), .integer(row.origins),
      ]
      for (spread, digits) in [(row.pai, 3), (row.hitRate, 4), (row.pei, 4), (row.rri, 3)] {
        cells += [
          Self.number(spread?.standardDeviation, digits: digits), Self.number(spread?.minimum, digits: digits),
          Self.number(spread?.maximum, digits: digits),
        ]
      }
      cells.append(.number(studyKm2, digits: 4))
      table.rows.append(cells)
    }
    return table
  }

  /// `{"summary": {choices…}, "rows": […]}`, and for rolling origins `"origins": […]`.
  public var json: JSONValue {
    var members: [(String, JSONValue)] = [
      ("summary", .object(choices)), ("rows", JSONTable.value(table(perOrigin: false))),
    ]
    if isRolling { members.append(("origins", JSONTable.value(originTable(includeOrigin: true)))) }
    return .object(members)
  }

  // MARK: - Chart

  /// PAI against area share, one line per method; for rolling origins the mean with the range.
  public func chart(generator: String) -> LineChart {
    let summary = isRolling ? BacktestSummary(results).rows : []
    let series = methods.map { method in
      LineChart.Series(
        name: method.name,
        points: shares.compactMap { share -> LineChart.DataPoint? in
          if isRolling {
            guard let row = summary.first(where: { $0.method == method && $0.share == share }) else { return nil }
            return LineChart.DataPoint(x: share, y: row.pai?.mean, low: row.pai?.minimum, high: row.pai?.maximum)
          }
          guard let row = results[0].rows.first(where: { $0.method == method && $0.share == share }) else { return nil }
          return LineChart.DataPoint(x: share, y: row.score.pai)
        })
    }
    let ticks = shares.filter { share in results[0].rows.contains { $0.share == share } }
      .map { LineChart.Tick($0, Self.percent($0)) }
    let title: String
    let subtitle: String
    var notes: [String] = []
    switch plan {
    case .split(let train, let test):
      title = "How well hot spots chosen on \(train) predicted \(test)"
      let n = results[0].test.total
      subtitle =
        "PAI by method, \(Format.count(Int(n))) test incidents in \(Format.count(layout.count)) cells (\(studyText) km²)"
    case .rolling(let t, let s, _):
      title =
        "How well hot spots predicted the next \(s == 1 ? "month" : "\(s) months"): \(results.count) rolling origins"
      subtitle =
        "Mean PAI by method: \(t) months of training, then the next \(s == 1 ? "month" : "\(s) months") as test, rolling over \(whole)"
      notes.append(
        "Bars: lowest to highest PAI over the origins; methods are set slightly apart at each share so that their bars do not hide each other."
      )
    }
    notes.append(
      "PAI = share of test incidents captured ÷ share of the study area selected (Chainey, Tompson & Uhlig 2008). Above 1: better than chance."
    )
    notes.append(
      "Cells: \(NumberText.shortest(layout.cellSize)) m \(hexagons ? "hexagons" : "squares"); best-scoring cells taken, ties in grid order. Made by \(generator)."
    )
    return LineChart(
      title: title, subtitle: subtitle, xTitle: "Share of the study area selected (log scale)",
      yTitle: "Predictive accuracy index (PAI)", xTicks: ticks, xScale: .logarithmic, series: series,
      reference: LineChart.ReferenceLine(y: 1, label: "PAI = 1: no better than chance"), notes: notes,
      generator: generator)
  }

  /// Whether two PAIs are equal (the same incidents captured in as many cells), within rounding.
  private static func ties(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(abs(a), abs(b)) }

  /// The best method's name, or every method tying for best: "count, gistar (tied)".
  private static func bestNames(_ names: [String]) -> String {
    names.count == 1 ? names[0] : names.joined(separator: ", ") + " (\(names.count) tied)"
  }

  /// The summary for the terminal and stderr: cells, periods or origins, the best method at each
  /// budget (every method tying for best named: none is singled out by the order of the table).
  public var summaryText: String {
    var lines: [String] = []
    let shape = hexagons ? "hexagons" : "squares"
    lines.append(
      "cells analysed    \(Format.count(layout.count)) \(NumberText.shortest(layout.cellSize)) m \(shape), \(studyText) km² (\(layout.rule.rawValue))"
    )
    switch plan {
    case .split:
      let result = results[0]
      lines.append(
        "training          \(result.origin.train): \(Format.count(Int(result.train.total))) incidents in the cells")
      lines.append(
        "previous          \(result.origin.recent): \(Format.count(Int(result.recent.total))) incidents in the cells")
      lines.append(
        "test              \(result.origin.test): \(Format.count(Int(result.test.total))) incidents in the cells")
      for share in shares {
        let rows = result.rows.filter { $0.share == share }
        guard let best = rows.filter({ $0.score.pai != nil }).max(by: { ($0.score.pai ?? 0) < ($1.score.pai ?? 0) }),
          let pai = best.score.pai
        else { continue }
        let k = best.score.selectedCells
        let tied = rows.filter { $0.score.pai.map { Self.ties($0, pai) } ?? false }.map(\.method.name)
        lines.append(
          "best at \(Self.percent(share))".padded(to: 18)
            + Self.bestNames(tied)
            + ": PAI \(NumberText.fixed(pai, digits: 2)), \(Format.count(Int(best.score.captured))) of \(Format.count(Int(best.score.testIncidents))) test incidents in \(Format.count(k)) cells"
        )
      }
    case .rolling(let t, let s, _):
      lines.append("origins           \(results.count): train \(t) months, test \(s), \(whole)")
      if let recentLeftOut {
        lines.append(
          "left out          \(recentLeftOut.period): \(Format.count(recentLeftOut.incidents)) incidents after the last test (origins slide from the first month)"
        )
      }
      let summary = BacktestSummary(results).rows
      for share in shares {
        let rows = summary.filter { $0.share == share && $0.pai != nil }
        guard let best = rows.max(by: { ($0.pai?.mean ?? 0) < ($1.pai?.mean ?? 0) }), let pai = best.pai else {
          continue
        }
        let tied = rows.filter { $0.pai.map { Self.ties($0.mean, pai.mean) } ?? false }.map(\.method.name)
        lines.append(
          "best at \(Self.percent(share))".padded(to: 18)
            + Self.bestNames(tied)
            + ": mean PAI \(NumberText.fixed(pai.mean, digits: 2)) (\(NumberText.fixed(pai.minimum, digits: 2))–\(NumberText.fixed(pai.maximum, digits: 2)) over \(pai.count) origins)"
        )
      }
    }
    if filtered.outliers > 0 {
      lines.append(
        "outliers          \(Format.count(filtered.outliers)) locational outliers set aside (\(Format.count(report.rowsWithLocation)) rows with a location = \(Format.count(filtered.kept)) kept + \(Format.count(filtered.removed)) filtered out + \(Format.count(filtered.outliers)) outliers)"
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }

}
