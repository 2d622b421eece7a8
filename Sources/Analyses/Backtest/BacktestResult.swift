import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// What a `backtest` run found: for each origin (one split, or rolling origins) and each method
/// and area budget, the hit rate, PAI, PEI and RRI with the counts behind them; and every value
/// chosen (for provenance). Areas in km² of the working CRS.
public struct BacktestResult: Sendable {
  /// One split, or rolling origins.
  public let plan: BacktestRequest.Plan
  /// The cells analysed.
  public let layout: CellLayout
  /// The methods compared, in order.
  public let methods: [HotSpotMethod]
  /// The area budgets, shares (0–1) of the cells analysed, ascending.
  public let shares: [Double]
  /// Per origin, the scores of every method at every budget.
  public let results: [Backtest.OriginResult]
  /// The working CRS (metres).
  public let working: CRS
  /// What the incident reader read, skipped and decided.
  public let report: IncidentReadReport
  /// How many incidents the category filter removed.
  public let filtered: IncidentFilter.Outcome
  /// Incidents without a date (left out).
  public let undated: Int
  /// Dated incidents outside every origin's periods.
  public let outsideSpan: Int
  /// Dated incidents from the first training day to the last test day (in the cells or not).
  public let incidentsInSpan: Int
  /// Month-only incidents whose month straddles an end of a period (left out of it).
  public let straddling: Int
  /// From the first training day to the last test day.
  public let whole: Period
  /// The study areas' file, when given.
  public let areasFile: String?
  /// Whether the grid's extent was given.
  public let extentGiven: Bool
  /// The input files, for provenance: the incidents', the areas'.
  public let inputs: [String]
  /// Rolling origins only: the whole months after the last origin's test that no origin reaches
  /// (origins slide from the first month, so up to `testMonths − 1` recent months may be left),
  /// with the incidents dated in them; nil when the last test ends at the last month.
  public var recentLeftOut: (period: Period, incidents: Int)? = nil

  /// Whether the plan is rolling origins.
  public var isRolling: Bool {
    if case .rolling = plan { return true }
    return false
  }

  /// The issue's columns, in its order.
  public static let namedColumns = [
    "method", "area_share", "cells", "area_km2", "captured", "hit_rate", "pai", "pei", "rri",
  ]

  /// The area of `cells` cells in km².
  public func km2(_ cells: Int) -> Double { Double(cells) * layout.cellArea / 1_000_000 }
  /// The area of the cells analysed in km².
  public var studyKm2: Double { km2(layout.count) }
  /// The study area for people: whole km² with thousands separators from 100 km², else 2 decimals.
  public var studyText: String {
    studyKm2 >= 100 ? Format.count(Int(studyKm2.rounded())) : NumberText.fixed(studyKm2, digits: 2)
  }

  /// Whether the cells are hexagons.
  public var hexagons: Bool {
    if case .hexagon = layout.shape { return true }
    return false
  }

  /// `1 %`, `2.5 %`.
  public static func percent(_ share: Double) -> String { NumberText.fixed(share * 100, digits: 3) + " %" }

  // MARK: - Summary, notes, provenance

  /// Budgets selecting fewer cells than this get a warning that their figures are noise.
  public static let fewestCells = 5

  /// Warnings for stderr: skipped budgets, undefined measures, incidents left out (after the
  /// reader's problems, in `warnings`).
  var notes: [String] {
    var notes: [String] = []
    if let empty = results.first?.emptyBudgets, !empty.isEmpty {
      notes.append(
        "budgets of \(empty.map(Self.percent).joined(separator: ", ")) of \(layout.count) cells hold less than one cell and are skipped"
      )
    }
    let few = shares.filter { share in
      let cells = Int((share * Double(layout.count)).rounded(.down))
      return cells > 0 && cells < Self.fewestCells
    }
    if !few.isEmpty {
      notes.append(
        "budgets of \(few.map(Self.percent).joined(separator: ", ")) of \(layout.count) cells select fewer than \(Self.fewestCells) cells: their hit rate, PAI and PEI are noise"
      )
    }
    if let recentLeftOut {
      let months = recentLeftOut.period.wholeMonths?.count ?? 0
      notes.append(
        (months == 1 ? "the most recent month " : "the \(months) most recent months ")
          + "\(recentLeftOut.period) (\(Format.plural(recentLeftOut.incidents, "incident"))) "
          + (months == 1
            ? "follows the last origin's test and is left out" : "follow the last origin's test and are left out")
          + ": origins slide from the first month; a --period that starts later moves them"
      )
    }
    if undated > 0 { notes.append("\(Format.count(undated)) incidents have no date and are left out") }
    for result in results {
      if result.test.total == 0 {
        notes.append(
          "no test incident lies in the cells analysed in \(result.origin.test): hit rate, PAI and PEI are undefined (left empty)"
        )
      }
      if result.train.total == 0 {
        notes.append(
          "no training incident lies in the cells analysed in \(result.origin.train): the cells are taken in grid order and RRI is undefined"
        )
      }
    }
    if !isRolling, results[0].test.outside > 0 {
      notes.append(
        "\(Format.count(results[0].test.outside)) test incidents lie outside the cells analysed and are not counted in N"
      )
    }
    if straddling > 0 {
      notes.append(
        "\(Format.count(straddling)) incidents dated only to a month that straddles an end of a period are left out (a month counts only when the whole month lies in the period)"
      )
    }
    return notes
  }

  /// Warnings in the order the command line prints them: the reader's problems, then skipped
  /// budgets, undefined measures and incidents left out.
  public var warnings: [String] { report.problems.map(\.description) + notes }

  /// Every value chosen, for the provenance files and the JSON summary.
  public var choices: [(String, JSONValue)] {
    var choices: [(String, JSONValue)] = [
      ("working_crs", .string(working.identifier)),
      ("incidents_crs", .string(report.crsDecision.crs.identifier)),
    ]
    switch plan {
    case .split(let train, let test):
      choices += [
        ("plan", "one split"), ("train", .string(train.description)), ("test", .string(test.description)),
        ("previous_stretch", .string(results[0].origin.recent.description)),
      ]
    case .rolling(let t, let s, let span):
      choices += [
        ("plan", .string("rolling origins: train \(t) months, test the next \(s), slide by \(s)")),
        ("span", .string(whole.description)),
        ("span_rule", .string(span != nil ? "--period" : "the months from the first to the last dated incident")),
        ("origins", .number(Double(results.count))),
        ("summary_rule", "mean over the origins where each measure is defined; sd with divisor n − 1; min and max"),
      ]
    }
    choices += [
      (
        "previous_rule",
        "the end of training as long as the test period: whole months when both periods are whole months, else days"
      ),
      ("methods", .array(methods.map { .object([("name", .string($0.name)), ("rule", .string($0.rule))]) })),
      ("kernel", "quartic"),
      ("bandwidths_m", .array(methods.compactMap { if case .density(let h) = $0 { .number(h) } else { nil } })),
      (
        "gistar_weights",
        .string(
          hexagons
            ? "binary: the hexagon and the 6 sharing an edge (band c), as hotspot gistar --cell --hex"
            : "binary: the cell and the 8 around it (band c·√2), as hotspot gistar --cell")
      ),
      ("area_shares", .array(shares.map(JSONValue.number))),
      ("budget_rule", "floor(share × cells analysed) cells, the best-scoring first"),
      ("tie_rule", "equal scores: the cell first in grid order (rows from the south, west to east)"),
      ("cell_m", .number(layout.cellSize)),
      ("cell_shape", .string(hexagons ? CellLayout.hexagonShape : "squares")),
      ("cells_rule", .string(layout.rule.rawValue)),
      (
        "grid",
        .array([
          .number(layout.extent.minX), .number(layout.extent.minY), .number(layout.extent.maxX),
          .number(layout.extent.maxY),
        ])
      ),
      ("cells", .number(Double(layout.count))),
      ("study_area_km2", .number(studyKm2)),
      ("incidents_in_span", .number(Double(incidentsInSpan))),
      ("incidents_undated", .number(Double(undated))),
      ("incidents_outside_span", .number(Double(outsideSpan))),
      (
        "measures",
        "hit_rate = n/N; pai = (n/N)/(a/A) (Chainey, Tompson & Uhlig 2008); pei = n/n* (Hunt 2016); rri = (n2/N2)/(n1/N1), 1 = training, 2 = test (Levine 2008); N and N1 count incidents in the cells analysed"
      ),
      ("undefined", "empty: hit_rate, pai and pei when N = 0; pei when n* = 0; rri when N1 = 0 or n1 = 0"),
    ]
    if filtered.removed > 0 { choices.append(("incidents_filtered_out", .number(Double(filtered.removed)))) }
    if filtered.outliers > 0 {
      choices.append(("incidents_outliers", .number(Double(filtered.outliers))))
      choices.append(("outlier_rule", .string(LocationalOutliers.rule)))
    }
    if let empty = results.first?.emptyBudgets, !empty.isEmpty {
      choices.append(("budgets_skipped", .array(empty.map(JSONValue.number))))
    }
    if !isRolling {
      let result = results[0]
      choices += [
        ("train_incidents", .number(result.train.total)),
        ("train_incidents_outside_cells", .number(Double(result.train.outside))),
        ("test_incidents", .number(result.test.total)),
        ("test_incidents_outside_cells", .number(Double(result.test.outside))),
      ]
    }
    return choices
  }
}
