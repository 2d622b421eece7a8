import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// What a `patrol` run found: the ranked cells, the chosen list, how concentrated incidents are,
/// and every value chosen (for provenance). Counts are incidents; areas in m² of the working CRS.
public struct PatrolResult: Sendable {
  /// What the score column holds.
  public enum Scoring: Sendable {
    /// Incidents per cell.
    case count
    /// Harm-weighted incidents per cell; `weights` of each category present (in order of first
    /// appearance) from `file`.
    case harm(file: String, weights: [(String, Double)])
    /// Quartic kernel density (incidents per km²) at the cell centre, `bandwidth` metres
    /// (`given`, else 2 × the cell size).
    case density(bandwidth: Double, given: Bool)
  }

  /// The cells ranked (their layout in the working CRS).
  public let layout: CellLayout
  /// The working CRS (metres).
  public let working: CRS
  /// Incidents per analysed cell.
  public let counts: [Double]
  /// What cells are ranked by, per analysed cell.
  public let scores: [Double]
  /// What `scores` hold.
  public let scoring: Scoring
  /// The rule that chose the list.
  public let rule: PatrolSelection.Rule
  /// Whether the rule was given (false: the default `--top 20`).
  public let ruleGiven: Bool
  /// The chosen cells, best first, with the shortfall and ties at the cut.
  public let selection: PatrolSelection.Selection
  /// How concentrated incidents are over every ranked cell (Lorenz curve, Gini).
  public let concentration: Concentration
  /// Whether chosen cells sharing an edge are merged into patrol zones.
  public let zones: Bool
  /// Per chosen cell, its location labels, most common first; nil without a location column.
  public let labels: [[(label: String, count: Int)]]?
  /// Incidents read with a location, after --period and --category.
  public let incidentsRead: Int
  /// Incidents outside the ranked cells (left out).
  public let outside: Int
  /// How many incidents the period and category filter removed.
  public let filtered: IncidentFilter.Outcome
  /// What the incident reader read, skipped and decided.
  public let report: IncidentReadReport
  /// The study areas, when given.
  public let areas: AreaLayer?
  /// The period filter, when given.
  public let period: Period?
  /// The category filter (empty: every category).
  public let categories: [String]
  /// The reader's, the grid's and the harm weights' warnings, in that order.
  let inputWarnings: [String]
  /// Warnings in the order the command line prints them: the reader's problems, the grid's, the
  /// harm weights', then the choice's (a shortfall, a cut inside a tie, a coverage not reached).
  public var warnings: [String] { inputWarnings + selectionWarnings }
  /// The input files, for provenance: the areas', the incidents', the harm weights'.
  public let inputs: [String]
  /// With a baseline period: each cell's count in both periods, the change and its p.
  public internal(set) var change: CellChange? = nil
  /// Incidents of the baseline period outside the ranked cells (0 without one).
  public internal(set) var baselineOutside = 0

  /// The chosen cells, best first.
  public var chosen: [Int] { Array(selection.chosen) }
  /// The zone of each chosen cell, numbered from 1 by their best-ranked cell (nil without zones).
  public var zoneOfChosen: [Int]? { zones ? PatrolZones.zones(of: chosen, layout: layout) : nil }
  /// From the working CRS to longitude/latitude, when they can be related.
  public var toWGS84: CoordinateTransform? { CoordinateTransform(from: working, to: .wgs84) }
  /// Incidents in the ranked cells, N of the shares.
  public var total: Double { concentration.incidents }
  /// Incidents in the chosen cells.
  public var chosenIncidents: Double { chosen.reduce(0) { $0 + counts[$1] } }
  /// The share (0–1) of the incidents in the ranked cells that the chosen cells hold.
  public var incidentShare: Double { total > 0 ? chosenIncidents / total : 0 }
  /// The share (0–1) of the ranked cells chosen.
  public var areaShare: Double { Double(chosen.count) / Double(layout.count) }
  /// Whether the working CRS is British National Grid (grid references are given).
  public var isGrid: Bool { working == .britishNationalGrid }

  /// The 10-figure OS grid reference (1 m) of a British National Grid position; nil in another CRS.
  public func gridReference(_ point: Point) -> String? {
    isGrid ? OSGridReference.format(point, digits: 10) : nil
  }

  // MARK: - Words

  /// A share as a percentage for people: one decimal from 1 %, two significant digits below.
  public static func percent(_ share: Double) -> String {
    let value = share * 100
    if value == 0 { return "0 %" }
    return (value >= 1 ? NumberText.fixed(value, digits: 1) : NumberText.significant(value, digits: 2)) + " %"
  }

  /// The cells in words: "squares of 150 m" or "hexagons 150 m apart".
  public var cellShape: String {
    switch layout.shape {
    case .square: "squares of \(NumberText.shortest(layout.cellSize)) m"
    case .hexagon: "hexagons \(NumberText.shortest(layout.cellSize)) m apart"
    }
  }

  /// What cells are ranked by, in words (provenance and summary).
  public var rankingDescription: String {
    switch scoring {
    case .count: "incident count"
    case .harm(let file, _): "harm-weighted count (weights from \(file), 1 for categories not listed)"
    case .density(let h, let given):
      "quartic kernel density at the cell centre, bandwidth \(NumberText.fixed(h, digits: 1)) m (\(given ? "given" : "2 × the cell size"))"
    }
  }

  /// The score in a few words, for the map legend.
  public var rankingName: String {
    switch scoring {
    case .count: "incident count"
    case .harm: "harm-weighted count"
    case .density: "kernel density"
    }
  }

  /// How equal scores are ordered (`PatrolSelection.rank`).
  public var tieRule: String {
    let grid = "grid order (rows from the south, west to east)"
    if case .count = scoring { return "equal counts by \(grid)" }
    return "equal scores by the higher incident count, then by \(grid)"
  }

  /// The rule that chose the list, in words.
  public var ruleDescription: String {
    switch rule {
    case .coverage(let share): "the fewest leading cells holding \(Self.percent(share)) of incidents"
    case .top(let k): "the \(k) leading cells" + (ruleGiven ? "" : " (the default, --top \(k))")
    case .topShare(let share): "the leading \(Self.percent(share)) of the \(Format.count(layout.count)) cells"
    case .areaBudget(let area):
      "the leading cells fitting in \(NumberText.shortest(area / 1_000_000)) km² (\(Format.count(selection.wanted ?? 0)) cells)"
    }
  }

  /// "25.0 % of incidents in 0.18 % of the area".
  public var statement: String {
    "\(Self.percent(incidentShare)) of incidents in \(Self.percent(areaShare)) of the area"
  }

  /// Warnings about the choice: a shortfall, a cut inside a tie, a coverage not reached.
  var selectionWarnings: [String] {
    var warnings: [String] = []
    if selection.shortfall > 0 {
      warnings.append(
        "only \(Format.plural(chosen.count, "cell")) \(chosen.count == 1 ? "has" : "have") a score above 0; \(selection.wanted.map(String.init) ?? "more") were asked for"
      )
    }
    if case .coverage(let share) = rule, selection.wanted == nil {
      warnings.append(
        "the cells with a score above 0 hold \(Self.percent(incidentShare)), short of \(Self.percent(share))")
    }
    if selection.tiedBeyondCut > 0 {
      warnings.append(
        "\(Format.plural(selection.tiedBeyondCut, "more cell")) \(selection.tiedBeyondCut == 1 ? "ties" : "tie") with the last one chosen (count \(NumberText.shortest(counts[chosen[chosen.count - 1]]))); grid order broke the tie"
      )
    }
    return warnings
  }

  // MARK: - Documents

  /// Every value chosen, for the provenance file and the JSON summary.
  public var choices: [(String, JSONValue)] {
    var choices: [(String, JSONValue)] = [("working_crs", .string(working.identifier))]
    if let areas { choices.append(("areas_crs", .string(areas.source.crsDecision.crs.identifier))) }
    choices += [
      ("incidents_crs", .string(report.crsDecision.crs.identifier)),
      ("incidents_crs_rule", .string(report.crsDecision.rule.description)),
      ("cell_m", .number(layout.cellSize)),
      (
        "cell_shape",
        .string(
          layout.shape.isHexagon
            ? CellLayout.hexagonShape : "squares, columns from the west edge, rows from the south edge")
      ),
      ("cells_rule", .string(layout.rule.rawValue)),
      ("grid", Format.boxJSON(layout.extent)),
      ("cells", .number(Double(layout.count))),
      ("cell_area_m2", .number(layout.cellArea)),
      ("incidents", .number(Double(incidentsRead))),
      ("incidents_in_cells", .number(total)),
      ("incidents_outside_cells", .number(Double(outside))),
      ("incidents_filtered_out", .number(Double(filtered.removed))),
      ("rank_by", .string(rankingDescription)),
      ("tie_rule", .string(tieRule)),
    ]
    if filtered.outliers > 0 {
      choices.append(("incidents_outliers", .number(Double(filtered.outliers))))
      choices.append(("outlier_rule", .string(LocationalOutliers.rule)))
    }
    switch scoring {
    case .count: break
    case .harm(_, let weights): choices.append(("harm_weights", .object(weights.map { ($0.0, .number($0.1)) })))
    case .density(let h, let given):
      choices += [
        ("kernel", "quartic"), ("bandwidth_m", .number(h)),
        (
          "bandwidth_rule",
          .string(
            given
              ? "given"
              : "2 × the cell size: patrol cells are micro-places, and a wider kernel ranks by the town rather than the street"
          )
        ),
        ("density_units", "incidents per km² at cell centres, from every incident read (inside the cells or not)"),
      ]
    }
    choices += [
      ("rule", .string(ruleDescription)),
      ("cells_wanted", selection.wanted.map { .number(Double($0)) } ?? .null),
      ("cells_chosen", .number(Double(chosen.count))),
      ("tied_beyond_cut", .number(Double(selection.tiedBeyondCut))),
      ("shares", "fractions (0–1) of the incidents in the ranked cells; cumulative_area_share of the ranked cells"),
      (
        "location_rule",
        .string(
          labels == nil
            ? "none: the incidents have no location column"
            : "the most common location label among the cell's incidents; ties in alphabetical order")
      ),
      (
        "grid_ref_rule",
        .string(
          isGrid
            ? "OS grid reference of the cell centre, 10 figures (1 m), truncated as the OS convention is"
            : "none: the working CRS is not British National Grid")
      ),
    ]
    if let change {
      choices += [
        ("baseline_period", .string(change.baselinePeriod.description)),
        ("baseline_incidents_in_cells", .number(change.totals.baseline)),
        ("baseline_incidents_outside_cells", .number(Double(baselineOutside))),
        ("change", .string("incidents per cell: " + change.description)),
      ]
    }
    if zones {
      choices.append(
        ("zones_rule", "chosen cells sharing an edge (corners do not count), numbered by their best-ranked cell"))
    }
    choices += [
      ("statement", .string(statement)),
      ("incident_share", .number(incidentShare)),
      ("area_share", .number(areaShare)),
      ("gini", .number(concentration.gini)),
      ("generalised_gini", .number(concentration.generalisedGini)),
      (
        "gini_rule",
        "G = 2Σ i·x(i)/(mΣx) − (m + 1)/m over every ranked cell, empty ones included; G′ = max(1, m/N)(G − 1) + 1 (Bernasco & Steenbeek 2017)"
      ),
      ("cells_with_incidents", .number(Double(concentration.placesWithIncidents))),
      ("half_of_incidents_cell_share", .number(Double(concentration.placesHolding(share: 0.5)) / Double(layout.count))),
    ]
    return choices
  }

}

extension CellLayout.Shape {
  /// Whether the cells are hexagons.
  public var isHexagon: Bool {
    if case .hexagon = self { return true }
    return false
  }
}
